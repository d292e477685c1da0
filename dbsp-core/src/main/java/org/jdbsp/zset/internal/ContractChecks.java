package org.jdbsp.zset.internal;

import org.jdbsp.zset.spi.Batch;
import java.util.Comparator;

/**
 * The checks of validation mode ({@code CircuitConfig.withValidation(true)}): that the records of a batch
 * keep the contract of user types, namely {@code hashCode} deterministic and consistent with {@code equals},
 * and an order that calls two records equal exactly when {@code equals} does.
 *
 * <p>The checks are active on a thread while a circuit in validation mode runs a step on it (its executor
 * turns them on and back off), so that the kernels every batch comes from ({@link Consolidation},
 * {@link Merging}) and the exchanges check what they make without knowing the circuit. When no circuit in
 * validation mode has ever run, asking whether they are active costs one read of a static field per batch.
 * A broken rule throws an {@link IllegalArgumentException} naming the type, the two records and the rule,
 * which fails the step.
 */
public final class ContractChecks {
    private ContractChecks() {}

    private static volatile boolean everActive;
    private static final ThreadLocal<boolean[]> ACTIVE = ThreadLocal.withInitial(() -> new boolean[1]);

    /** True when the checks are active on this thread (once per batch, never per record). */
    public static boolean active() {
        return everActive && ACTIVE.get()[0];
    }

    /** Turns the checks on or off on this thread; returns whether they were on. */
    public static boolean activate(boolean on) {
        if (on) {
            everActive = true;
        }
        boolean[] flag = ACTIVE.get();
        boolean was = flag[0];
        flag[0] = on;
        return was;
    }

    /**
     * Checks a consolidated batch: each object's {@code hashCode} is the same when asked twice (when
     * {@code newRecords}); adjacent keys
     * the order calls equal (one key's tuples) are {@code equals} and hash alike; adjacent keys, and adjacent
     * values of one key, that the order tells apart are not {@code equals}; and adjacent tuples are still in
     * order (an order that changes from call to call, e.g. through a random hash code, is caught here). A
     * merge of batches checked already passes {@code newRecords} false: their hash codes were asked twice.
     */
    public static void checkBatch(Batch b, boolean newRecords) {
        Object[] keys = b.objKeys;
        Object[] values = b.objValues;
        Comparator<Object> keyOrder = b.layout.keyOrder();
        Comparator<Object> valueOrder = b.layout.valueOrder();
        for (int i = 0; i < b.size; i++) {
            if (newRecords && keys != null) {
                checkHashStable(keys[i]);
            }
            if (newRecords && values != null) {
                checkHashStable(values[i]);
            }
            if (i == 0) {
                continue;
            }
            int byKey = keys != null ? keyOrder.compare(keys[i - 1], keys[i]) : Long.compare(b.longKeys[i - 1], b.longKeys[i]);
            if (keys != null) {
                checkAdjacent(keys[i - 1], keys[i], byKey, "key", !b.layout.isPlainZSet());
            }
            if (byKey == 0 && values != null) {
                checkAdjacent(values[i - 1], values[i], valueOrder.compare(values[i - 1], values[i]), "value", false);
            }
        }
    }

    /** Checks that two records the order and {@code equals} both call equal have one hash code. */
    public static void checkSameHash(Object a, Object b, String column) {
        if (a != b && a.hashCode() != b.hashCode()) {
            throw broken(a, b, "they are equal by the " + column + " order and by equals(), but their hashCode() differ ("
                    + a.hashCode() + " and " + b.hashCode() + "): hashCode must be consistent with equals");
        }
    }

    /**
     * Checks that a hash computed twice for one key (by {@code hashCode} or the exchanges' stable hash) came
     * out the same.
     */
    public static void checkHashRepeats(Object key, long first, long second, String what) {
        if (first != second) {
            throw broken(key, null, "the " + what + " of " + key + " is not deterministic (" + first + ", then " + second
                    + "): it must depend only on the record's fields, and records must be immutable");
        }
    }

    /** The failure of a rule broken by {@code a} (and {@code b}, when not null). */
    public static IllegalArgumentException broken(Object a, Object b, String rule) {
        return new IllegalArgumentException("validation: records of " + a.getClass().getName()
                + " break the contract of user types" + (b == null ? "" : " (" + a + " and " + b + ")") + ": " + rule);
    }

    private static void checkHashStable(Object o) {
        checkHashRepeats(o, o.hashCode(), o.hashCode(), "hashCode()");
    }

    private static void checkAdjacent(Object a, Object b, int order, String column, boolean equalAllowed) {
        if (order > 0 || (order == 0 && !equalAllowed)) {
            throw broken(a, b, "the " + column + " order compared them differently from one call to the next (they were"
                    + " sorted and merged, now they are " + (order > 0 ? "out of order" : "equal")
                    + "): the order, and any hashCode it uses, must be deterministic, and records immutable");
        }
        if (order == 0) {
            Batch.checkSame(a, b, column);
            checkSameHash(a, b, column);
        } else if (a.equals(b)) {
            throw broken(a, b, "the " + column + " order tells them apart but they are equal by equals(): the order"
                    + " must be consistent with equals, not finer (equal records must compare as 0)");
        }
    }
}
