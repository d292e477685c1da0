package org.jdbsp.operators.aggregate;

import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StatePartitioning;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.operators.aggregate.internal.GroupTable;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Runs an {@link IncrementalAggregator}: one mutable state per group in the aggregates' table of groups
 * ({@link GroupTable}, states only; its index unboxed for long keys), updated by each tuple of the step's change;
 * emits the old and new result of every touched group. Work is proportional to the change; state to the number of
 * groups.
 */
final class StateAggregateOperator implements UnaryOperator {
    private final IncrementalAggregator<Object, Object, Object> aggregator;
    private final Layout out;
    /** Whether the input's keys are longs (else objects). */
    private final boolean longKeys;
    private final GroupTable groups;

    StateAggregateOperator(IncrementalAggregator<Object, Object, Object> aggregator, Layout in, Layout out) {
        this.aggregator = aggregator;
        this.out = out;
        this.longKeys = in.keyKind() == ColumnKind.LONG;
        this.groups = GroupTable.ofStates(aggregator);
    }

    private StateAggregateOperator(StateAggregateOperator o) {
        this.aggregator = o.aggregator;
        this.out = o.out;
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

    @Override
    public Operator fork() {
        return new StateAggregateOperator(this);
    }

    /** Saves every group's key and state (by {@link IncrementalAggregator#writeState}). */
    @Override
    public void snapshot(StateWriter out) {
        groups.writeKeys(out, longKeys, (key, slot) -> aggregator.writeState(groups.state(slot), out));
    }

    @Override
    public void restore(StateReader in) {
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

    /** The number of groups with state. */
    @Override
    public long stateTuples() {
        return groups.size();
    }
}
