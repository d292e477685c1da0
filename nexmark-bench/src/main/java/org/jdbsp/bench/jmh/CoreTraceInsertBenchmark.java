package org.jdbsp.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.jdbsp.trace.Trace;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Feeding an empty {@link Trace} of {@code Layout.longToLongs()} 10,000,000 tuples as 1,000 consolidated
 * batches of 10,000 (the batches of {@link CoreTraceSeekBenchmark}, built once per trial; batches are
 * immutable, so every invocation inserts the same ones into a new trace). Measures the size-tiered merges
 * of the spine, not the consolidation of the batches. Score: nanoseconds per inserted tuple.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class CoreTraceInsertBenchmark {

    private Batch[] batches;

    @Setup(Level.Trial)
    public void build() {
        batches = CoreTraceSeekBenchmark.batches(21);
    }

    @Benchmark
    @OperationsPerInvocation(CoreTraceSeekBenchmark.BATCHES * CoreTraceSeekBenchmark.BATCH_SIZE)
    public Trace insert10M() {
        Trace t = new Trace(Layout.longToLongs());
        for (Batch b : batches) {
            t.insert(b);
        }
        return t;
    }
}
