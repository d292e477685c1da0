package org.jdbsp.operators.aggregate;

import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ObjectMap;
import it.unimi.dsi.fastutil.objects.Object2ObjectOpenHashMap;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StatePartitioning;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Runs an {@link IncrementalAggregator}: one mutable state per group in a hash map (fastutil, unboxed for
 * long keys), updated by each tuple of the step's change; emits the old and new result of every touched
 * group. Work is proportional to the change; state to the number of groups.
 */
final class StateAggregateOperator implements UnaryOperator {
    private final IncrementalAggregator<Object, Object, Object> aggregator;
    private final Layout out;
    private final Long2ObjectOpenHashMap<Object> longStates;
    private final Object2ObjectOpenHashMap<Object, Object> objStates;

    StateAggregateOperator(IncrementalAggregator<Object, Object, Object> aggregator, Layout in, Layout out) {
        this.aggregator = aggregator;
        this.out = out;
        boolean longKeys = in.keyKind() == ColumnKind.LONG;
        this.longStates = longKeys ? new Long2ObjectOpenHashMap<>() : null;
        this.objStates = longKeys ? null : new Object2ObjectOpenHashMap<>();
    }

    private StateAggregateOperator(StateAggregateOperator o) {
        this.aggregator = o.aggregator;
        this.out = o.out;
        if (o.longStates != null) {
            this.longStates = new Long2ObjectOpenHashMap<>(o.longStates.size());
            for (Long2ObjectMap.Entry<Object> e : o.longStates.long2ObjectEntrySet()) {
                longStates.put(e.getLongKey(), aggregator.copy(e.getValue()));
            }
            this.objStates = null;
        } else {
            this.objStates = new Object2ObjectOpenHashMap<>(o.objStates.size());
            o.objStates.forEach((k, s) -> objStates.put(k, aggregator.copy(s)));
            this.longStates = null;
        }
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
            Object state = longKeys ? longStates.get(delta.longKeys[i]) : objStates.get(delta.objKeys[i]);
            Object before = null;
            if (state == null) {
                state = aggregator.newState();
                if (longKeys) {
                    longStates.put(delta.longKeys[i], state);
                } else {
                    objStates.put(delta.objKeys[i], state);
                }
            } else if (!aggregator.isEmpty(state)) {
                before = checked(aggregator.result(state));
            }
            for (int j = i; j < end; j++) {
                aggregator.add(state, delta.value(j), delta.weights[j]);
            }
            Object after = null;
            if (aggregator.isEmpty(state)) {
                if (longKeys) {
                    longStates.remove(delta.longKeys[i]);
                } else {
                    objStates.remove(delta.objKeys[i]);
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
        if (longStates != null) {
            out.writeInt(longStates.size());
            for (Long2ObjectMap.Entry<Object> e : longStates.long2ObjectEntrySet()) {
                out.writeLong(e.getLongKey());
                aggregator.writeState(e.getValue(), out);
            }
        } else {
            out.writeInt(objStates.size());
            for (Object2ObjectMap.Entry<Object, Object> e : objStates.object2ObjectEntrySet()) {
                out.writeObject(e.getKey());
                aggregator.writeState(e.getValue(), out);
            }
        }
    }

    @Override
    public void restore(StateReader in) {
        for (int n = in.readInt(); n > 0; n--) {
            if (longStates != null) {
                long key = in.readLong();
                Object state = aggregator.readState(in);
                if (in.ownsLong(key)) {
                    longStates.put(key, state);
                }
            } else {
                Object key = in.readObject();
                Object state = aggregator.readState(in);
                if (in.owns(key)) {
                    objStates.put(key, state);
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
        return longStates != null ? longStates.size() : objStates.size();
    }
}
