package org.jdbsp.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.generator.NexmarkGenerator;
import org.jdbsp.nexmark.generator.RngMode;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-threaded generation speed: events built (every field) but not formatted, consumed by a Blackhole.
 * The score is events per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GeneratorBenchmark {

    /** Events per benchmark invocation. */
    static final int BATCH = 10_000;

    @Param({"reference", "per-event"})
    public String rng;

    private NexmarkGenerator generator;
    private final Event[] batch = new Event[BATCH];

    @Setup
    public void setUp() {
        RngMode mode = "reference".equals(rng) ? RngMode.REFERENCE : RngMode.PER_EVENT;
        generator = NexmarkGenerator.create(GeneratorConfig.builder().rngMode(mode).build());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void generate(Blackhole bh) {
        int n = generator.nextBatch(batch);
        for (int i = 0; i < n; i++) {
            bh.consume(batch[i]);
        }
    }
}
