package org.jdbsp.operators.window;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Aggregates per (fixed-size window, key) and emits each window's rows once the watermark reaches its end;
 * inputs: the records, the watermark stream. State is keyed by window start, so closing and forgetting
 * windows are range operations on a sorted map.
 */
final class TimeWindowAggregateOperator extends WindowedOperator {
    private final TimeWindows windows;
    private TreeMap<Long, HashMap<Object, AggregateState>> byStart = new TreeMap<>();

    TimeWindowAggregateOperator(Function<Object, Object> key, ToLongFunction<Object> eventTime, TimeWindows windows,
                                WindowAggregate<?, ?> agg, long lateness) {
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
            windows.requireWindowed(t);
            Object k = keyOf(record);
            long s = windows.firstStart(t);
            for (int n = windows.windowsOf(t); n > 0; n--, s += slide) {
                HashMap<Object, AggregateState> groups = byStart.get(s);
                if (groups == null) {
                    groups = new HashMap<>();
                    byStart.put(s, groups);
                }
                AggregateState state = groups.get(k);
                if (windows.end(s) <= w0) {
                    if (reopened == null) {
                        reopened = new HashMap<>();
                    }
                    GroupRef ref = new GroupRef(s, k);
                    if (!reopened.containsKey(ref)) {
                        Object before = state == null ? null : state.result(agg, k, s, windows.end(s));
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
                Object after = state == null ? null : state.result(agg, ref.key, ref.start, windows.end(ref.start));
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
            NavigableMap<Long, HashMap<Object, AggregateState>> closing = reachedBy(w1, 0);
            if (w0 >= Long.MIN_VALUE + size) {
                closing = closing.tailMap(w0 - size, false);
            }
            for (Map.Entry<Long, HashMap<Object, AggregateState>> e : closing.entrySet()) {
                long s = e.getKey();
                for (Map.Entry<Object, AggregateState> g : e.getValue().entrySet()) {
                    Object r = g.getValue().result(agg, g.getKey(), s, windows.end(s));
                    if (r != null) {
                        out.add(new WindowResult<>(g.getKey(), s, windows.end(s), r), 1);
                    }
                }
            }
            // windows with end + lateness <= w1 can change no output any more
            reachedBy(w1, lateness).clear();
        }
        return out.build();
    }

    /**
     * The windows whose end plus {@code extra} is at most the watermark {@code w}, exactly (no wrapping near
     * {@link Long#MIN_VALUE}); the end of time, {@link Long#MAX_VALUE}, reaches every window, also those
     * whose end saturates there.
     */
    private NavigableMap<Long, HashMap<Object, AggregateState>> reachedBy(long w, long extra) {
        if (w == Long.MAX_VALUE) {
            return byStart;
        }
        long size = windows.size();
        if (w < Long.MIN_VALUE + extra || w - extra < Long.MIN_VALUE + size) {
            return byStart.headMap(Long.MIN_VALUE, false);
        }
        return byStart.headMap(w - extra - size, true);
    }

    /** Saves the watermark, the late count and every (window start, key) group. */
    @Override
    public void snapshot(StateWriter out) {
        writeProgress(out);
        out.writeInt(byStart.size());
        for (Map.Entry<Long, HashMap<Object, AggregateState>> e : byStart.entrySet()) {
            out.writeLong(e.getKey());
            out.writeInt(e.getValue().size());
            for (Map.Entry<Object, AggregateState> g : e.getValue().entrySet()) {
                out.writeObject(g.getKey());
                g.getValue().write(out);
            }
        }
    }

    @Override
    public void restore(StateReader in) {
        readProgress(in);
        for (int n = in.readInt(); n > 0; n--) {
            long start = in.readLong();
            HashMap<Object, AggregateState> groups = null;
            for (int k = in.readInt(); k > 0; k--) {
                Object key = in.readObject();
                AggregateState state = AggregateState.read(in);
                if (in.owns(key)) {
                    if (groups == null) {
                        groups = byStart.computeIfAbsent(start, s -> new HashMap<>());
                    }
                    groups.put(key, state);
                }
            }
        }
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
