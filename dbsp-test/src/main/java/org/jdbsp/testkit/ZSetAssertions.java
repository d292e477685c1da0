package org.jdbsp.testkit;

import java.util.Map;
import org.jdbsp.zset.IndexedZSet;
import org.jdbsp.zset.ZSet;

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
