package org.jdbsp.circuit.internal;

import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StatePartitioning;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.circuit.spi.StrictOperator;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.Merging;

/** The primitive stream operators over time: delay (z<sup>-1</sup>), integrate (I) and differentiate (D). */
public final class TimeOperators {
    private TimeOperators() {}

    /**
     * {@code state} plus {@code read}: what a restore adds to an operator's batch (on the same number of workers
     * the fresh operator's batch is empty, and the read batch is taken as it is).
     */
    static Batch restored(Batch state, Batch read) {
        if (state.size == 0) {
            return read;
        }
        return read.size == 0 ? state : Merging.plus(state.consolidate(), read.consolidate());
    }

    /** Delays its input by one step; the first output is the empty batch. */
    public static final class Delay implements StrictOperator {
        private Batch previous;

        /** A delay whose first output is the empty batch of {@code layout}. */
        public Delay(Layout layout) {
            this.previous = Batch.empty(layout);
        }

        private Delay(Batch previous) {
            this.previous = previous;
        }

        @Override
        public Batch output() {
            return previous;
        }

        @Override
        public void input(Batch input) {
            previous = input;
        }

        @Override
        public Operator fork() {
            return new Delay(previous);
        }

        @Override
        public void snapshot(StateWriter out) {
            out.writeBatch(previous);
        }

        @Override
        public void restore(StateReader in) {
            previous = restored(previous, in.readBatch(previous.layout));
        }

        @Override
        public StatePartitioning statePartitioning() {
            return StatePartitioning.FOLLOWS_INPUT;
        }

        @Override
        public long stateTuples() {
            return previous.size;
        }
    }

    /** Outputs the running sum of its inputs: {@code I(s)[t] = s[0] + ... + s[t]}. */
    public static final class Integrate implements UnaryOperator {
        private Batch sum;

        /** An integrator starting from the empty batch of {@code layout}. */
        public Integrate(Layout layout) {
            this.sum = Batch.empty(layout);
        }

        private Integrate(Batch sum) {
            this.sum = sum;
        }

        @Override
        public Batch apply(Batch input) {
            sum = Merging.plus(sum, input);
            return sum;
        }

        @Override
        public Operator fork() {
            return new Integrate(sum);
        }

        @Override
        public void snapshot(StateWriter out) {
            out.writeBatch(sum);
        }

        @Override
        public void restore(StateReader in) {
            sum = restored(sum, in.readBatch(sum.layout));
        }

        @Override
        public StatePartitioning statePartitioning() {
            return StatePartitioning.FOLLOWS_INPUT;
        }

        @Override
        public long stateTuples() {
            return sum.size;
        }

        @Override
        public long stateBytes() {
            return sum.approximateBytes();
        }
    }

    /** Outputs the change of its input since the previous step: {@code D(s)[t] = s[t] - s[t-1]}. */
    public static final class Differentiate implements UnaryOperator {
        private Batch previous;

        /** A differentiator whose previous input is the empty batch of {@code layout}. */
        public Differentiate(Layout layout) {
            this.previous = Batch.empty(layout);
        }

        private Differentiate(Batch previous) {
            this.previous = previous;
        }

        @Override
        public Batch apply(Batch input) {
            Batch change = Merging.minus(input, previous);
            previous = input;
            return change;
        }

        @Override
        public Operator fork() {
            return new Differentiate(previous);
        }

        @Override
        public void snapshot(StateWriter out) {
            out.writeBatch(previous);
        }

        @Override
        public void restore(StateReader in) {
            previous = restored(previous, in.readBatch(previous.layout));
        }

        @Override
        public StatePartitioning statePartitioning() {
            return StatePartitioning.FOLLOWS_INPUT;
        }

        @Override
        public long stateTuples() {
            return previous.size;
        }
    }
}
