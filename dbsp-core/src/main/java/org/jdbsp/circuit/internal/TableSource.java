package org.jdbsp.circuit.internal;

import java.util.Objects;

import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.SourceOperator;
import org.jdbsp.circuit.spi.StatePartitioning;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;

/**
 * The source of a bounded table the circuit owns ({@link org.jdbsp.circuit.CircuitBuilder#table}): emits its
 * batch in the circuit's first step and empty batches afterwards, so the stream's integral is the table from
 * the first step on (it is loaded exactly once).
 *
 * <p>With several workers every replica emits the whole table: its stream is
 * {@link org.jdbsp.circuit.Placement#REPLICATED}, which keyed operators (each worker keeps the keys it owns),
 * sums and outputs (worker 0's copy only) count once.
 */
public final class TableSource implements SourceOperator {
    private final Layout layout;
    private Batch pending;

    /** A source emitting {@code contents} once. */
    public TableSource(Batch contents) {
        this.pending = Objects.requireNonNull(contents, "contents");
        this.layout = contents.layout;
    }

    private TableSource(Layout layout, Batch pending) {
        this.layout = layout;
        this.pending = pending;
    }

    /** True once the table has been emitted. */
    public boolean emitted() {
        return pending == null;
    }

    @Override
    public Batch produce() {
        Batch out = pending;
        if (out == null) {
            return Batch.empty(layout);
        }
        pending = null; // the consumers' traces hold it from now on
        return out;
    }

    @Override
    public Operator fork() {
        return new TableSource(layout, pending);
    }

    /** Saves whether the table was emitted (its contents come from the build function again). */
    @Override
    public void snapshot(StateWriter out) {
        out.writeBoolean(pending == null);
    }

    /** Replicated: the table is built on every worker; whether it was emitted is the same on all. */
    @Override
    public StatePartitioning statePartitioning() {
        return StatePartitioning.REPLICATED;
    }

    @Override
    public void restore(StateReader in) {
        if (in.readBoolean()) {
            pending = null;
        }
    }

    @Override
    public long stateTuples() {
        return pending == null ? 0 : pending.size;
    }
}
