package org.jdbsp.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.generator.ParallelEventSource;
import org.jdbsp.nexmark.model.Event;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parallel generation with ordered fan-in: the rate at which one consumer receives per-event-mode events, in
 * event-number order, from {@code threads} generator threads. The score is events per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FanInBenchmark {

    @Param({"1", "2"})
    public int threads;

    private ParallelEventSource source;
    private final Event[] batch = new Event[GeneratorBenchmark.BATCH];

    @Setup
    public void setUp() {
        source = ParallelEventSource.start(GeneratorConfig.defaults(), threads);
    }

    @TearDown
    public void tearDown() {
        source.close();
    }

    @Benchmark
    @OperationsPerInvocation(GeneratorBenchmark.BATCH)
    public void fanIn(Blackhole bh) {
        int n = source.nextBatch(batch);
        for (int i = 0; i < n; i++) {
            bh.consume(batch[i]);
        }
    }
}
