package org.jdbsp.operators.window;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.operators.time.internal.TimeArithmetic;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.internal.Batch;
import org.jdbsp.zset.internal.BatchBuilder;

/**
 * Aggregates per (fixed-size window, key) and emits each window's rows once the watermark reaches its end;
 * inputs: the records, the watermark stream. State is keyed by window start, so closing and forgetting
 * windows are range operations on a sorted map.
 */
final class TimeWindowAggregateOperator extends WindowedOperator {
    private final TimeWindows windows;
    private TreeMap<Long, HashMap<Object, AggregateState>> byStart = new TreeMap<>();

    TimeWindowAggregateOperator(Function<Object, Object> key, ToLongFunction<Object> eventTime, TimeWindows windows,
                                Aggregator<?, ?> agg, long lateness) {
        super(key, eventTime, agg, lateness);
        this.windows = windows;
    }

    /** A group of an already emitted window that this step changes. */
    private record GroupRef(long start, Object key) {}

    private static final Object ABSENT = new Object();

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
            if (late(records, i, t, w0)) {
                continue;
            }
            Object k = keyOf(record);
            for (long s = windows.firstStart(t); s <= t; s += slide) {
                HashMap<Object, AggregateState> groups = byStart.get(s);
                if (groups == null) {
                    groups = new HashMap<>();
                    byStart.put(s, groups);
                }
                AggregateState state = groups.get(k);
                if (s + size <= w0) {
                    if (reopened == null) {
                        reopened = new HashMap<>();
                    }
                    GroupRef ref = new GroupRef(s, k);
                    if (!reopened.containsKey(ref)) {
                        Object before = state == null ? null : state.result(agg);
                        reopened.put(ref, before == null ? ABSENT : before);
                    }
                }
                if (state == null) {
                    state = new AggregateState();
                    groups.put(k, state);
                }
                state.add(agg, record, weight);
                if (state.isEmpty()) {
                    groups.remove(k);
                    if (groups.isEmpty()) {
                        byStart.remove(s);
                    }
                }
            }
        }
        if (reopened != null) {
            for (Map.Entry<GroupRef, Object> e : reopened.entrySet()) {
                GroupRef ref = e.getKey();
                HashMap<Object, AggregateState> groups = byStart.get(ref.start);
                AggregateState state = groups == null ? null : groups.get(ref.key);
                Object after = state == null ? null : state.result(agg);
                Object before = e.getValue() == ABSENT ? null : e.getValue();
                if (!Objects.equals(before, after)) {
                    if (before != null) {
                        out.add(new WindowResult<>(ref.key, ref.start, ref.start + size, before), -1);
                    }
                    if (after != null) {
                        out.add(new WindowResult<>(ref.key, ref.start, ref.start + size, after), 1);
                    }
                }
            }
        }
        if (w1 > w0) {
            // windows whose end lies in (w0, w1] close now
            long from = TimeArithmetic.minus(w0, size);
            long to = TimeArithmetic.minus(w1, size);
            for (Map.Entry<Long, HashMap<Object, AggregateState>> e : byStart.subMap(from, false, to, true).entrySet()) {
                long s = e.getKey();
                for (Map.Entry<Object, AggregateState> g : e.getValue().entrySet()) {
                    Object r = g.getValue().result(agg);
                    if (r != null) {
                        out.add(new WindowResult<>(g.getKey(), s, s + size, r), 1);
                    }
                }
            }
            // windows with end + lateness <= w1 can change no output any more
            long forgetTo = TimeArithmetic.minus(TimeArithmetic.minus(w1, lateness), size);
            byStart.headMap(forgetTo, true).clear();
        }
        return out.build();
    }

    @Override
    public long stateTuples() {
        long n = 0;
        for (HashMap<Object, AggregateState> groups : byStart.values()) {
            for (AggregateState s : groups.values()) {
                n += s.tuples();
            }
        }
        return n;
    }

    @Override
    public long stateBytes() {
        long n = 0;
        for (HashMap<Object, AggregateState> groups : byStart.values()) {
            n += 64;
            for (AggregateState s : groups.values()) {
                n += 32 + s.bytes();
            }
        }
        return n;
    }

    @Override
    public Operator fork() {
        TimeWindowAggregateOperator c = copyProgress(new TimeWindowAggregateOperator(key, eventTime, windows, agg, lateness));
        c.byStart = new TreeMap<>();
        for (NavigableMap.Entry<Long, HashMap<Object, AggregateState>> e : byStart.entrySet()) {
            HashMap<Object, AggregateState> groups = new HashMap<>();
            e.getValue().forEach((k, s) -> groups.put(k, s.copy()));
            c.byStart.put(e.getKey(), groups);
        }
        return c;
    }
}
