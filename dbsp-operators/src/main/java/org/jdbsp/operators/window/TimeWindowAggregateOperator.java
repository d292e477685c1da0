package org.jdbsp.operators.window;

import it.unimi.dsi.fastutil.longs.LongIterator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.operators.aggregate.internal.TimedKeySlots;
import org.jdbsp.operators.time.internal.ForgetsBelow;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Aggregates per (fixed-size window, key) and emits each window's rows once the watermark reaches its end;
 * inputs: the records (none of them late: {@link WindowedAggregates} drops those upstream), the watermark
 * stream. Each record is assigned to its windows here, and each (window start, key) group is one pair of the
 * aggregates' {@link TimedKeySlots} group index (window start and a long key unboxed) naming its slot in
 * {@link Accumulators} on the ordinary aggregates' models (exact linear words for count and sum, an
 * incremental aggregator's state for the others). Each group is held once, there. Closing the windows that end
 * in {@code (w0, w1]} reads the groups of those windows only (the index lists its pairs by time).
 *
 * <p>Forgetting ({@link ForgetsBelow}) is driven by the watermark as for every other keyed state, by a strict
 * {@link org.jdbsp.operators.time.internal.StateGcOperator} at the end of the step: a window goes once the
 * watermark reaches its end plus the allowed lateness (every window at the end of time), through the group
 * index's {@link TimedKeySlots#forgetBelow}.
 */
final class TimeWindowAggregateOperator extends WindowedOperator implements ForgetsBelow {
    private final TimeWindows windows;
    private TimedKeySlots groups = new TimedKeySlots();
    private Accumulators acc;

    TimeWindowAggregateOperator(Function<Object, Object> key, ToLongFunction<Object> eventTime, TimeWindows windows,
                                WindowAggregate<?, ?> agg, long lateness) {
        super(key, eventTime, agg, lateness);
        this.windows = windows;
        this.acc = new Accumulators(agg, WindowStateAggregator.of(agg));
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
        long slide = windows.slide();
        BatchBuilder out = new BatchBuilder(Layout.OBJECTS);
        Map<GroupRef, Object> reopened = null;
        for (int i = 0; i < records.size; i++) {
            Object record = records.key(i);
            long weight = records.weights[i];
            long t = eventTime.applyAsLong(record);
            long first = windows.firstStart(t);
            int n = windows.windowsOf(t);
            Object k = keyOf(record);
            // a Long key is probed unboxed
            Object objKey = k instanceof Long ? null : k;
            long longKey = objKey == null ? ((Long) k).longValue() : 0;
            // window ends grow with their starts: only the first windows can have been emitted already
            boolean emitted = windows.end(first) <= w0;
            long s = first;
            for (int j = 0; j < n; j++, s += slide) {
                int found = groups.probe(s, longKey, objKey);
                if (emitted && windows.end(s) <= w0) {
                    if (reopened == null) {
                        reopened = new HashMap<>();
                    }
                    GroupRef ref = new GroupRef(s, k);
                    if (!reopened.containsKey(ref)) {
                        Object before = found < 0 ? null : acc.result(found, k, s, windows.end(s));
                        reopened.put(ref, before == null ? ABSENT : before);
                    }
                }
                int g = found;
                if (g < 0) {
                    g = acc.allocate();
                    groups.insert(found, s, longKey, objKey, g);
                }
                acc.add(g, record, weight);
                if (acc.isEmpty(g)) {
                    groups.remove(s, k);
                    acc.release(g);
                }
            }
        }
        if (reopened != null) {
            for (Map.Entry<GroupRef, Object> e : reopened.entrySet()) {
                GroupRef ref = e.getKey();
                int slot = groups.slot(ref.start, ref.key);
                long end = windows.end(ref.start);
                Object after = slot == TimedKeySlots.NONE ? null : acc.result(slot, ref.key, ref.start, end);
                Object before = e.getValue() == ABSENT ? null : e.getValue();
                if (!Objects.equals(before, after)) {
                    if (before != null) {
                        out.add(new WindowResult<>(ref.key, ref.start, end, before), -1);
                    }
                    if (after != null) {
                        out.add(new WindowResult<>(ref.key, ref.start, end, after), 1);
                    }
                }
            }
        }
        if (w1 > w0) {
            close(out, w0, w1);
        }
        return out.build();
    }

    /** Emits the rows of the windows ending in {@code (w0, w1]} (ends grow with starts: the times in order). */
    private void close(BatchBuilder out, long w0, long w1) {
        for (LongIterator it = groups.times().iterator(); it.hasNext(); ) {
            long s = it.nextLong();
            long end = windows.end(s);
            if (end > w1) {
                return;
            }
            if (end > w0) {
                for (int g = groups.firstOf(s); g != TimedKeySlots.NONE; g = groups.next(g)) {
                    Object k = groups.key(g);
                    Object r = acc.result(g, k, s, end);
                    if (r != null) {
                        out.add(new WindowResult<>(k, s, end, r), 1);
                    }
                }
            }
        }
    }

    /**
     * Forgets the windows whose end plus the allowed lateness is at most {@code bound}, the watermark: no record
     * can change them any more (every window when the bound is the end of time). Exact at the edges of long.
     */
    @Override
    public void forgetBelow(long bound) {
        if (bound == Long.MAX_VALUE) {
            groups.clear(acc::release);
            return;
        }
        long size = windows.size();
        if (bound < Long.MIN_VALUE + lateness || bound - lateness < Long.MIN_VALUE + size) {
            return;
        }
        // starts at most bound - lateness - size (below the largest long, as the bound is)
        groups.forgetBelow(bound - lateness - size + 1, acc::release);
    }

    /**
     * Saves the watermark and every (window start, key) group, window by window in the order of their starts:
     * the number of windows, then for each its start, its number of groups and each group's key and accumulator.
     */
    @Override
    public void snapshot(StateWriter out) {
        writeProgress(out);
        out.writeInt(groups.times().size());
        for (LongIterator it = groups.times().iterator(); it.hasNext(); ) {
            long start = it.nextLong();
            out.writeLong(start);
            int n = 1;
            int last = groups.firstOf(start);
            for (; groups.next(last) != TimedKeySlots.NONE; last = groups.next(last)) {
                n++;
            }
            out.writeInt(n);
            // oldest first, so that a restore, which adds each group in front, lists them as they are listed here
            for (int g = last; g != TimedKeySlots.NONE; g = groups.previous(g)) {
                out.writeObject(groups.key(g));
                acc.write(g, out);
            }
        }
    }

    @Override
    public void restore(StateReader in) {
        readProgress(in);
        for (int windowCount = in.readInt(); windowCount > 0; windowCount--) {
            long start = in.readLong();
            for (int n = in.readInt(); n > 0; n--) {
                Object key = in.readObject();
                int slot = acc.read(in);
                if (in.owns(key)) {
                    groups.put(start, key, slot);
                } else {
                    acc.release(slot);
                }
            }
        }
    }

    @Override
    public long stateTuples() {
        long n = 0;
        for (LongIterator it = groups.times().iterator(); it.hasNext(); ) {
            long start = it.nextLong();
            for (int g = groups.firstOf(start); g != TimedKeySlots.NONE; g = groups.next(g)) {
                n += acc.tuples(g);
            }
        }
        return n;
    }

    @Override
    public long stateBytes() {
        return groups.bytes() + acc.bytes();
    }

    @Override
    public Operator fork() {
        TimeWindowAggregateOperator c = copyProgress(new TimeWindowAggregateOperator(key, eventTime, windows, agg, lateness));
        c.groups = groups.copy();
        c.acc = acc.copy();
        return c;
    }
}
