package org.jdbsp.operators.window;

import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.operators.aggregate.internal.EmitOnClose;
import org.jdbsp.operators.aggregate.internal.GroupTable;
import org.jdbsp.operators.aggregate.internal.WindowGroups;
import org.jdbsp.operators.time.internal.ForgetsBelow;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Aggregates per (fixed-size window, key) and emits each window's rows once the watermark reaches its end;
 * inputs: the records (none of them late: {@link WindowedAggregates} drops those upstream), the watermark
 * stream. Its own work is to assign each record its windows and add it to its group there; the groups are indexed
 * by (window start, key) in {@link WindowGroups} (each window the ordinary aggregates' table of groups,
 * {@link GroupTable}: keys, unboxed for long keys, to exact linear words for count and sum, plus an incremental
 * aggregator's state for the others), and rows are emitted by the on-close policy, {@link EmitOnClose}.
 *
 * <p>Forgetting ({@link ForgetsBelow}) is driven by the watermark as for every other keyed state, by a strict
 * {@link org.jdbsp.operators.time.internal.StateGcOperator} at the end of the step: a group's time is the last
 * watermark at which it can still change a row, {@code end + lateness - 1}, so a window goes once the watermark
 * reaches its end plus the allowed lateness (every window at the end of time).
 */
final class TimeWindowAggregateOperator extends WindowedOperator implements ForgetsBelow, EmitOnClose.Rows {
    private final TimeWindows windows;
    /** The incremental aggregator of min, max and custom aggregates; null for count and sum. */
    private final WindowStateAggregator<Object> states;
    private final long slide;
    /** The groups by (window start, key). */
    private WindowGroups groupsByWindow;
    /** Emits a group's row when its window closes, and its changes within the lateness. */
    private EmitOnClose emission;

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
        this.slide = windows.slide();
        this.groupsByWindow = new WindowGroups(windows.size(), slide, states);
        this.emission = new EmitOnClose(groupsByWindow, this);
    }

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
        BatchBuilder out = new BatchBuilder(Layout.OBJECTS);
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
            boolean emitted = groupsByWindow.end(first) <= w0;
            int position = groupsByWindow.cachePosition(first);
            long s = first;
            for (int j = 0; j < n; j++, s += slide, position++) {
                GroupTable groups = groupsByWindow.groupsAt(s, position);
                if (emitted && groupsByWindow.end(s) <= w0) {
                    if (k == null) {
                        k = lk;
                    }
                    emission.beforeChangeOfEmitted(s, groups, k);
                }
                int g = k == null ? groups.slotOrCreateLong(lk) : groups.slotOrCreate(k);
                agg.add(groups, g, record, weight);
                if (groups.isEmpty(g)) {
                    if (k == null) {
                        groups.removeLong(lk, g);
                    } else {
                        groups.remove(k, g);
                    }
                    groupsByWindow.removeIfEmpty(s, position, groups);
                }
            }
        }
        groupsByWindow.endStep();
        emission.endStep(w0, w1, out);
        return out.build();
    }

    @Override
    public Object result(GroupTable groups, int slot, Object key, long start, long end) {
        return agg.result(groups, slot, key, start, end);
    }

    @Override
    public Object row(Object key, long start, long end, Object result) {
        return new WindowResult<>(key, start, end, result);
    }

    /**
     * Forgets the windows whose {@code end + lateness - 1} is below {@code bound}, the watermark: those whose end
     * plus the allowed lateness it has reached, which no record can change any more (every window when the
     * bound is the end of time).
     */
    @Override
    public void forgetBelow(long bound) {
        groupsByWindow.forgetReachedBy(bound, lateness);
    }

    /** Saves the watermark and every (window start, key) group. */
    @Override
    public void snapshot(StateWriter out) {
        writeProgress(out);
        groupsByWindow.write(out);
    }

    @Override
    public void restore(StateReader in) {
        readProgress(in);
        groupsByWindow.read(in);
    }

    @Override
    public long stateTuples() {
        return groupsByWindow.tuples();
    }

    @Override
    public long stateBytes() {
        return groupsByWindow.bytes();
    }

    @Override
    public Operator fork() {
        TimeWindowAggregateOperator c = copyProgress(new TimeWindowAggregateOperator(key, longKey, eventTime, windows, agg, lateness));
        c.groupsByWindow = groupsByWindow.copy();
        c.emission = new EmitOnClose(c.groupsByWindow, c);
        return c;
    }
}
