package org.jdbsp.operators.window;

import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectRBTreeMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectSortedMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.operators.aggregate.internal.GroupTable;
import org.jdbsp.operators.time.internal.ForgetsBelow;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Aggregates per (fixed-size window, key) and emits each window's rows once the watermark reaches its end;
 * inputs: the records (none of them late: {@link WindowedAggregates} drops those upstream), the watermark
 * stream. The groups are indexed by (window start, key): a sorted map of window starts, so that closing and
 * forgetting windows are range operations, each window the ordinary aggregates' table of groups ({@link GroupTable},
 * the one of the ordinary count/sum/average by key): its keys (unboxed for long keys) to their accumulators (exact
 * linear words for count and sum, plus an incremental aggregator's state for the others). Each group is held once,
 * there.
 *
 * <p>Forgetting ({@link ForgetsBelow}) is driven by the watermark as for every other keyed state, by a strict
 * {@link org.jdbsp.operators.time.internal.StateGcOperator} at the end of the step: a group's time is the last
 * watermark at which it can still change a row, {@code end + lateness - 1}, so a window goes once the watermark
 * reaches its end plus the allowed lateness (every window at the end of time).
 */
final class TimeWindowAggregateOperator extends WindowedOperator implements ForgetsBelow {
    private final TimeWindows windows;
    /** The incremental aggregator of min, max and custom aggregates; null for count and sum. */
    private final WindowStateAggregator<Object> states;
    private Long2ObjectRBTreeMap<GroupTable> byStart = new Long2ObjectRBTreeMap<>();
    /**
     * A direct-mapped cache of the windows a step touches, by start (slot: start / slide mod {@value #CACHED}),
     * so that a record finds its windows without a tree lookup; records come in any order (a batch is sorted by
     * record, not by time), but a step's records span few windows. Filled and emptied within one step, a
     * slot cleared when its window is removed.
     */
    private static final int CACHED = 64;
    private final long[] cachedStart = new long[CACHED];
    private final GroupTable[] cachedGroups = new GroupTable[CACHED];

    /** Keyed by the objects {@code key(record)}. */
    TimeWindowAggregateOperator(Function<Object, Object> key, ToLongFunction<Object> eventTime, TimeWindows windows,
                                WindowAggregate<?, ?> agg, long lateness) {
        this(key, null, eventTime, windows, agg, lateness);
    }

    /** Keyed by the unboxed longs {@code longKey(record)} when it is not null (see {@link WindowedOperator}). */
    TimeWindowAggregateOperator(Function<Object, Object> key, ToLongFunction<Object> longKey, ToLongFunction<Object> eventTime,
                                TimeWindows windows, WindowAggregate<?, ?> agg, long lateness) {
        super(key, longKey, eventTime, agg, lateness);
        this.windows = windows;
        this.states = WindowStateAggregator.of(agg);
    }

    /** A group of an already emitted window that this step changes. */
    private record GroupRef(long start, Object key) {}

    private static final Object ABSENT = new Object();

    /**
     * Records are added to their groups one by one with their weights, and a group's result is read only before
     * its first change of a step and after the last, so the order and repetition of a step's records do not
     * matter: the exchange before may hand them over unsorted.
     */
    @Override
    public boolean readsTupleByTuple() {
        return true;
    }

    @Override
    Batch step(Batch records, long w0, long w1) {
        long size = windows.size();
        long slide = windows.slide();
        BatchBuilder out = new BatchBuilder(Layout.OBJECTS);
        Map<GroupRef, Object> reopened = null;
        for (int i = 0; i < records.size; i++) {
            Object record = records.key(i);
            long weight = records.weights[i];
            long t = eventTime.applyAsLong(record);
            long first = windows.firstStart(t);
            int n = windows.windowsOf(t);
            // a long key is read and looked up unboxed; boxed only if the record reopens an emitted row
            long lk = longKey == null ? 0 : longKey.applyAsLong(record);
            Object k = longKey == null ? keyOf(record) : null;
            // window ends grow with their starts: only the first windows can have been emitted already
            boolean emitted = windows.end(first) <= w0;
            // starts are multiples of the slide, so successive windows take successive slots
            int slot = (int) (first / slide);
            long s = first;
            for (int j = 0; j < n; j++, s += slide, slot++) {
                int c = slot & (CACHED - 1);
                GroupTable groups = cachedGroups[c];
                if (groups == null || cachedStart[c] != s) {
                    groups = groupsAt(s);
                    cachedGroups[c] = groups;
                    cachedStart[c] = s;
                }
                if (emitted && windows.end(s) <= w0) {
                    if (reopened == null) {
                        reopened = new HashMap<>();
                    }
                    if (k == null) {
                        k = lk;
                    }
                    GroupRef ref = new GroupRef(s, k);
                    if (!reopened.containsKey(ref)) {
                        int g = groups.slotOf(k);
                        Object before = g == GroupTable.NONE ? null : agg.result(groups, g, k, s, windows.end(s));
                        reopened.put(ref, before == null ? ABSENT : before);
                    }
                }
                int g = k == null ? groups.slotOrCreateLong(lk) : groups.slotOrCreate(k);
                agg.add(groups, g, record, weight);
                if (groups.isEmpty(g)) {
                    if (k == null) {
                        groups.removeLong(lk, g);
                    } else {
                        groups.remove(k, g);
                    }
                    if (groups.isEmpty()) {
                        byStart.remove(s);
                        cachedGroups[c] = null;
                    }
                }
            }
        }
        Arrays.fill(cachedGroups, null);
        if (reopened != null) {
            for (Map.Entry<GroupRef, Object> e : reopened.entrySet()) {
                GroupRef ref = e.getKey();
                GroupTable groups = byStart.get(ref.start);
                int slot = groups == null ? GroupTable.NONE : groups.slotOf(ref.key);
                Object after = slot == GroupTable.NONE ? null : agg.result(groups, slot, ref.key, ref.start, windows.end(ref.start));
                Object before = e.getValue() == ABSENT ? null : e.getValue();
                if (!Objects.equals(before, after)) {
                    if (before != null) {
                        out.add(new WindowResult<>(ref.key, ref.start, windows.end(ref.start), before), -1);
                    }
                    if (after != null) {
                        out.add(new WindowResult<>(ref.key, ref.start, windows.end(ref.start), after), 1);
                    }
                }
            }
        }
        if (w1 > w0) {
            // windows whose end lies in (w0, w1] close now
            Long2ObjectSortedMap<GroupTable> closing = reachedBy(w1, 0);
            if (w0 >= Long.MIN_VALUE + size) {
                closing = tailAbove(closing, w0 - size);
            }
            for (Long2ObjectMap.Entry<GroupTable> e : closing.long2ObjectEntrySet()) {
                long s = e.getLongKey();
                long end = windows.end(s);
                GroupTable groups = e.getValue();
                groups.forEach((k, slot) -> {
                    Object r = agg.result(groups, slot, k, s, end);
                    if (r != null) {
                        out.add(new WindowResult<>(k, s, end, r), 1);
                    }
                });
            }
        }
        return out.build();
    }

    /**
     * Forgets the windows whose {@code end + lateness - 1} is below {@code bound}, the watermark: those whose end
     * plus the allowed lateness it has reached, which no record can change any more (every window when the
     * bound is the end of time).
     */
    @Override
    public void forgetBelow(long bound) {
        reachedBy(bound, lateness).clear();
    }

    /** The groups of the window starting at {@code start}, created empty if it has none. */
    private GroupTable groupsAt(long start) {
        GroupTable groups = byStart.get(start);
        if (groups == null) {
            groups = newGroups();
            byStart.put(start, groups);
        }
        return groups;
    }

    private GroupTable newGroups() {
        return new GroupTable(states);
    }

    /** The windows of {@code m} starting after {@code start}. */
    private static Long2ObjectSortedMap<GroupTable> tailAbove(Long2ObjectSortedMap<GroupTable> m, long start) {
        return start == Long.MAX_VALUE ? m.headMap(Long.MIN_VALUE) : m.tailMap(start + 1);
    }

    /**
     * The windows whose end plus {@code extra} is at most the watermark {@code w}, exactly (no wrapping near
     * {@link Long#MIN_VALUE}); the end of time, {@link Long#MAX_VALUE}, reaches every window, also those
     * whose end saturates there.
     */
    private Long2ObjectSortedMap<GroupTable> reachedBy(long w, long extra) {
        if (w == Long.MAX_VALUE) {
            return byStart;
        }
        long size = windows.size();
        if (w < Long.MIN_VALUE + extra || w - extra < Long.MIN_VALUE + size) {
            return byStart.headMap(Long.MIN_VALUE);
        }
        long last = w - extra - size;
        // starts at most last: below last + 1, or every window when last is the largest long
        return last == Long.MAX_VALUE ? byStart : byStart.headMap(last + 1);
    }

    /** Saves the watermark and every (window start, key) group. */
    @Override
    public void snapshot(StateWriter out) {
        writeProgress(out);
        out.writeInt(byStart.size());
        for (Long2ObjectMap.Entry<GroupTable> e : byStart.long2ObjectEntrySet()) {
            out.writeLong(e.getLongKey());
            GroupTable groups = e.getValue();
            out.writeInt(groups.size());
            groups.forEach((k, slot) -> {
                out.writeObject(k);
                groups.writeGroup(slot, out);
            });
        }
    }

    @Override
    public void restore(StateReader in) {
        readProgress(in);
        for (int n = in.readInt(); n > 0; n--) {
            long start = in.readLong();
            GroupTable groups = null;
            for (int k = in.readInt(); k > 0; k--) {
                Object key = in.readObject();
                if (groups == null) {
                    groups = groupsAt(start);
                }
                int slot = groups.readGroup(in);
                if (in.owns(key)) {
                    groups.put(key, slot);
                } else {
                    groups.release(slot);
                }
            }
            if (groups != null && groups.isEmpty()) {
                byStart.remove(start);
            }
        }
    }

    @Override
    public long stateTuples() {
        long[] n = {0};
        for (GroupTable groups : byStart.values()) {
            groups.forEach((k, slot) -> n[0] += groups.tuples(slot));
        }
        return n[0];
    }

    @Override
    public long stateBytes() {
        long[] n = {0};
        for (GroupTable groups : byStart.values()) {
            n[0] += groups.bytes();
        }
        return n[0];
    }

    @Override
    public Operator fork() {
        TimeWindowAggregateOperator c = copyProgress(new TimeWindowAggregateOperator(key, longKey, eventTime, windows, agg, lateness));
        c.byStart = new Long2ObjectRBTreeMap<>();
        for (Long2ObjectMap.Entry<GroupTable> e : byStart.long2ObjectEntrySet()) {
            c.byStart.put(e.getLongKey(), e.getValue().copy());
        }
        return c;
    }
}
