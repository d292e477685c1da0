package org.jdbsp.operators.window;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.operators.aggregate.IncrementalAggregator;
import org.jdbsp.operators.aggregate.internal.MeasuredAggregator;
import org.jdbsp.zset.Weights;

/**
 * A {@link WindowAggregate} that is not linear ({@code MIN}, {@code MAX}, a custom function) as an ordinary
 * {@link IncrementalAggregator} of one (window, key) group, plus what the window operator reports about its
 * state. Count and sum need none: they live in the group's linear words
 * ({@link org.jdbsp.operators.aggregate.internal.LinearGroups}).
 *
 * @param <S> the state of one group
 */
abstract class WindowStateAggregator<S> implements MeasuredAggregator<S> {
    /** The aggregator of {@code agg}, or null for count and sum. */
    @SuppressWarnings("unchecked")
    static WindowStateAggregator<Object> of(WindowAggregate<?, ?> agg) {
        WindowStateAggregator<?> a = switch (agg.kind) {
            case COUNT, SUM -> null;
            case MAX -> new Extreme(agg, true);
            case MIN -> new Extreme(agg, false);
            case CUSTOM -> new Records(agg);
            case INCREMENTAL -> new Users(agg.incremental);
        };
        return (WindowStateAggregator<Object>) a;
    }

    /** {@code MIN}/{@code MAX} of a long field: the multiset of the field's values, unboxed. */
    private static final class Extreme extends WindowStateAggregator<LongMultiset> {
        private final WindowAggregate<?, ?> agg;
        private final boolean max;

        Extreme(WindowAggregate<?, ?> agg, boolean max) {
            this.agg = agg;
            this.max = max;
        }

        @Override
        public LongMultiset newState() {
            return new LongMultiset();
        }

        @Override
        public void add(LongMultiset state, Object record, long weight) {
            state.add(agg.field.applyAsLong(record), weight);
        }

        @Override
        public boolean isEmpty(LongMultiset state) {
            return state.isEmpty();
        }

        @Override
        public Object result(LongMultiset state) {
            return max ? state.max() : state.min();
        }

        @Override
        public LongMultiset copy(LongMultiset state) {
            return state.copy();
        }

        @Override
        public void writeState(LongMultiset state, StateWriter out) {
            state.write(out);
        }

        @Override
        public LongMultiset readState(StateReader in) {
            return LongMultiset.read(in);
        }

        @Override
        public long tuples(LongMultiset state) {
            return state.entries();
        }

        @Override
        public long bytes(LongMultiset state) {
            return state.bytes();
        }
    }

    /**
     * A user's {@link IncrementalAggregator} ({@link WindowAggregate#incremental}): its own state per group, which
     * it alone can measure; counted as one tuple of about 48 bytes.
     */
    private static final class Users extends WindowStateAggregator<Object> {
        private final IncrementalAggregator<Object, Object, Object> user;

        Users(IncrementalAggregator<Object, Object, Object> user) {
            this.user = user;
        }

        @Override
        public Object newState() {
            return user.newState();
        }

        @Override
        public void add(Object state, Object record, long weight) {
            user.add(state, record, weight);
        }

        @Override
        public boolean isEmpty(Object state) {
            return user.isEmpty(state);
        }

        @Override
        public Object result(Object state) {
            return Objects.requireNonNull(user.result(state), "the aggregator's result was null");
        }

        @Override
        public Object copy(Object state) {
            return user.copy(state);
        }

        @Override
        public void writeState(Object state, StateWriter out) {
            user.writeState(state, out);
        }

        @Override
        public Object readState(StateReader in) {
            return user.readState(in);
        }

        @Override
        public long tuples(Object state) {
            return 1;
        }

        @Override
        public long bytes(Object state) {
            return 48;
        }
    }

    /** A custom aggregate: the multiset of the group's records, the function applied to it. */
    private static final class Records extends WindowStateAggregator<HashMap<Object, Long>> {
        private final WindowAggregate<?, ?> agg;

        Records(WindowAggregate<?, ?> agg) {
            this.agg = agg;
        }

        @Override
        public HashMap<Object, Long> newState() {
            return new HashMap<>();
        }

        @Override
        public void add(HashMap<Object, Long> state, Object record, long weight) {
            state.merge(record, weight, Records::addOrRemove);
        }

        private static Long addOrRemove(Long a, Long b) {
            long s = Weights.add(a, b);
            return s == 0 ? null : s;
        }

        @Override
        public boolean isEmpty(HashMap<Object, Long> state) {
            return state.isEmpty();
        }

        @Override
        public Object result(HashMap<Object, Long> state) {
            return Objects.requireNonNull(agg.custom.apply(Collections.unmodifiableMap(state)), "the aggregate function returned null");
        }

        @Override
        public HashMap<Object, Long> copy(HashMap<Object, Long> state) {
            return new HashMap<>(state);
        }

        @Override
        public void writeState(HashMap<Object, Long> state, StateWriter out) {
            out.writeInt(state.size());
            for (Map.Entry<Object, Long> e : state.entrySet()) {
                out.writeObject(e.getKey());
                out.writeLong(e.getValue());
            }
        }

        @Override
        public HashMap<Object, Long> readState(StateReader in) {
            HashMap<Object, Long> state = new HashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                state.put(in.readObject(), in.readLong());
            }
            return state;
        }

        @Override
        public long tuples(HashMap<Object, Long> state) {
            return state.size();
        }

        @Override
        public long bytes(HashMap<Object, Long> state) {
            return 48L * state.size();
        }
    }
}
