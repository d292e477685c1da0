package org.jdbsp.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.generator.NexmarkGenerator;
import org.jdbsp.nexmark.generator.RngMode;
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
 * Single-threaded generation speed: events built (every field) but not formatted, each consumed by a Blackhole
 * as it is made (as the reference anchor was measured). The score is events per second.
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

    @Setup
    public void setUp() {
        RngMode mode = "reference".equals(rng) ? RngMode.REFERENCE : RngMode.PER_EVENT;
        generator = NexmarkGenerator.create(GeneratorConfig.builder().rngMode(mode).build());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void generate(Blackhole bh) {
        NexmarkGenerator g = generator;
        for (int i = 0; i < BATCH; i++) {
            bh.consume(g.next());
        }
    }
}
