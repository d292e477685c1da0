package org.jdbsp.testkit;

import java.util.Map;
import java.util.Objects;
import org.jdbsp.zset.IndexedZSet;
import org.jdbsp.zset.ZSet;
import org.opentest4j.AssertionFailedError;

/**
 * Order-independent assertions on Z-sets: equal when they hold the same records with the same weights,
 * whatever order or layout each is stored in. A failure is a {@link ZSetAssertionError} listing what is
 * missing, extra and differently weighted.
 */
public final class ZSetAssertions {
    private ZSetAssertions() {}

    /** Asserts that {@code actual} holds exactly the records and weights of {@code expected}. */
    public static void assertZSetEquals(ZSet<?> expected, ZSet<?> actual) {
        assertZSetEquals("Z-set", expected, actual);
    }

    /** As {@link #assertZSetEquals(ZSet, ZSet)}; {@code what} opens the failure's message. */
    public static void assertZSetEquals(String what, ZSet<?> expected, ZSet<?> actual) {
        if (!expected.equals(actual)) {
            throw new ZSetAssertionError(what, ZSetDiff.of(expected, actual));
        }
    }

    /** Asserts that {@code actual} holds exactly the (key, value) tuples and weights of {@code expected}. */
    public static void assertIndexedZSetEquals(IndexedZSet<?, ?> expected, IndexedZSet<?, ?> actual) {
        assertIndexedZSetEquals("indexed Z-set", expected, actual);
    }

    /** As {@link #assertIndexedZSetEquals(IndexedZSet, IndexedZSet)}; {@code what} opens the failure's message. */
    public static void assertIndexedZSetEquals(String what, IndexedZSet<?, ?> expected, IndexedZSet<?, ?> actual) {
        if (!expected.equals(actual)) {
            throw new ZSetAssertionError(what, ZSetDiff.of(expected, actual));
        }
    }

    /**
     * Asserts that two readings agree: two {@link ZSet}s or two {@link IndexedZSet}s by content (a failure is
     * a {@link ZSetAssertionError}), anything else with {@code equals} (a failure is an
     * {@link AssertionFailedError} with both values).
     */
    public static void assertContentEquals(String what, Object expected, Object actual) {
        if (expected instanceof ZSet<?> a && actual instanceof ZSet<?> b) {
            assertZSetEquals(what, a, b);
        } else if (expected instanceof IndexedZSet<?, ?> a && actual instanceof IndexedZSet<?, ?> b) {
            assertIndexedZSetEquals(what, a, b);
        } else if (!Objects.equals(expected, actual)) {
            throw new AssertionFailedError(what + ": expected " + expected + ", actual " + actual, expected, actual);
        }
    }

    /**
     * Asserts that two maps from records to weights (a reference model's content, say) agree; zero weights
     * count as absent.
     */
    public static void assertWeightsEqual(String what, Map<?, Long> expected, Map<?, Long> actual) {
        ZSetDiff diff = ZSetDiff.of(expected, actual);
        if (!diff.isEmpty()) {
            throw new ZSetAssertionError(what, diff);
        }
    }
}
