package org.jdbsp.operators.window;

import java.util.Arrays;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.operators.aggregate.internal.Int128;
import org.jdbsp.operators.aggregate.internal.LinearGroups;

/**
 * The accumulators of a windowed aggregate's groups, by slot, on the ordinary aggregates' models: every group's
 * count (and, for a sum, its sum) in the words of a {@link LinearGroups} table, exact in 128 bits like the
 * ordinary count and sum; min, max and custom aggregates also keep the state of their
 * {@link WindowStateAggregator}, an ordinary incremental aggregator. Nothing is allocated per update of an
 * existing group of a count or sum.
 */
final class Accumulators {
    private final WindowAggregate<?, ?> agg;
    /** Null for count and sum. */
    private final WindowStateAggregator<Object> states;
    private final LinearGroups linear;
    /** The incremental state of each slot (null for count and sum). */
    private Object[] stateOf;

    Accumulators(WindowAggregate<?, ?> agg, WindowStateAggregator<Object> states) {
        this(agg, states, new LinearGroups(), states == null ? null : new Object[16]);
    }

    private Accumulators(WindowAggregate<?, ?> agg, WindowStateAggregator<Object> states, LinearGroups linear, Object[] stateOf) {
        this.agg = agg;
        this.states = states;
        this.linear = linear;
        this.stateOf = stateOf;
    }

    /** A new, empty accumulator. */
    int allocate() {
        int slot = linear.allocate();
        if (stateOf != null) {
            if (slot >= stateOf.length) {
                stateOf = Arrays.copyOf(stateOf, Math.max(slot + 1, 2 * stateOf.length));
            }
            stateOf[slot] = states.newState();
        }
        return slot;
    }

    void release(int slot) {
        linear.release(slot);
        if (stateOf != null) {
            stateOf[slot] = null;
        }
    }

    /** Adds {@code weight} copies of {@code record} (removes them if negative). */
    void add(int slot, Object record, long weight) {
        if (agg.kind == WindowAggregate.Kind.SUM) {
            linear.addWeighted(slot, weight, agg.field.applyAsLong(record));
        } else {
            linear.addCount(slot, weight);
            if (stateOf != null) {
                states.add(stateOf[slot], record, weight);
            }
        }
    }

    /** True when every record added has been retracted. */
    boolean isEmpty(int slot) {
        return linear.isZero(slot) && (stateOf == null || states.isEmpty(stateOf[slot]));
    }

    /**
     * The aggregate of the group in {@code slot}, whose key is {@code key} and window {@code [start, end)}, or null
     * when it has no row (its record count is not positive); a count or sum that does not fit in a long fails,
     * naming them.
     */
    Object result(int slot, Object key, long start, long end) {
        if (Int128.signum(linear.word(slot, 0), linear.word(slot, 1)) <= 0) {
            return null;
        }
        switch (agg.kind) {
            case COUNT:
                return fitting("count", linear.word(slot, 0), linear.word(slot, 1), key, start, end);
            case SUM:
                return fitting("sum", linear.word(slot, 2), linear.word(slot, 3), key, start, end);
            default:
                Object state = stateOf[slot];
                return states.isEmpty(state) ? null : states.result(state);
        }
    }

    private static long fitting(String what, long high, long low, Object key, long start, long end) {
        if (!Int128.fitsLong(high, low)) {
            throw new ArithmeticException("the " + what + " of key " + key + " in the window [" + start + ", " + end
                    + ") is " + Int128.toString(high, low) + ", which does not fit in a long");
        }
        return low;
    }

    /** Saves the accumulator of {@code slot}: its four linear words, then its incremental state if any. */
    void write(int slot, StateWriter out) {
        for (int w = 0; w < LinearGroups.WORDS; w++) {
            out.writeLong(linear.word(slot, w));
        }
        if (stateOf != null) {
            states.writeState(stateOf[slot], out);
        }
    }

    /** Reads what {@link #write} saved into a new slot, returned. */
    int read(StateReader in) {
        long[] words = new long[LinearGroups.WORDS];
        for (int w = 0; w < words.length; w++) {
            words[w] = in.readLong();
        }
        int slot = allocate();
        linear.set(slot, words);
        if (stateOf != null) {
            stateOf[slot] = states.readState(in);
        }
        return slot;
    }

    /** Tuples of state of {@code slot}: the group, plus the values or records its incremental state keeps. */
    long tuples(int slot) {
        return 1 + (stateOf == null ? 0 : states.tuples(stateOf[slot]));
    }

    /** Approximate bytes held: the linear words and the incremental states. */
    long bytes() {
        long n = linear.bytes();
        if (stateOf != null) {
            n += 8L * stateOf.length;
            for (Object s : stateOf) {
                n += s == null ? 0 : states.bytes(s);
            }
        }
        return n;
    }

    /** A deep copy (every incremental state copied). */
    Accumulators copy() {
        Object[] c = null;
        if (stateOf != null) {
            c = new Object[stateOf.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = stateOf[i] == null ? null : states.copy(stateOf[i]);
            }
        }
        return new Accumulators(agg, states, linear.copy(), c);
    }
}
