package org.jdbsp.operators.window;

import java.util.Collections;
import java.util.HashMap;
import org.jdbsp.zset.Weights;

/** The accumulator of one group of a windowed aggregate (see {@link Aggregator} for what it keeps). */
final class AggregateState {
    long count;
    long sum;
    LongMultiset values;
    HashMap<Object, Long> records;

    void add(Aggregator<?, ?> agg, Object record, long weight) {
        count = Weights.add(count, weight);
        switch (agg.kind) {
            case COUNT:
                break;
            case SUM:
                sum = Weights.add(sum, Weights.multiply(agg.field.applyAsLong(record), weight));
                break;
            case MAX:
            case MIN:
                if (values == null) {
                    values = new LongMultiset();
                }
                values.add(agg.field.applyAsLong(record), weight);
                break;
            default:
                if (records == null) {
                    records = new HashMap<>();
                }
                records.merge(record, weight, AggregateState::addOrRemove);
        }
    }

    private static Long addOrRemove(Long a, Long b) {
        long s = Weights.add(a, b);
        return s == 0 ? null : s;
    }

    /** True when every record added has been retracted. */
    boolean isEmpty() {
        return count == 0 && (values == null || values.isEmpty()) && (records == null || records.isEmpty());
    }

    /** The aggregate, or null when the group has no row (its record count is not positive). */
    Object result(Aggregator<?, ?> agg) {
        if (count <= 0) {
            return null;
        }
        switch (agg.kind) {
            case COUNT:
                return count;
            case SUM:
                return sum;
            case MAX:
                return values.isEmpty() ? null : values.max();
            case MIN:
                return values.isEmpty() ? null : values.min();
            default:
                return records.isEmpty() ? null
                        : java.util.Objects.requireNonNull(agg.custom.apply(Collections.unmodifiableMap(records)),
                                "the aggregate function returned null");
        }
    }

    AggregateState copy() {
        AggregateState c = new AggregateState();
        c.count = count;
        c.sum = sum;
        c.values = values == null ? null : values.copy();
        c.records = records == null ? null : new HashMap<>(records);
        return c;
    }

    long tuples() {
        return 1 + (values == null ? 0 : values.entries()) + (records == null ? 0 : records.size());
    }

    long bytes() {
        return 48 + (values == null ? 0 : values.bytes()) + 48L * (records == null ? 0 : records.size());
    }
}
