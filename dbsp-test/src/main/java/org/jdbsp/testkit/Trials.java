package org.jdbsp.testkit;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.opentest4j.AssertionFailedError;

/**
 * Seeded random trials for property-style tests. Each trial draws from its own {@link SplittableRandom},
 * seeded from a fresh random base at every run; a failing trial's error (and standard error) names its
 * seed, and {@code -Djdbsp.seed=N} (the {@link #SEED_PROPERTY}) runs only the trial of seed N, so
 * {@code ./mvnw verify -Dtest=SomeTest -Djdbsp.seed=N} replays the failure. Nothing is printed when
 * the trials pass.
 */
public final class Trials {
    /** The system property that fixes the seed: {@code jdbsp.seed}. */
    public static final String SEED_PROPERTY = "jdbsp.seed";

    private Trials() {}

    /**
     * Runs {@code trials} trials of {@code body}, each with a random of its own seed; with
     * {@code -Djdbsp.seed=N}, one trial with seed N.
     *
     * @param property names the property tested, in the failure's message
     * @throws AssertionError a trial's failure (an assertion or an exception), its message naming the
     *                        property and the seed; the original failure is its cause
     */
    public static void run(String property, int trials, Consumer<SplittableRandom> body) {
        String fixed = System.getProperty(SEED_PROPERTY);
        if (fixed != null) {
            long seed;
            try {
                seed = Long.parseLong(fixed.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + SEED_PROPERTY + "=" + fixed + " is not a long", e);
            }
            one(property, seed, body);
            return;
        }
        SplittableRandom seeds = new SplittableRandom();
        for (int t = 0; t < trials; t++) {
            one(property, seeds.nextLong(), body);
        }
    }

    private static void one(String property, long seed, Consumer<SplittableRandom> body) {
        try {
            body.accept(new SplittableRandom(seed));
        } catch (AssertionError | RuntimeException e) {
            String msg = property + " failed with seed " + seed + " (re-run with -D" + SEED_PROPERTY + "=" + seed + "): " + e.getMessage();
            System.err.println(msg);
            if (e instanceof AssertionFailedError f && f.isExpectedDefined() && f.isActualDefined()) {
                throw new AssertionFailedError(msg, f.getExpected().getValue(), f.getActual().getValue(), e);
            }
            throw new AssertionError(msg, e);
        }
    }
}
