package org.jdbsp.operators.window;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.operators.aggregate.internal.GroupTable;
import org.jdbsp.operators.time.internal.TimeArithmetic;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Weights;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Aggregates per (session, key) and emits each session's row once the watermark reaches its end; inputs:
 * the records, the watermark stream.
 *
 * <p>Per key it keeps the live records by event time, and the rows already emitted for closed sessions.
 * A key is revisited when a step changes its records or when the watermark passes its next deadline (the
 * end of its first open session, or end + allowed lateness of its first closed one); a revisit rebuilds
 * the key's sessions from its live records and emits the difference to what was emitted. A step's work is
 * therefore proportional to the live records of the keys it touches.
 *
 * <p>Near {@link Long#MAX_VALUE}: a session whose end (or deadline) would pass it ends there, and its key has
 * no deadline; the end of time (a watermark of {@code Long.MAX_VALUE}) revisits every key.
 */
final class SessionAggregateOperator extends WindowedOperator {
    private final long gap;
    private final long reach;
    /**
     * Scratch accumulators of the sessions a revisit rebuilds (slots of the ordinary aggregates' table, indexed by no
     * key), each freed once its session is finished.
     */
    private final GroupTable session;
    private static final int NO_SESSION = -1;
    private HashMap<Object, KeyState> keys = new HashMap<>();
    private TreeMap<Long, Set<Object>> deadlines = new TreeMap<>();

    /** The live records of one key, by event time, and the rows emitted for its closed sessions, by start. */
    private static final class KeyState {
        TreeMap<Long, HashMap<Object, Long>> byTime = new TreeMap<>();
        TreeMap<Long, WindowResult<Object, Object>> emitted = new TreeMap<>();
        long deadline = Long.MAX_VALUE;
        long records;

        KeyState copy() {
            KeyState c = new KeyState();
            byTime.forEach((t, m) -> c.byTime.put(t, new HashMap<>(m)));
            c.emitted = new TreeMap<>(emitted);
            c.deadline = deadline;
            c.records = records;
            return c;
        }
    }

    SessionAggregateOperator(Function<Object, Object> key, ToLongFunction<Object> eventTime, long gap,
                             WindowAggregate<?, ?> agg, long lateness) {
        this(key, eventTime, new SessionWindows(gap, false), agg, lateness);
    }

    /**
     * Sessions of {@code windows}: a record at least {@code reach} after the last one of a session starts a
     * new session, and a session closes when the watermark reaches its last time plus {@code reach}.
     */
    SessionAggregateOperator(Function<Object, Object> key, ToLongFunction<Object> eventTime, SessionWindows windows,
                             WindowAggregate<?, ?> agg, long lateness) {
        super(key, eventTime, agg, lateness);
        this.gap = windows.gap();
        this.reach = windows.reach();
        this.session = new GroupTable(WindowStateAggregator.of(agg));
    }

    @Override
    Batch step(Batch records, long w0, long w1) {
        Set<Object> touched = new LinkedHashSet<>();
        for (int i = 0; i < records.size; i++) {
            Object record = records.key(i);
            long weight = records.weights[i];
            long t = eventTime.applyAsLong(record);
            Object k = keyOf(record);
            KeyState ks = keys.computeIfAbsent(k, x -> new KeyState());
            HashMap<Object, Long> atTime = ks.byTime.computeIfAbsent(t, x -> new HashMap<>());
            Long before = atTime.get(record);
            long after = Weights.add(before == null ? 0 : before, weight);
            if (after == 0) {
                atTime.remove(record);
                ks.records--;
                if (atTime.isEmpty()) {
                    ks.byTime.remove(t);
                }
            } else {
                atTime.put(record, after);
                if (before == null) {
                    ks.records++;
                }
            }
            touched.add(k);
        }
        if (w1 == Long.MAX_VALUE && w0 < w1) {
            // the end of time closes every session, also those whose deadline saturated there
            touched.addAll(keys.keySet());
        } else if (w1 > w0) {
            for (Set<Object> due : deadlines.headMap(w1, true).values()) {
                touched.addAll(due);
            }
        }
        BatchBuilder out = new BatchBuilder(Layout.OBJECTS);
        for (Object k : touched) {
            revisit(k, keys.get(k), w1, out);
        }
        return out.build();
    }

    private void revisit(Object k, KeyState ks, long w, BatchBuilder out) {
        TreeMap<Long, WindowResult<Object, Object>> closed = new TreeMap<>();
        long deadline = Long.MAX_VALUE;
        List<Long> forget = new ArrayList<>();
        int acc = NO_SESSION;
        long start = 0;
        long last = 0;
        for (Map.Entry<Long, HashMap<Object, Long>> e : ks.byTime.entrySet()) {
            long t = e.getKey();
            if (acc != NO_SESSION && TimeArithmetic.atLeastApart(last, t, reach)) {
                deadline = Math.min(deadline, finish(k, acc, start, last, w, closed, forget));
                acc = NO_SESSION;
            }
            if (acc == NO_SESSION) {
                acc = session.allocate();
                start = t;
            }
            last = t;
            for (Map.Entry<Object, Long> r : e.getValue().entrySet()) {
                agg.add(session, acc, r.getKey(), r.getValue());
            }
        }
        if (acc != NO_SESSION) {
            deadline = Math.min(deadline, finish(k, acc, start, last, w, closed, forget));
        }
        for (Map.Entry<Long, WindowResult<Object, Object>> e : ks.emitted.entrySet()) {
            if (!e.getValue().equals(closed.get(e.getKey()))) {
                out.add(e.getValue(), -1);
            }
        }
        for (Map.Entry<Long, WindowResult<Object, Object>> e : closed.entrySet()) {
            if (!e.getValue().equals(ks.emitted.get(e.getKey()))) {
                out.add(e.getValue(), 1);
            }
        }
        ks.emitted = closed;
        for (int i = 0; i < forget.size(); i += 2) {
            long from = forget.get(i);
            long to = forget.get(i + 1);
            for (HashMap<Object, Long> m : ks.byTime.subMap(from, true, to, true).values()) {
                ks.records -= m.size();
            }
            ks.byTime.subMap(from, true, to, true).clear();
            closed.remove(from);
        }
        setDeadline(k, ks, ks.byTime.isEmpty() ? Long.MAX_VALUE : deadline);
        if (ks.byTime.isEmpty()) {
            keys.remove(k);
        }
    }

    /**
     * Records one session, whose accumulator (freed here) is slot {@code acc} of {@link #session}; returns the
     * watermark at which the key must be revisited for it.
     */
    private long finish(Object k, int acc, long start, long last, long w,
                        TreeMap<Long, WindowResult<Object, Object>> closed, List<Long> forget) {
        long closesAt = TimeArithmetic.plus(last, reach);
        if (closesAt > w) {
            session.release(acc);
            return closesAt;
        }
        long end = TimeArithmetic.plus(last, gap);
        Object r;
        try {
            r = agg.result(session, acc, k, start, end);
        } finally {
            session.release(acc);
        }
        if (r != null) {
            closed.put(start, new WindowResult<>(k, start, end, r));
        }
        long gcAt = TimeArithmetic.plus(closesAt, lateness);
        if (gcAt <= w) {
            forget.add(start);
            forget.add(last);
            return Long.MAX_VALUE;
        }
        return gcAt;
    }

    private void setDeadline(Object k, KeyState ks, long deadline) {
        if (ks.deadline == deadline) {
            return;
        }
        if (ks.deadline != Long.MAX_VALUE) {
            Set<Object> s = deadlines.get(ks.deadline);
            if (s != null) {
                s.remove(k);
                if (s.isEmpty()) {
                    deadlines.remove(ks.deadline);
                }
            }
        }
        ks.deadline = deadline;
        if (deadline != Long.MAX_VALUE) {
            deadlines.computeIfAbsent(deadline, x -> new HashSet<>()).add(k);
        }
    }

    /** Saves the watermark and every key's live records and emitted rows (deadlines follow). */
    @Override
    public void snapshot(StateWriter out) {
        writeProgress(out);
        out.writeInt(keys.size());
        for (Map.Entry<Object, KeyState> e : keys.entrySet()) {
            KeyState ks = e.getValue();
            out.writeObject(e.getKey());
            out.writeLong(ks.deadline);
            out.writeLong(ks.records);
            out.writeInt(ks.byTime.size());
            for (Map.Entry<Long, HashMap<Object, Long>> t : ks.byTime.entrySet()) {
                out.writeLong(t.getKey());
                out.writeInt(t.getValue().size());
                for (Map.Entry<Object, Long> r : t.getValue().entrySet()) {
                    out.writeObject(r.getKey());
                    out.writeLong(r.getValue());
                }
            }
            out.writeInt(ks.emitted.size());
            for (Map.Entry<Long, WindowResult<Object, Object>> e2 : ks.emitted.entrySet()) {
                WindowResult<Object, Object> row = e2.getValue();
                out.writeLong(e2.getKey());
                out.writeObject(row.key());
                out.writeLong(row.start());
                out.writeLong(row.end());
                out.writeObject(row.value());
            }
        }
    }

    @Override
    public void restore(StateReader in) {
        readProgress(in);
        for (int n = in.readInt(); n > 0; n--) {
            Object k = in.readObject();
            KeyState ks = new KeyState();
            long deadline = in.readLong();
            ks.records = in.readLong();
            for (int t = in.readInt(); t > 0; t--) {
                HashMap<Object, Long> records = new HashMap<>();
                ks.byTime.put(in.readLong(), records);
                for (int r = in.readInt(); r > 0; r--) {
                    records.put(in.readObject(), in.readLong());
                }
            }
            for (int e = in.readInt(); e > 0; e--) {
                long at = in.readLong();
                ks.emitted.put(at, new WindowResult<>(in.readObject(), in.readLong(), in.readLong(), in.readObject()));
            }
            if (in.owns(k)) {
                keys.put(k, ks);
                setDeadline(k, ks, deadline);
            }
        }
    }

    @Override
    public long stateTuples() {
        long n = 0;
        for (KeyState ks : keys.values()) {
            n += 1 + ks.records + ks.emitted.size();
        }
        return n;
    }

    @Override
    public long stateBytes() {
        long n = 0;
        for (KeyState ks : keys.values()) {
            n += 96 + 64L * ks.byTime.size() + 48 * ks.records + 64L * ks.emitted.size();
        }
        return n;
    }

    @Override
    public Operator fork() {
        SessionAggregateOperator c = copyProgress(new SessionAggregateOperator(key, eventTime,
                new SessionWindows(gap, reach != gap), agg, lateness));
        c.keys = new HashMap<>();
        keys.forEach((k, ks) -> c.keys.put(k, ks.copy()));
        c.deadlines = new TreeMap<>();
        deadlines.forEach((d, s) -> c.deadlines.put(d, new HashSet<>(s)));
        return c;
    }
}
