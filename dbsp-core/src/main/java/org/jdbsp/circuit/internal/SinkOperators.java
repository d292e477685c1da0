package org.jdbsp.circuit.internal;

import java.util.function.Consumer;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.SinkOperator;
import org.jdbsp.circuit.spi.StatePartitioning;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.trace.Trace;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;

/** Sinks: circuit outputs, which keep the last change and optionally its integral, and inspectors. */
public final class SinkOperators {
    private SinkOperators() {}

    /** Keeps each step's batch for the caller to read, and the running integral when asked to. */
    public static final class Output implements SinkOperator {
        private final Layout layout;
        private final Trace integral;
        private Batch delta;

        /** An output of {@code layout}; with {@code keepIntegral} it also sums every step's change. */
        public Output(Layout layout, boolean keepIntegral) {
            this.layout = layout;
            this.integral = keepIntegral ? new Trace(layout) : null;
            this.delta = Batch.empty(layout);
        }

        @Override
        public void consume(Batch input) {
            delta = input.consolidate();
            if (integral != null) {
                integral.insert(delta);
            }
        }

        /** The change of the last step. */
        public Batch delta() {
            return delta;
        }

        /** The sum of every change so far, or null when the integral is not kept. */
        public Batch integral() {
            return integral == null ? null : integral.consolidated();
        }

        /** The layout of the output. */
        public Layout layout() {
            return layout;
        }

        @Override
        public long stateTuples() {
            return integral == null ? 0 : integral.storedTuples();
        }

        @Override
        public long stateBytes() {
            return integral == null ? 0 : integral.approximateBytes();
        }

        @Override
        public void snapshot(StateWriter out) {
            out.writeBatch(delta);
            if (integral != null) {
                out.writeTrace(integral);
            }
        }

        @Override
        public void restore(StateReader in) {
            delta = TimeOperators.restored(delta, in.readBatch(layout));
            if (integral != null) {
                in.readTrace(integral);
            }
        }

        /** Outputs are gathered on worker 0, which the handles read. */
        @Override
        public StatePartitioning statePartitioning() {
            return StatePartitioning.ON_WORKER_ZERO;
        }
    }

    /** Calls a user function with every step's batch. */
    public static final class Inspect implements SinkOperator {
        @Override
        public boolean hasState() {
            return false;
        }

        private final Consumer<Batch> consumer;

        /** An inspector calling {@code consumer}. */
        public Inspect(Consumer<Batch> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void consume(Batch input) {
            consumer.accept(input);
        }

        @Override
        public Operator fork() {
            return this;
        }
    }
}
