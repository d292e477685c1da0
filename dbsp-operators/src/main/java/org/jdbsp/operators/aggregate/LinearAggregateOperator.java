package org.jdbsp.operators.aggregate;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.Arrays;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Weights;
import org.jdbsp.zset.internal.Batch;
import org.jdbsp.zset.internal.BatchBuilder;

/**
 * Count, sum and average by key, keeping only the running {@code (count, sum)} of each group: a key maps
 * to a slot of two parallel {@code long[]} columns (fastutil {@link Long2IntOpenHashMap} for long keys,
 * {@link Object2IntOpenHashMap} otherwise). A group's slot is freed when both its count and sum return
 * to zero.
 */
final class LinearAggregateOperator implements UnaryOperator {
    /** What a group's row holds. */
    enum Result {
        COUNT, SUM, LONG_AVERAGE, DOUBLE_AVERAGE
    }

    private static final int NO_SLOT = -1;

    private final Result kind;
    /** Extracts the summed quantity from an object value; null for count, or to sum long (or Number) values. */
    private final ToLongFunction<Object> extractor;
    /** Whether the input's values are {@link LinearPartial}s made by {@link LinearPartialOperator}s. */
    private final boolean partialInput;
    private final Layout out;
    private final Long2IntOpenHashMap longSlots;
    private final Object2IntOpenHashMap<Object> objSlots;
    private final IntArrayList free;
    private long[] counts;
    private long[] sums;
    private int used;

    /**
     * The aggregate {@code kind} of {@code in} batches into {@code out} ones; with {@code partialInput}, the
     * values of {@code in} are {@link LinearPartial}s and {@code extractor} is not used.
     */
    LinearAggregateOperator(Result kind, ToLongFunction<Object> extractor, boolean partialInput, Layout in, Layout out) {
        this.kind = kind;
        this.extractor = extractor;
        this.partialInput = partialInput;
        this.out = out;
        if (in.keyKind() == ColumnKind.LONG) {
            longSlots = new Long2IntOpenHashMap();
            longSlots.defaultReturnValue(NO_SLOT);
            objSlots = null;
        } else {
            objSlots = new Object2IntOpenHashMap<>();
            objSlots.defaultReturnValue(NO_SLOT);
            longSlots = null;
        }
        free = new IntArrayList();
        counts = new long[16];
        sums = new long[16];
    }

    private LinearAggregateOperator(LinearAggregateOperator o) {
        this.kind = o.kind;
        this.extractor = o.extractor;
        this.partialInput = o.partialInput;
        this.out = o.out;
        this.longSlots = o.longSlots == null ? null : new Long2IntOpenHashMap(o.longSlots);
        if (longSlots != null) {
            longSlots.defaultReturnValue(NO_SLOT);
        }
        this.objSlots = o.objSlots == null ? null : new Object2IntOpenHashMap<>(o.objSlots);
        if (objSlots != null) {
            objSlots.defaultReturnValue(NO_SLOT);
        }
        this.free = new IntArrayList(o.free);
        this.counts = o.counts.clone();
        this.sums = o.sums.clone();
        this.used = o.used;
    }

    @Override
    public Batch apply(Batch delta) {
        if (delta.size == 0) {
            return Batch.empty(out);
        }
        BatchBuilder result = new BatchBuilder(out, 2 * delta.size);
        boolean longKeys = delta.longKeys != null;
        boolean summing = kind != Result.COUNT;
        long[] change = new long[2];
        int i = 0;
        while (i < delta.size) {
            int end = delta.endOfKey(i);
            groupChange(delta, i, end, summing, extractor, partialInput, change);
            long dCount = change[0];
            long dSum = change[1];
            if (dCount != 0 || dSum != 0) {
                int slot = longKeys ? longSlots.get(delta.longKeys[i]) : objSlots.getInt(delta.objKeys[i]);
                long oldCount = slot == NO_SLOT ? 0 : counts[slot];
                long oldSum = slot == NO_SLOT ? 0 : sums[slot];
                long newCount = Weights.add(oldCount, dCount);
                long newSum = Math.addExact(oldSum, dSum);
                if (oldCount != 0) {
                    emit(result, delta, i, oldCount, oldSum, -1);
                }
                if (newCount != 0) {
                    emit(result, delta, i, newCount, newSum, 1);
                }
                store(delta, i, slot, newCount, newSum);
            }
            i = end;
        }
        return result.build();
    }

