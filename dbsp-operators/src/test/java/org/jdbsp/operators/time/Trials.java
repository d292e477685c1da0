package org.jdbsp.operators.time;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Seeded random trials for the differential tests of this module: each trial gets its own seed, printed
 * when it fails; {@code -Djdbsp.seed=N} re-runs exactly that trial, {@code -Djdbsp.baseSeed=N} a whole run.
 */
public final class Trials {
    private Trials() {}

    /** Step sizes every differential test runs with: one record per step, seven, and all at once. */
    public static final int[] STEP_SIZES = {1, 7, Integer.MAX_VALUE};

    /** Runs {@code trials} seeded trials (or the one given by -Djdbsp.seed). */
    public static void run(String property, int trials, Consumer<SplittableRandom> trial) {
        String fixed = System.getProperty("jdbsp.seed");
        if (fixed != null) {
            one(property, Long.parseLong(fixed), trial);
            return;
        }
        long base = Long.getLong("jdbsp.baseSeed", System.nanoTime());
        SplittableRandom seeds = new SplittableRandom(base);
        for (int t = 0; t < trials; t++) {
            one(property, seeds.nextLong(), trial);
        }
    }

    private static void one(String property, long seed, Consumer<SplittableRandom> trial) {
        try {
            trial.accept(new SplittableRandom(seed));
        } catch (AssertionError | RuntimeException e) {
            String msg = property + " failed with seed " + seed + " (re-run with -Djdbsp.seed=" + seed + "): " + e.getMessage();
            System.err.println(msg);
            throw new AssertionError(msg, e);
        }
    }

    /** Splits {@code ops} into consecutive steps of {@code size} (the last may be shorter). */
    public static <E> List<List<E>> steps(List<E> ops, int size) {
        List<List<E>> out = new ArrayList<>();
        for (int i = 0; i < ops.size(); i += size) {
            out.add(ops.subList(i, (int) Math.min(ops.size(), (long) i + size)));
        }
        if (out.isEmpty()) {
            out.add(List.of());
        }
        return out;
    }
}
