package org.jdbsp.operators.aggregate;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StatePartitioning;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.operators.aggregate.internal.GroupSlots;
import org.jdbsp.operators.aggregate.internal.GroupTable;
import org.jdbsp.operators.aggregate.internal.Int128;
import org.jdbsp.operators.aggregate.internal.LinearGroups;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.operators.time.internal.ForgetsBelow;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Weights;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Count, sum and average by key, keeping only the running {@code (count, sum)} of each group in the aggregates'
 * {@link GroupTable} (the table of every window of a windowed aggregate too): its index ({@link GroupSlots}, unboxed
 * for long keys) maps a key to a slot of words holding the group's count and sum as exact 128-bit integers
 * ({@link Int128}). A group's slot is freed when both its count and sum return to zero.
 *
 * <p>Overflow: the count ({@code Σ w}) and sum ({@code Σ w·f(v)}) of a group are accumulated exactly, so no
 * order or split of its tuples (over workers, over steps) overflows on the way; a step fails with an
 * {@link ArithmeticException} naming the group's key and its exact value only when the group's result after
 * the step does not fit in a long (its count, its sum, or its integer average; the double average never
 * fails). The message names the group as the operator's key description says ({@code "group " + key} by
 * default). (Windows name the key and the window in their own messages: {@code WindowAggregate.result}.)
 *
 * <p>Forgetting ({@link ForgetsBelow}): the groups have a time (a long key is its own time; an object key's
 * is given by a key-time function), and {@link #forgetBelow} drops the groups whose time is below a bound.
 * The operator keeps the least time of its groups (updated when a group is created, without allocation), so
 * a bound at or below it costs nothing, and a bound above it one pass over the groups.
 */
final class LinearAggregateOperator implements UnaryOperator, ForgetsBelow {
    /** What a group's row holds. */
    enum Result {
        COUNT, SUM, LONG_AVERAGE, DOUBLE_AVERAGE
    }

    /** Longs per group: count high and low word, sum high and low word. */
    static final int WORDS = LinearGroups.WORDS;

    private static final int NO_SLOT = GroupTable.NONE;

    private final Result kind;
    /** Extracts the summed quantity from an object value; null for count, or to sum long (or Number) values. */
    private final ToLongFunction<Object> extractor;
    /** Whether the input's values are {@link LinearPartial}s made by {@link LinearPartialOperator}s. */
    private final boolean partialInput;
    private final Layout out;
    /** How an overflow message names a group, from its key. */
    private final Function<Object, String> describeKey;
    /** The time of an object key (for {@link #forgetBelow}); null when object keys have none. */
    private final ToLongFunction<Object> keyTime;
    /** Whether the input's keys are longs (else objects). */
    private final boolean longKeys;
    private final GroupTable groups;
    /** No group has a time below this (a lower bound: freed groups leave it in place). */
    private long leastTime = Long.MAX_VALUE;

    /**
     * The aggregate {@code kind} of {@code in} batches into {@code out} ones; with {@code partialInput}, the
     * values of {@code in} are {@link LinearPartial}s and {@code extractor} is not used.
     */
    LinearAggregateOperator(Result kind, ToLongFunction<Object> extractor, boolean partialInput, Layout in, Layout out) {
        this(kind, extractor, partialInput, in, out, LinearAggregateOperator::group, null);
    }

    /**
     * As above, with overflow messages naming a group by {@code describeKey(key)}, and object keys whose time
     * (for {@link #forgetBelow}) is {@code keyTime(key)} (null: object keys have no time).
     */
    LinearAggregateOperator(Result kind, ToLongFunction<Object> extractor, boolean partialInput, Layout in, Layout out,
                            Function<Object, String> describeKey, ToLongFunction<Object> keyTime) {
        this.kind = kind;
        this.extractor = extractor;
        this.partialInput = partialInput;
        this.out = out;
        this.describeKey = describeKey;
        this.keyTime = keyTime;
        this.longKeys = in.keyKind() == ColumnKind.LONG;
        this.groups = new GroupTable();
    }

    private LinearAggregateOperator(LinearAggregateOperator o) {
        this.kind = o.kind;
        this.extractor = o.extractor;
        this.partialInput = o.partialInput;
        this.out = o.out;
        this.describeKey = o.describeKey;
        this.keyTime = o.keyTime;
        this.leastTime = o.leastTime;
        this.longKeys = o.longKeys;
        this.groups = o.groups.copy();
    }

    @Override
    public Batch apply(Batch delta) {
        if (delta.size == 0) {
            return Batch.empty(out);
        }
        BatchBuilder result = new BatchBuilder(out, 2 * delta.size);
        boolean longKeys = delta.longKeys != null;
        boolean summing = kind != Result.COUNT;
        long[] change = new long[WORDS];
        long[] before = new long[WORDS];
        int i = 0;
        while (i < delta.size) {
            int end = delta.endOfKey(i);
            groupChange(delta, i, end, summing, extractor, partialInput, change);
            if (!isZero(change)) {
                int slot = longKeys ? groups.slotOfLong(delta.longKeys[i]) : groups.slotOf(delta.objKeys[i]);
                if (slot == NO_SLOT) {
                    Arrays.fill(before, 0);
                } else {
                    groups.get(slot, before);
                }
                Int128.add(change, 0, before[0], before[1]);
                Int128.add(change, 2, before[2], before[3]);
                // change now holds the group after the step; a result that does not fit fails before the state changes
                if (!Int128.isZero(before[0], before[1])) {
                    emit(result, delta, i, before, -1);
                }
                if (!Int128.isZero(change[0], change[1])) {
                    emit(result, delta, i, change, 1);
                }
                store(delta, i, slot, change);
            }
            i = end;
        }
        return result.build();
    }

    private static boolean isZero(long[] group) {
        return (group[0] | group[1] | group[2] | group[3]) == 0;
    }

    /**
     * The change {@code (count, sum)} that tuples {@code [from, end)} of {@code delta} (one group) make, into
     * {@code change} as two 128-bit integers (count high and low, sum high and low): weights counted,
     * quantities summed times their weights (only when {@code summing}); with {@code partials}, the values are
     * {@link LinearPartial}s added up times their weights. Exact, never overflows (see {@link Int128}).
     */
    static void groupChange(Batch delta, int from, int end, boolean summing, ToLongFunction<Object> extractor,
                            boolean partials, long[] change) {
        Arrays.fill(change, 0);
        for (int j = from; j < end; j++) {
            long w = delta.weights[j];
            if (partials) {
                LinearPartial p = (LinearPartial) delta.objValues[j];
                Int128.addMultiple(change, 0, w, p.countHigh(), p.countLow());
                Int128.addMultiple(change, 2, w, p.sumHigh(), p.sumLow());
            } else {
                Int128.addLong(change, 0, w);
                if (summing) {
                    Int128.addProduct(change, 2, w, quantity(delta, j, extractor));
                }
            }
        }
    }

    private static long quantity(Batch delta, int j, ToLongFunction<Object> extractor) {
        if (extractor != null) {
            return extractor.applyAsLong(delta.value(j));
        }
        return delta.longValues != null ? delta.longValues[j] : ((Number) delta.objValues[j]).longValue();
    }

    private void store(Batch keys, int k, int slot, long[] group) {
        if (slot == NO_SLOT) {
            if (isZero(group)) {
                return;
            }
            if (keys.longKeys != null) {
                slot = groups.createLong(keys.longKeys[k]);
                leastTime = Math.min(leastTime, keys.longKeys[k]);
            } else {
                slot = groups.create(keys.objKeys[k]);
                if (keyTime != null) {
                    leastTime = Math.min(leastTime, keyTime.applyAsLong(keys.objKeys[k]));
                }
            }
        } else if (isZero(group)) {
            if (keys.longKeys != null) {
                groups.removeLong(keys.longKeys[k], slot);
            } else {
                groups.remove(keys.objKeys[k], slot);
            }
            return;
        }
        groups.set(slot, group);
    }

    /** Adds the row of a group whose count (not zero) and sum are {@code group}; fails if its result does not fit. */
    private void emit(BatchBuilder result, Batch keys, int k, long[] group, long weight) {
        long countHigh = group[0];
        long count = group[1];
        long sumHigh = group[2];
        long sum = group[3];
        boolean exactLongs = Int128.fitsLong(countHigh, count) && Int128.fitsLong(sumHigh, sum);
        if (kind == Result.DOUBLE_AVERAGE) {
            Double avg = exactLongs ? (double) sum / count : Int128.toDouble(sumHigh, sum) / Int128.toDouble(countHigh, count);
            result.addKeyOf(keys, k, avg, weight);
            return;
        }
        long value;
        if (kind == Result.COUNT) {
            if (!Int128.fitsLong(countHigh, count)) {
                throw overflow("count", keys, k, Int128.toString(countHigh, count), group);
            }
            value = count;
        } else if (kind == Result.SUM) {
            if (!Int128.fitsLong(sumHigh, sum)) {
                throw overflow("sum", keys, k, Int128.toString(sumHigh, sum), group);
            }
            value = sum;
        } else if (exactLongs && !(sum == Long.MIN_VALUE && count == -1)) {
            value = sum / count;
        } else {
            BigInteger avg = Int128.toBigInteger(sumHigh, sum).divide(Int128.toBigInteger(countHigh, count));
            if (avg.bitLength() > 63) {
                throw overflow("average", keys, k, avg.toString(), group);
            }
            value = avg.longValue();
        }
        result.addKeyOf(keys, k, value, weight);
    }

    private ArithmeticException overflow(String what, Batch keys, int k, String value, long[] group) {
        return new ArithmeticException("the " + what + " of " + describeKey.apply(keys.key(k)) + " is " + value
                + ", which does not fit in a long (count " + Int128.toString(group[0], group[1])
                + ", sum " + Int128.toString(group[2], group[3]) + ")");
    }

    @Override
    public void forgetBelow(long bound) {
        if (!longKeys && keyTime == null) {
            throw new IllegalStateException("this aggregate's keys have no time, so it cannot forget groups below one");
        }
        if (bound <= leastTime) {
            return;
        }
        leastTime = groups.forgetBelow(bound, longKeys ? null : keyTime);
    }

    private static String group(Object key) {
        return "group " + key;
    }

    @Override
    public Operator fork() {
        return new LinearAggregateOperator(this);
    }

    /** Saves the slots of the groups, the free slots and the groups' words as they are. */
    @Override
    public void snapshot(StateWriter out) {
        groups.writeKeys(out, longKeys, (key, slot) -> out.writeInt(slot));
        groups.writeWords(out);
        out.writeLong(leastTime);
    }

    @Override
    public void restore(StateReader in) {
        if (in.rescaling()) {
            restoreOwned(in);
            return;
        }
        for (int n = in.readInt(); n > 0; n--) {
            if (longKeys) {
                groups.putLong(in.readLong(), in.readInt());
            } else {
                groups.put(in.readObject(), in.readInt());
            }
        }
        groups.readWords(in);
        leastTime = in.readLong();
    }

    /**
     * Adds, from a part saved on another number of workers, the groups whose keys this worker owns, each in a new
     * slot of this table (the saved slots are those of the saved worker's table).
     */
    private void restoreOwned(StateReader in) {
        int n = in.readInt();
        long[] savedLongs = longKeys ? new long[n] : null;
        Object[] savedObjects = longKeys ? null : new Object[n];
        int[] saved = new int[n];
        for (int i = 0; i < n; i++) {
            if (savedLongs != null) {
                savedLongs[i] = in.readLong();
            } else {
                savedObjects[i] = in.readObject();
            }
            saved[i] = in.readInt();
        }
        LinearGroups savedGroups = GroupTable.readSavedWords(in);
        leastTime = Math.min(leastTime, in.readLong());
        for (int i = 0; i < n; i++) {
            if (savedLongs != null ? !in.ownsLong(savedLongs[i]) : !in.owns(savedObjects[i])) {
                continue;
            }
            int slot = groups.copyGroup(savedGroups, saved[i]);
            if (savedLongs != null) {
                groups.putLong(savedLongs[i], slot);
            } else {
                groups.put(savedObjects[i], slot);
            }
        }
    }

    /** A group lives on the worker owning its key (the input is sharded by it, or its partials are sent there). */
    @Override
    public StatePartitioning statePartitioning() {
        return StatePartitioning.BY_KEY;
    }

    /** The number of groups with state. */
    @Override
    public long stateTuples() {
        return groups.size();
    }

    /** The group index (key + slot per group) plus the groups' words. */
    @Override
    public long stateBytes() {
        return groups.bytes();
    }
}
