package org.jdbsp.testing;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Seeded random trials for property-style tests. Each trial gets its own seed derived from a random base;
 * a failing trial reports its seed, and {@code -Djdbsp.seed=N} re-runs exactly that trial.
 *
 * <p>The same scheme and property as the test kit's {@code org.jdbsp.testkit.Trials} (module dbsp-test),
 * which the other modules' tests use: dbsp-test depends on dbsp-core, so the core's own tests cannot
 * depend on it (Maven refuses the cycle) and keep this copy. Change both together.
 */
public final class Seeded {
    private Seeded() {}

    /** Runs {@code trials} trials (or only the one given by -Djdbsp.seed), each with a fresh seeded random. */
    public static void trials(String property, int trials, Consumer<SplittableRandom> trial) {
        String fixed = System.getProperty("jdbsp.seed");
        if (fixed != null) {
            run(property, Long.parseLong(fixed.trim()), trial);
            return;
        }
        SplittableRandom seeds = new SplittableRandom();
        for (int t = 0; t < trials; t++) {
            run(property, seeds.nextLong(), trial);
        }
    }

    private static void run(String property, long seed, Consumer<SplittableRandom> trial) {
        try {
            trial.accept(new SplittableRandom(seed));
        } catch (AssertionError | RuntimeException e) {
            String msg = property + " failed with seed " + seed + " (re-run with -Djdbsp.seed=" + seed + "): " + e.getMessage();
            System.err.println(msg);
            throw new AssertionError(msg, e);
        }
    }
}