    /**
     * The change {@code (count, sum)} that tuples {@code [from, end)} of {@code delta} (one group) make, into
     * {@code change[0]} and {@code change[1]}: weights counted, quantities summed times their weights (only
     * when {@code summing}); with {@code partials}, the values are {@link LinearPartial}s added up times
     * their weights. Overflow throws {@link ArithmeticException}.
     */
    static void groupChange(Batch delta, int from, int end, boolean summing, ToLongFunction<Object> extractor,
                            boolean partials, long[] change) {
        long dCount = 0;
        long dSum = 0;
        for (int j = from; j < end; j++) {
            long w = delta.weights[j];
            if (partials) {
                LinearPartial p = (LinearPartial) delta.objValues[j];
                dCount = Weights.add(dCount, Math.multiplyExact(w, p.count()));
                dSum = Math.addExact(dSum, Math.multiplyExact(w, p.sum()));
            } else {
                dCount = Weights.add(dCount, w);
                if (summing) {
                    dSum = Math.addExact(dSum, Math.multiplyExact(w, quantity(delta, j, extractor)));
                }
            }
        }
        change[0] = dCount;
        change[1] = dSum;
    }

    private static long quantity(Batch delta, int j, ToLongFunction<Object> extractor) {
        if (extractor != null) {
            return extractor.applyAsLong(delta.value(j));
        }
        return delta.longValues != null ? delta.longValues[j] : ((Number) delta.objValues[j]).longValue();
    }

    private void store(Batch keys, int k, int slot, long count, long sum) {
        if (slot == NO_SLOT) {
            if (count == 0 && sum == 0) {
                return;
            }
            slot = newSlot();
            if (keys.longKeys != null) {
                longSlots.put(keys.longKeys[k], slot);
            } else {
                objSlots.put(keys.objKeys[k], slot);
            }
        } else if (count == 0 && sum == 0) {
            if (keys.longKeys != null) {
                longSlots.remove(keys.longKeys[k]);
            } else {
                objSlots.removeInt(keys.objKeys[k]);
            }
            free.add(slot);
            return;
        }
        counts[slot] = count;
        sums[slot] = sum;
    }

    private int newSlot() {
        if (!free.isEmpty()) {
            return free.popInt();
        }
        if (used == counts.length) {
            counts = Arrays.copyOf(counts, used * 2);
            sums = Arrays.copyOf(sums, used * 2);
        }
        return used++;
    }

    private void emit(BatchBuilder result, Batch keys, int k, long count, long sum, long weight) {
        if (kind == Result.DOUBLE_AVERAGE) {
            Double avg = (double) sum / count;
            result.addKeyOf(keys, k, avg, weight);
            return;
        }
        long value = kind == Result.COUNT ? count : kind == Result.SUM ? sum : sum / count;
        result.addKeyOf(keys, k, value, weight);
    }

    @Override
    public Operator fork() {
        return new LinearAggregateOperator(this);
    }

    /** The number of groups with state. */
    @Override
    public long stateTuples() {
        return longSlots != null ? longSlots.size() : objSlots.size();
    }

    /** Hash table (key + slot, at fastutil's default 0.75 load) plus the two slot columns. */
    @Override
    public long stateBytes() {
        long groups = stateTuples();
        long perEntry = longSlots != null ? 12 : 8;
        return (long) (groups * perEntry / 0.75) + 16L * counts.length + 4L * free.size();
    }
}
