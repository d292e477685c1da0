package org.jdbsp.operators.aggregate;

import org.jdbsp.zset.spi.Batch;

/** The state of one group aggregate while a group's values are folded: reset, add values, read the result. */
abstract class Fold {
    /** Forgets everything added. */
    abstract void clear();

    /** Adds value {@code i} of {@code batch} with total weight {@code weight > 0}. */
    abstract void add(Batch batch, int i, long weight);

    /** True when no value was added since {@link #clear()}. */
    abstract boolean isEmpty();

    /** The result, when the output values are longs. */
    long longResult() {
        throw new UnsupportedOperationException();
    }

    /** The result, when the output values are objects. */
    Object result() {
        throw new UnsupportedOperationException();
    }

    /** A fresh fold of the same aggregate. */
    abstract Fold copy();

    /** Counts the distinct values. */
    static final class CountDistinct extends Fold {
        private long count;

        @Override
        void clear() {
            count = 0;
        }

        @Override
        void add(Batch batch, int i, long weight) {
            count++;
        }

        @Override
        boolean isEmpty() {
            return count == 0;
        }

        @Override
        long longResult() {
            return count;
        }

        @Override
        Fold copy() {
            return new CountDistinct();
        }
    }

    /** Keeps the least (or, with {@code max}, the greatest) value: the row of a batch holding it. */
    static final class Extreme extends Fold {
        private final java.util.Comparator<Object> order;
        private final boolean max;
        private Batch best;
        private int bestIndex;

        /** {@code order} compares object values; null when values are longs. */
        Extreme(java.util.Comparator<Object> order, boolean max) {
            this.order = order;
            this.max = max;
        }

        @Override
        void clear() {
            best = null;
        }

        @Override
        void add(Batch batch, int i, long weight) {
            if (best == null) {
                best = batch;
                bestIndex = i;
                return;
            }
            int c = order == null ? Long.compare(batch.longValues[i], best.longValues[bestIndex])
                    : order.compare(batch.objValues[i], best.objValues[bestIndex]);
            if (max ? c > 0 : c < 0) {
                best = batch;
                bestIndex = i;
            }
        }

        @Override
        boolean isEmpty() {
            return best == null;
        }

        @Override
        long longResult() {
            return best.longValues[bestIndex];
        }

        @Override
        Object result() {
            return best.objValues[bestIndex];
        }

        @Override
        Fold copy() {
            return new Extreme(order, max);
        }
    }

    /** Runs a user-defined {@link Aggregator}. */
    static final class User<V, A, R> extends Fold {
        private final Aggregator<V, A, R> aggregator;
        private A accumulator;
        private boolean empty = true;

        User(Aggregator<V, A, R> aggregator) {
            this.aggregator = aggregator;
        }

        @Override
        void clear() {
            accumulator = null;
            empty = true;
        }

        @Override
        @SuppressWarnings("unchecked")
        void add(Batch batch, int i, long weight) {
            if (empty) {
                accumulator = aggregator.zero();
                empty = false;
            }
            accumulator = aggregator.add(accumulator, (V) batch.value(i), weight);
        }

        @Override
        boolean isEmpty() {
            return empty;
        }

        @Override
        Object result() {
            R r = aggregator.result(accumulator);
            if (r == null) {
                throw new NullPointerException("aggregator " + aggregator + " returned a null result");
            }
            return r;
        }

        @Override
        Fold copy() {
            return new User<>(aggregator);
        }
    }
}
