package org.jdbsp.bench.jmh;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jdbsp.trace.Trace;
import org.jdbsp.trace.TraceCursor;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Key seeks in a {@link Trace} of {@code Layout.longToLongs()} fed 10,000,000 tuples as 1,000 consolidated
 * batches of 10,000 (keys uniform in [0, 10,000,000), values uniform in [0, 1,000,000), weights in
 * {-3..-1, 1..3}; fixed seeds). The trace is built once per trial; its spine is whatever the size-tiered
 * merging left (printed at setup). Seek keys are 1,000,000 uniform draws from the same key range, so about
 * 63% of them hit a stored key. Score: nanoseconds per seek.
 *
 * <ul>
 *   <li>{@link #sortedSeeksOneCursor}: the 1,000,000 seek keys sorted ascending and sought with one cursor,
 *       as a join operator does (galloping forward in every batch of the spine).</li>
 *   <li>{@link #randomSeekFreshCursor}: the seek keys in random order, each with a new cursor (a cursor
 *       only seeks forward), so every seek is a full search in every batch plus a cursor allocation.</li>
 * </ul>
 * Only the seek is measured (its boolean result is consumed); the values under the key are not walked.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class CoreTraceSeekBenchmark {

    static final int BATCHES = 1_000;
    static final int BATCH_SIZE = 10_000;
    static final long KEY_RANGE = 10_000_000L;
    static final int SEEKS = 1_000_000;

    private Trace trace;
    private long[] randomKeys;
    private long[] sortedKeys;

    /** 1,000 consolidated batches of 10,000 random tuples each (see the class comment). */
    static Batch[] batches(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Batch[] out = new Batch[BATCHES];
        BatchBuilder builder = new BatchBuilder(Layout.longToLongs(), BATCH_SIZE);
        for (int i = 0; i < BATCHES; i++) {
            for (int j = 0; j < BATCH_SIZE; j++) {
                long m = 1 + r.nextInt(3);
                builder.addLongLong(r.nextLong(KEY_RANGE), r.nextLong(1_000_000), r.nextBoolean() ? m : -m);
            }
            out[i] = builder.build();
        }
        return out;
    }

    @Setup(Level.Trial)
    public void build() {
        trace = new Trace(Layout.longToLongs());
        for (Batch b : batches(21)) {
            trace.insert(b);
        }
        SplittableRandom r = new SplittableRandom(22);
        randomKeys = new long[SEEKS];
        for (int i = 0; i < SEEKS; i++) {
            randomKeys[i] = r.nextLong(KEY_RANGE);
        }
        sortedKeys = randomKeys.clone();
        Arrays.sort(sortedKeys);
        StringBuilder sizes = new StringBuilder();
        for (Batch b : trace.batches()) {
            sizes.append(' ').append(b.size);
        }
        System.out.println("\n[trace setup] " + trace.batchCount() + " batches, " + trace.storedTuples()
                + " tuples stored; batch sizes:" + sizes);
    }

    @Benchmark
    @OperationsPerInvocation(SEEKS)
    public void sortedSeeksOneCursor(Blackhole bh) {
        TraceCursor c = trace.cursor();
        long[] keys = sortedKeys;
        int hits = 0;
        for (int i = 0; i < SEEKS; i++) {
            if (c.seekLongKey(keys[i])) {
                hits++;
            }
        }
        bh.consume(hits);
    }

    @Benchmark
    @OperationsPerInvocation(SEEKS)
    public void randomSeekFreshCursor(Blackhole bh) {
        long[] keys = randomKeys;
        int hits = 0;
        for (int i = 0; i < SEEKS; i++) {
            if (trace.cursor().seekLongKey(keys[i])) {
                hits++;
            }
        }
        bh.consume(hits);
    }
}
