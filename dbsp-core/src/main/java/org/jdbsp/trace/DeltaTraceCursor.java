package org.jdbsp.trace;

import java.util.Objects;
import org.jdbsp.zset.Weights;
import org.jdbsp.zset.spi.Batch;

/**
 * Reads a step's change of a stream against the trace of the stream's integral up to the previous step,
 * key by key: for each key, every value the trace or the change holds, in value order, with its weight
 * before the step ({@link #oldWeight()}, from the trace) and after it ({@link #newWeight()}, old plus change).
 *
 * <p>{@link #nextKey()} walks the keys of the change; {@link #seekKey(Batch, int)} goes to any key, also one
 * the change does not hold (its values are then the trace's, unchanged). Keys must be visited in ascending
 * order. The change must be consolidated (sorted, no zero weights). Values are read through
 * {@link #valueBatch()}/{@link #valueIndex()} (the change's tuple when it holds the value, so long values stay
 * unboxed); nothing is allocated per key or value. A value is never reported with both weights zero.
 */
public final class DeltaTraceCursor {
    private final Batch delta;
    private final TraceCursor trace;
    private boolean onKey;
    /** The next key's first tuple in the change (for {@link #nextKey()} and as the floor of seeks). */
    private int nextKeyAt;
    /** The current key's tuples in the change, {@code [keyStart, keyEnd)} (empty when it holds none). */
    private int keyStart;
    private int keyEnd;
    /** The next unread tuple of the current key in the change. */
    private int at;
    /** Whether the trace cursor is on an unread value of the current key. */
    private boolean traceHas;
    private Batch valueBatch;
    private int valueIndex;
    private long oldWeight;
    private long newWeight;
    private boolean changed;

    /** A cursor over {@code delta} (consolidated) against {@code trace}, before the first key. */
    public DeltaTraceCursor(Trace trace, Batch delta) {
        this.delta = Objects.requireNonNull(delta, "delta");
        this.trace = Objects.requireNonNull(trace, "trace").cursor();
    }

    /** The change being read. */
    public Batch delta() {
        return delta;
    }

    /** Moves to the next key of the change (the first at the start); false when none is left. */
    public boolean nextKey() {
        if (nextKeyAt >= delta.size) {
            onKey = false;
            return false;
        }
        keyStart = nextKeyAt;
        keyEnd = delta.endOfKey(keyStart);
        nextKeyAt = keyEnd;
        enter(delta, keyStart);
        return true;
    }

    /**
     * Moves to the key of tuple {@code k} of {@code keys} (a batch with the same key column as the change),
     * which must not be below the previous key visited; true if the trace or the change holds it (its values
     * may still cancel to nothing).
     */
    public boolean seekKey(Batch keys, int k) {
        int p = delta.size == 0 ? 0
                : keys.longKeys != null ? delta.seekLongKey(nextKeyAt, keys.longKeys[k]) : delta.seekKey(nextKeyAt, keys.objKeys[k]);
        keyStart = p;
        keyEnd = p < delta.size && delta.compareKeys(p, keys, k) == 0 ? delta.endOfKey(p) : p;
        nextKeyAt = keyEnd;
        return enter(keys, k) || keyEnd > keyStart;
    }

    private boolean enter(Batch keys, int k) {
        boolean found = keys.longKeys != null ? trace.seekLongKey(keys.longKeys[k]) : trace.seekKey(keys.objKeys[k]);
        traceHas = found && trace.nextValue();
        at = keyStart;
        onKey = true;
        return found;
    }

    /** True while the cursor is on a key. */
    public boolean onKey() {
        return onKey;
    }

    /** Index of the current key's first tuple in the change ({@link #changeEnd()} when the change lacks the key). */
    public int changeStart() {
        return keyStart;
    }

    /** Index just past the current key's last tuple in the change. */
    public int changeEnd() {
        return keyEnd;
    }

    /**
     * Moves to the next value of the current key held by the trace or the change (the first one after a
     * key move); false when the key has no more values.
     */
    public boolean nextValue() {
        if (!onKey) {
            return false;
        }
        boolean inChange = at < keyEnd;
        if (!traceHas && !inChange) {
            return false;
        }
        int cmp = !traceHas ? 1 : !inChange ? -1 : trace.valueBatch().compareValues(trace.valueIndex(), delta, at);
        if (cmp < 0) {
            valueBatch = trace.valueBatch();
            valueIndex = trace.valueIndex();
            oldWeight = trace.weight();
            newWeight = oldWeight;
            changed = false;
            traceHas = trace.nextValue();
        } else {
            valueBatch = delta;
            valueIndex = at;
            oldWeight = cmp == 0 ? trace.weight() : 0;
            newWeight = Weights.add(oldWeight, delta.weights[at]);
            changed = true;
            at++;
            if (cmp == 0) {
                traceHas = trace.nextValue();
            }
        }
        return true;
    }

    /** Moves to the next value of the current key that the change touches; false when none is left. */
    public boolean nextChangedValue() {
        while (nextValue()) {
            if (changed) {
                return true;
            }
        }
        return false;
    }

    /** Whether the change touches the current value (else its weight is the trace's, unchanged). */
    public boolean changed() {
        return changed;
    }

    /** The current value's weight before the step (0 when only the change holds it). */
    public long oldWeight() {
        return oldWeight;
    }

    /** The current value's weight after the step (old weight plus the change's). */
    public long newWeight() {
        return newWeight;
    }

    /** The batch holding the current value (and the current key): the change's when it holds the value. */
    public Batch valueBatch() {
        return valueBatch;
    }

    /** Index of the current value in {@link #valueBatch()}. */
    public int valueIndex() {
        return valueIndex;
    }

    /** The current long value. */
    public long longValue() {
        return valueBatch.longValues[valueIndex];
    }

    /** The current value, boxed when values are longs; null for a plain Z-set. */
    public Object value() {
        return valueBatch.value(valueIndex);
    }
}
