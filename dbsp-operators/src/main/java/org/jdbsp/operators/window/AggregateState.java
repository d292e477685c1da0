package org.jdbsp.operators.window;

import java.util.Collections;
import java.util.HashMap;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.operators.aggregate.internal.Int128;
import org.jdbsp.zset.Weights;

/**
 * The accumulator of one group of a windowed aggregate (see {@link WindowAggregate} for what it keeps). Count and
 * sum are exact 128-bit integers ({@link Int128}), so the order and split of the records over steps never
 * overflows them; only a result that does not fit in a long fails, when the row is emitted.
 */
final class AggregateState {
    // count and sum as 128-bit integers in plain fields (no array per group): high and low words
    private long countHigh;
    private long countLow;
    private long sumHigh;
    private long sumLow;
    LongMultiset values;
    HashMap<Object, Long> records;

    void add(WindowAggregate<?, ?> agg, Object record, long weight) {
        long low = countLow + weight;
        countHigh += (weight >> 63) + carry(low, weight);
        countLow = low;
        switch (agg.kind) {
            case COUNT:
                break;
            case SUM:
                long x = agg.field.applyAsLong(record);
                long productLow = x * weight;
                long sum = sumLow + productLow;
                sumHigh += Math.multiplyHigh(x, weight) + carry(sum, productLow);
                sumLow = sum;
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

    /** The carry out of the unsigned addition whose result is {@code sum} and one of whose terms is {@code term}. */
    private static long carry(long sum, long term) {
        return Long.compareUnsigned(sum, term) < 0 ? 1 : 0;
    }

    private static Long addOrRemove(Long a, Long b) {
        long s = Weights.add(a, b);
        return s == 0 ? null : s;
    }

    /** True when every record added has been retracted. */
    boolean isEmpty() {
        return (countHigh | countLow | sumHigh | sumLow) == 0 && (values == null || values.isEmpty())
                && (records == null || records.isEmpty());
    }

    /**
     * The aggregate of the group of {@code key} in the window {@code [start, end)}, or null when the group has
     * no row (its record count is not positive); a count or sum that does not fit in a long fails, naming them.
     */
    Object result(WindowAggregate<?, ?> agg, Object key, long start, long end) {
        if (Int128.signum(countHigh, countLow) <= 0) {
            return null;
        }
        switch (agg.kind) {
            case COUNT:
                return fitting("count", countHigh, countLow, key, start, end);
            case SUM:
                return fitting("sum", sumHigh, sumLow, key, start, end);
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

    private static long fitting(String what, long high, long low, Object key, long start, long end) {
        if (!Int128.fitsLong(high, low)) {
            throw new ArithmeticException("the " + what + " of key " + key + " in the window [" + start + ", " + end
                    + ") is " + Int128.toString(high, low) + ", which does not fit in a long");
        }
        return low;
    }

    /** Saves the totals, the multiset of values and the records with their weights. */
    void write(StateWriter out) {
        out.writeLong(countHigh);
        out.writeLong(countLow);
        out.writeLong(sumHigh);
        out.writeLong(sumLow);
        out.writeBoolean(values != null);
        if (values != null) {
            values.write(out);
        }
        out.writeBoolean(records != null);
        if (records != null) {
            out.writeInt(records.size());
            for (java.util.Map.Entry<Object, Long> e : records.entrySet()) {
                out.writeObject(e.getKey());
                out.writeLong(e.getValue());
            }
        }
    }

    /** Reads what {@link #write} saved. */
    static AggregateState read(StateReader in) {
        AggregateState s = new AggregateState();
        s.countHigh = in.readLong();
        s.countLow = in.readLong();
        s.sumHigh = in.readLong();
        s.sumLow = in.readLong();
        if (in.readBoolean()) {
            s.values = LongMultiset.read(in);
        }
        if (in.readBoolean()) {
            s.records = new HashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                s.records.put(in.readObject(), in.readLong());
            }
        }
        return s;
    }

    AggregateState copy() {
        AggregateState c = new AggregateState();
        c.countHigh = countHigh;
        c.countLow = countLow;
        c.sumHigh = sumHigh;
        c.sumLow = sumLow;
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
