package org.jdbsp.bench.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.Consolidation;
import org.jdbsp.zset.spi.Merging;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code Merging.plus} of two consolidated batches of 1,000,000 tuples each. Score: nanoseconds per input
 * tuple (an invocation merges 2,000,000 tuples and allocates the output arrays, which is part of the cost).
 *
 * <p>The two batches are built once per trial from different seeds ({@code dist} as in
 * {@link CoreConsolidateBenchmark}: {@code uniform1M} keys and values in [0, 1,000,000), or
 * {@code fullRange} random longs), so they are disjoint-ish: with long values, equal (key, value) pairs are
 * rare; with keys alone ({@code longs}) and {@code uniform1M}, many keys meet and their weights are added.
 * Sizes are exactly 1,000,000 per batch: inputs are drawn until consolidation leaves that many tuples.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class CoreMergeBenchmark {

    static final int N = 1_000_000;

    @Param({"uniform1M", "fullRange"})
    public String dist;

    @Param({"longToLongs", "longs"})
    public String shape;

    private Batch a;
    private Batch b;

    /** A consolidated batch of exactly {@code n} tuples (or fewer when the key space is too small for keys alone). */
    static Batch randomBatch(Layout layout, String dist, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        boolean full = "fullRange".equals(dist);
        boolean withValues = layout.equals(Layout.longToLongs());
        int m = n * 3;
        long[] k = new long[m];
        long[] v = withValues ? new long[m] : null;
        long[] w = new long[m];
        for (int i = 0; i < m; i++) {
            k[i] = full ? r.nextLong() : r.nextLong(1_000_000);
            if (v != null) {
                v[i] = full ? r.nextLong() : r.nextLong(1_000_000);
            }
            long mag = 1 + r.nextInt(3);
            w[i] = r.nextBoolean() ? mag : -mag;
        }
        // Consolidate growing prefixes until one yields n tuples.
        int take = n;
        while (true) {
            Batch c = Consolidation.consolidate(layout, take, k.clone(), null, v == null ? null : v.clone(), null, w.clone());
            if (c.size >= n || take == m) {
                return truncate(layout, c, n);
            }
            take = Math.min(m, take + (n - c.size) * 3 / 2 + 16);
        }
    }

    private static Batch truncate(Layout layout, Batch c, int n) {
        if (c.size <= n) {
            return c;
        }
        long[] k = java.util.Arrays.copyOf(c.longKeys, n);
        long[] v = c.longValues == null ? null : java.util.Arrays.copyOf(c.longValues, n);
        long[] w = java.util.Arrays.copyOf(c.weights, n);
        return Consolidation.consolidate(layout, n, k, null, v, null, w);
    }

    @Setup(Level.Trial)
    public void build() {
        Layout layout = "longToLongs".equals(shape) ? Layout.longToLongs() : Layout.LONGS;
        a = randomBatch(layout, dist, N, 11);
        b = randomBatch(layout, dist, N, 12);
        Batch sum = Merging.plus(a, b);
        System.out.println("\n[merge setup] |a| = " + a.size + ", |b| = " + b.size + ", |a+b| = " + sum.size);
    }

    @Benchmark
    @OperationsPerInvocation(2 * N)
    public Batch plus() {
        return Merging.plus(a, b);
    }
}
