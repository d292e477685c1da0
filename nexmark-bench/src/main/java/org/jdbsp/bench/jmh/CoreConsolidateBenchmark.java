package org.jdbsp.bench.jmh;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.jdbsp.zset.spi.Consolidation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Consolidation of 1,000,000 unsorted tuples, next to {@link Arrays#sort(long[])} of 1,000,000 longs.
 *
 * <p>Score: milliseconds per 1,000,000 tuples. Inputs are generated once per trial from a fixed seed
 * ("pristine" arrays). Consolidation sorts in place and hands its arrays to the batch, so every invocation
 * works on a fresh copy made in {@code @Setup(Level.Invocation)}, outside the measured time; the same goes
 * for the sort baseline. {@link #builderAppendAndBuild} instead measures the whole public path (a
 * {@link BatchBuilder} sized for the input, 1,000,000 appends, {@code build()}), so it includes the copy.
 *
 * <p>Key distributions ({@code dist}):
 * <ul>
 *   <li>{@code uniform1M}: keys and values uniform in [0, 1,000,000); about 1 key in 3 is absent, most
 *       present keys have one or two values; weights uniform in {-3..-1, 1..3}.</li>
 *   <li>{@code fullRange}: keys and values uniform over all 64-bit longs (negative ones included); same weights.</li>
 * </ul>
 * Shapes ({@code shape}): {@code longToLongs} (long key, long value, weight) and {@code longs} (long key,
 * weight; Z-set of longs). The baseline sorts 1,000,000 longs of the same distribution as {@code dist}
 * ({@code fullRange} = random longs).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class CoreConsolidateBenchmark {

    /** Tuples per invocation. */
    static final int N = 1_000_000;

    static long[] keys(String dist, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] a = new long[N];
        boolean full = "fullRange".equals(dist);
        for (int i = 0; i < N; i++) {
            a[i] = full ? r.nextLong() : r.nextLong(1_000_000);
        }
        return a;
    }

    static long[] weights(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] a = new long[N];
        for (int i = 0; i < N; i++) {
            long m = 1 + r.nextInt(3);
            a[i] = r.nextBoolean() ? m : -m;
        }
        return a;
    }

    /** The pristine input and the working copy consolidation consumes. */
    @State(Scope.Thread)
    public static class Input {
        @Param({"uniform1M", "fullRange"})
        public String dist;

        @Param({"longToLongs", "longs"})
        public String shape;

        Layout layout;
        long[] pk;
        long[] pv;
        long[] pw;
        long[] k;
        long[] v;
        long[] w;

        @Setup(Level.Trial)
        public void generate() {
            boolean withValues = "longToLongs".equals(shape);
            layout = withValues ? Layout.longToLongs() : Layout.LONGS;
            pk = keys(dist, 1);
            pv = withValues ? keys(dist, 2) : null;
            pw = weights(3);
            k = new long[N];
            v = withValues ? new long[N] : null;
            w = new long[N];
        }

        /** Not measured: restores the unsorted input the previous invocation sorted. */
        @Setup(Level.Invocation)
        public void copy() {
            System.arraycopy(pk, 0, k, 0, N);
            if (pv != null) {
                System.arraycopy(pv, 0, v, 0, N);
            }
            System.arraycopy(pw, 0, w, 0, N);
        }
    }

    /** The pristine longs and the working copy the baseline sorts. */
    @State(Scope.Thread)
    public static class SortInput {
        @Param({"uniform1M", "fullRange"})
        public String dist;

        long[] pristine;
        long[] a;

        @Setup(Level.Trial)
        public void generate() {
            pristine = keys(dist, 1);
            a = new long[N];
        }

        /** Not measured. */
        @Setup(Level.Invocation)
        public void copy() {
            System.arraycopy(pristine, 0, a, 0, N);
        }
    }

    /** Sort by (key, value), add the weights of equal tuples, drop zeros; in place on the copied arrays. */
    @Benchmark
    public Batch consolidate(Input in) {
        return Consolidation.consolidate(in.layout, N, in.k, null, in.v, null, in.w);
    }

    /** The public path: append every tuple to a builder (includes copying the input), then build. */
    @Benchmark
    public Batch builderAppendAndBuild(Input in) {
        BatchBuilder b = new BatchBuilder(in.layout, N);
        long[] k = in.pk;
        long[] w = in.pw;
        long[] v = in.pv;
        if (v != null) {
            for (int i = 0; i < N; i++) {
                b.addLongLong(k[i], v[i], w[i]);
            }
        } else {
            for (int i = 0; i < N; i++) {
                b.addLong(k[i], w[i]);
            }
        }
        return b.build();
    }

    /** Baseline: {@code Arrays.sort} of 1,000,000 longs (a fresh unsorted copy each time). */
    @Benchmark
    public long[] sortBaseline(SortInput in) {
        Arrays.sort(in.a);
        return in.a;
    }
}
