package org.jdbsp.operators.aggregate.internal;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.spi.NaryOperator;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StatePartitioning;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.operators.aggregate.IncrementalAggregator;
import org.jdbsp.operators.time.internal.ForgetsBelow;
import org.jdbsp.operators.time.internal.TimeArithmetic;
import org.jdbsp.operators.window.TimeWindows;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * The aggregate of groups kept as mutable accumulators in the aggregates' table of groups ({@link GroupTable}): one
 * operator for the ordinary incremental aggregate and the fixed-size window aggregate, configured by its group space
 * and its emission.
 * <ul>
 * <li>{@link #perStep}: plain keys, one table; one input, an indexed stream sharded by key, read in key-sorted runs;
 * each step emits the old and the new result of every group it touches.
 * <li>{@link #onClose}: (window start, key) groups in {@link WindowGroups}, each record assigned its windows here
 * from its event time; two inputs, the records (sharded by key, none of them late: the one lateness rule,
 * {@code Watermarks.dropLate}, drops those upstream) and the watermark; rows emitted by {@link EmitOnClose} once the
 * watermark passes a window's end; a window forgotten ({@link ForgetsBelow}, called by a strict
 * {@code StateGcOperator}) once the watermark reaches its end plus the allowed lateness.
 * </ul>
 * Each configuration has its own loop over a step's tuples, chosen once per step. A checkpoint's fingerprint
 * records each configuration under the name of the class it had before the two were one
 * ({@link #fingerprintName()}), so checkpoints written then still restore.
 */
public final class KeyedAggregateOperator implements NaryOperator, ForgetsBelow {
    /** The fingerprint name of {@link #perStep}: its class's name before. */
    static final String PER_STEP_NAME = "org.jdbsp.operators.aggregate.StateAggregateOperator";
    /** The fingerprint name of {@link #onClose}: its class's name before. */
    static final String ON_CLOSE_NAME = "org.jdbsp.operators.window.TimeWindowAggregateOperator";

    /**
     * The group space and aggregate of a fixed-size window aggregate.
     *
     * @param key       the key of a record (boxed when keyed by longs: for sharding and rare paths only)
     * @param longKey   the key as an unboxed long (the same long {@code key} boxes), or null for object keys
     * @param eventTime the event time of a record, which assigns its windows
     * @param windows   the fixed-size windows
     * @param update    how a record changes its group's accumulator
     * @param states    the incremental aggregator of the groups' states, null for count and sum
     * @param rows      how a group's result and row are made
     * @param lateness  the allowed lateness, at least 0
     */
    public record Windowed(Function<Object, Object> key, ToLongFunction<Object> longKey, ToLongFunction<Object> eventTime,
                           TimeWindows windows, GroupUpdate update, MeasuredAggregator<Object> states, EmitOnClose.Rows rows,
                           long lateness) {}

    // plain keys (aggregator null when windowed)
    private final IncrementalAggregator<Object, Object, Object> aggregator;
    private final Layout out;
    private final boolean longKeys;
    private final GroupTable groups;

    // (window start, key) (windowed null when plain)
    private final Windowed windowed;
    private WindowGroups groupsByWindow;
    private EmitOnClose emission;
    private long watermark = TimeArithmetic.NONE;

    private KeyedAggregateOperator(IncrementalAggregator<Object, Object, Object> aggregator, Layout out, boolean longKeys,
                                   GroupTable groups, Windowed windowed, WindowGroups groupsByWindow) {
        this.aggregator = aggregator;
        this.out = out;
        this.longKeys = longKeys;
        this.groups = groups;
        this.windowed = windowed;
        this.groupsByWindow = groupsByWindow;
        this.emission = windowed == null ? null : new EmitOnClose(groupsByWindow, windowed.rows());
    }

    /**
     * Groups by the keys of an indexed stream of layout {@code in}, one state of {@code aggregator} each; emits per
     * step the old and new results of the touched groups, in layout {@code out}.
     */
    public static KeyedAggregateOperator perStep(IncrementalAggregator<Object, Object, Object> aggregator, Layout in, Layout out) {
        return new KeyedAggregateOperator(Objects.requireNonNull(aggregator, "aggregator"), out,
                in.keyKind() == ColumnKind.LONG, GroupTable.ofStates(aggregator), null, null);
    }

    /** Groups by (window start, key) as {@code windowed} says; emits a window's rows when it closes. */
    public static KeyedAggregateOperator onClose(Windowed windowed) {
        TimeWindows w = windowed.windows();
        return new KeyedAggregateOperator(null, Layout.OBJECTS, windowed.longKey() != null, null, windowed,
                new WindowGroups(w.size(), w.slide(), windowed.states()));
    }

    @Override
    public Batch apply(Batch[] inputs) {
        if (windowed == null) {
            return stepByKey(inputs[0]);
        }
        long before = watermark;
        watermark = TimeArithmetic.advance(before, inputs[1]);
        return stepByWindow(inputs[0], before, watermark);
    }

    /**
     * A window aggregate adds records to their groups one by one with their weights, and reads a group's result only
     * before its first change of a step and after the last, so the order and repetition of a step's records do not
     * matter: the exchange before may hand them over unsorted. The plain one reads key-sorted runs.
     */
    @Override
    public boolean readsTupleByTuple() {
        return windowed != null;
    }

    /** The plain-key step: each key's run of the (consolidated) change updates its group's state. */
    private Batch stepByKey(Batch delta) {
        if (delta.size == 0) {
            return Batch.empty(out);
        }
        BatchBuilder result = new BatchBuilder(out, 2 * delta.size);
        boolean longKeys = delta.longKeys != null;
        int i = 0;
        while (i < delta.size) {
            int end = delta.endOfKey(i);
            int slot = longKeys ? groups.slotOfLong(delta.longKeys[i]) : groups.slotOf(delta.objKeys[i]);
            Object before = null;
            if (slot == GroupTable.NONE) {
                slot = longKeys ? groups.createLong(delta.longKeys[i]) : groups.create(delta.objKeys[i]);
            } else if (!aggregator.isEmpty(groups.state(slot))) {
                before = checked(aggregator.result(groups.state(slot)));
            }
            Object state = groups.state(slot);
            for (int j = i; j < end; j++) {
                aggregator.add(state, delta.value(j), delta.weights[j]);
            }
            Object after = null;
            if (aggregator.isEmpty(state)) {
                if (longKeys) {
                    groups.removeLong(delta.longKeys[i], slot);
                } else {
                    groups.remove(delta.objKeys[i], slot);
                }
            } else {
                after = checked(aggregator.result(state));
            }
            emitChange(result, delta, i, before, after);
            i = end;
        }
        return result.build();
    }

    private static Object checked(Object value) {
        if (value == null) {
            throw new NullPointerException("incremental aggregator returned a null result");
        }
        return value;
    }

    /**
     * Appends a group's change (retract {@code before}, insert {@code after}; either may be null) in the
     * output's order, so that the batch of a step, whose groups come in key order, is built without a sort;
     * an unchanged result cancels out.
     */
    private void emitChange(BatchBuilder result, Batch keys, int k, Object before, Object after) {
        if (before != null && after != null) {
            if (before.equals(after)) {
                return;
            }
            if (out.valueOrder().compare(before, after) > 0) {
                result.addKeyOf(keys, k, after, 1);
                result.addKeyOf(keys, k, before, -1);
                return;
            }
        }
        if (before != null) {
            result.addKeyOf(keys, k, before, -1);
        }
        if (after != null) {
            result.addKeyOf(keys, k, after, 1);
        }
    }

    /**
     * The window step over records that are not late: {@code w0} is the watermark before it (rows already emitted),
     * {@code w1} after it (closing).
     */
    private Batch stepByWindow(Batch records, long w0, long w1) {
        TimeWindows windows = windowed.windows();
        ToLongFunction<Object> eventTime = windowed.eventTime();
        ToLongFunction<Object> longKey = windowed.longKey();
        GroupUpdate update = windowed.update();
        long slide = windows.slide();
        BatchBuilder rows = new BatchBuilder(Layout.OBJECTS);
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
                GroupTable window = groupsByWindow.groupsAt(s, position);
                if (emitted && groupsByWindow.end(s) <= w0) {
                    if (k == null) {
                        k = lk;
                    }
                    emission.beforeChangeOfEmitted(s, window, k);
                }
                int g = k == null ? window.slotOrCreateLong(lk) : window.slotOrCreate(k);
                update.add(window, g, record, weight);
                if (window.isEmpty(g)) {
                    if (k == null) {
                        window.removeLong(lk, g);
                    } else {
                        window.remove(k, g);
                    }
                    groupsByWindow.removeIfEmpty(s, position, window);
                }
            }
        }
        groupsByWindow.endStep();
        emission.endStep(w0, w1, rows);
        return rows.build();
    }

    private Object keyOf(Object record) {
        return Objects.requireNonNull(windowed.key().apply(record), "the key function returned null");
    }

    /**
     * Forgets the windows whose {@code end + lateness - 1} is below {@code bound}, the watermark: those whose end
     * plus the allowed lateness it has reached, which no record can change any more (every window when the bound is
     * the end of time).
     *
     * @throws IllegalStateException for plain keys, whose groups have no time
     */
    @Override
    public void forgetBelow(long bound) {
        if (windowed == null) {
            throw new IllegalStateException("the groups of a plain-key aggregate have no time to forget them by");
        }
        groupsByWindow.forgetReachedBy(bound, windowed.lateness());
    }

    /** The watermark after the last step ({@link TimeArithmetic#NONE} for plain keys). */
    public long watermark() {
        return watermark;
    }

    /**
     * Plain keys: every group's key and state (by {@link IncrementalAggregator#writeState}); windows: the watermark,
     * then every (window start, key) group.
     */
    @Override
    public void snapshot(StateWriter out) {
        if (windowed == null) {
            groups.writeKeys(out, longKeys, (key, slot) -> aggregator.writeState(groups.state(slot), out));
        } else {
            out.writeLong(watermark);
            groupsByWindow.write(out);
        }
    }

    /** Adds what {@link #snapshot} saved of the groups this worker owns (the watermark is the same on every worker). */
    @Override
    public void restore(StateReader in) {
        if (windowed != null) {
            watermark = in.readLong();
            groupsByWindow.read(in);
            return;
        }
        for (int n = in.readInt(); n > 0; n--) {
            if (longKeys) {
                long key = in.readLong();
                Object state = aggregator.readState(in);
                if (in.ownsLong(key)) {
                    groups.setState(groups.createLong(key), state);
                }
            } else {
                Object key = in.readObject();
                Object state = aggregator.readState(in);
                if (in.owns(key)) {
                    groups.setState(groups.create(key), state);
                }
            }
        }
    }

    /** A group lives on the worker owning its key (the input is sharded by it). */
    @Override
    public StatePartitioning statePartitioning() {
        return StatePartitioning.BY_KEY;
    }

    /** The class name each configuration had, which checkpoints written before recorded. */
    @Override
    public String fingerprintName() {
        return windowed == null ? PER_STEP_NAME : ON_CLOSE_NAME;
    }

    /** The number of groups with state (windows: plus the values or records their states keep). */
    @Override
    public long stateTuples() {
        return windowed == null ? groups.size() : groupsByWindow.tuples();
    }

    /** Approximate bytes of the windows' tables (not measured for plain keys). */
    @Override
    public long stateBytes() {
        return windowed == null ? 0 : groupsByWindow.bytes();
    }

    @Override
    public Operator fork() {
        KeyedAggregateOperator c = new KeyedAggregateOperator(aggregator, out, longKeys, groups == null ? null : groups.copy(),
                windowed, groupsByWindow == null ? null : groupsByWindow.copy());
        c.watermark = watermark;
        return c;
    }
}
