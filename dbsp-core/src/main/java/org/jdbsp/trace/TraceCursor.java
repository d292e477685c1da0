package org.jdbsp.trace;

import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;

/**
 * Reads a {@link Trace} key by key, consolidating the batches of its spine on the fly.
 *
 * <p>Position the cursor on a key with {@link #seekLongKey}/{@link #seekKey} (keys must be sought in
 * ascending order; each seek gallops forward in every batch) or walk all keys with {@link #nextKey()}.
 * Then {@link #nextValue()} steps through that key's values in order, each with the sum of its weights
 * over all batches, skipping values whose weights cancel. Nothing is allocated per tuple.
 */
public final class TraceCursor {
    private final Layout layout;
    private final Batch[] batches;
    private final Trace trace;
    private final int[] start;
    private final int[] pos;
    private final int[] end;
    private boolean onKey;
    private int keyBatch;
    private int keyIndex;
    private int valueBatch;
    private int valueIndex;
    private long valueWeight;

    TraceCursor(Layout layout, Batch[] batches, Trace trace) {
        this.layout = layout;
        this.batches = batches;
        this.trace = trace;
        this.start = new int[batches.length];
        this.pos = new int[batches.length];
        this.end = new int[batches.length];
    }

    /** Moves back before the first key. */
    public void rewind() {
        java.util.Arrays.fill(start, 0);
        java.util.Arrays.fill(pos, 0);
        java.util.Arrays.fill(end, 0);
        onKey = false;
    }

    /**
     * Moves to {@code key} (long keys), which must not be below the previous key sought (seeking the same
     * key again restarts its values); true if some batch holds it (its values may still cancel to nothing).
     */
    public boolean seekLongKey(long key) {
        onKey = false;
        boolean hidden = trace.belowBoundLong(key);
        for (int b = 0; b < batches.length; b++) {
            Batch batch = batches[b];
            int p = batch.seekLongKey(start[b], key);
            start[b] = p;
            pos[b] = p;
            if (!hidden && p < batch.size && batch.longKeys[p] == key) {
                end[b] = batch.endOfKey(p);
                if (!onKey) {
                    onKey = true;
                    keyBatch = b;
                    keyIndex = p;
                }
            } else {
                end[b] = p;
            }
        }
        return onKey;
    }

    /** Moves to {@code key}, which must not be below the previous key sought; true if some batch holds it. */
    public boolean seekKey(Object key) {
        if (batches.length > 0 && batches[0].longKeys != null) {
            return seekLongKey(((Number) key).longValue());
        }
        onKey = false;
        boolean hidden = batches.length > 0 && trace.belowBoundObject(key);
        for (int b = 0; b < batches.length; b++) {
            Batch batch = batches[b];
            int p = batch.seekKey(start[b], key);
            start[b] = p;
            pos[b] = p;
            if (!hidden && p < batch.size && layout.keyOrder().compare(batch.objKeys[p], key) == 0) {
                end[b] = batch.endOfKey(p);
                if (!onKey) {
                    onKey = true;
                    keyBatch = b;
                    keyIndex = p;
                }
            } else {
                end[b] = p;
            }
        }
        return onKey;
    }

    /** Moves to the smallest key after the current one (the first key at the start); false when none is left. */
    public boolean nextKey() {
        skipCurrentKey();
        while (true) {
            int best = -1;
            for (int b = 0; b < batches.length; b++) {
                if (start[b] < batches[b].size && (best < 0 || batches[b].compareKeys(start[b], batches[best], start[best]) < 0)) {
                    best = b;
                }
            }
            if (best < 0) {
                onKey = false;
                return false;
            }
            Batch kb = batches[best];
            int ki = start[best];
            for (int b = 0; b < batches.length; b++) {
                Batch batch = batches[b];
                int p = start[b];
                pos[b] = p;
                end[b] = p < batch.size && batch.compareKeys(p, kb, ki) == 0 ? batch.endOfKey(p) : p;
            }
            onKey = true;
            keyBatch = best;
            keyIndex = ki;
            if (!trace.belowBound(kb, ki)) {
                return true;
            }
            skipCurrentKey();
        }
    }

    private void skipCurrentKey() {
        if (onKey) {
            for (int b = 0; b < batches.length; b++) {
                start[b] = end[b];
                pos[b] = end[b];
            }
            onKey = false;
        }
    }

    /** True while the cursor is on a key. */
    public boolean onKey() {
        return onKey;
    }

    /** The current key, boxed when keys are longs. */
    public Object key() {
        return batches[keyBatch].key(keyIndex);
    }

    /** The current long key. */
    public long longKey() {
        return batches[keyBatch].longKeys[keyIndex];
    }

    /**
     * Moves to the next value of the current key whose weights do not cancel; false when the key has no
     * more values. The first call moves to the first value.
     */
    public boolean nextValue() {
        if (!onKey) {
            return false;
        }
        while (true) {
            int best = -1;
            for (int b = 0; b < batches.length; b++) {
                if (pos[b] < end[b] && (best < 0 || batches[b].compareValues(pos[b], batches[best], pos[best]) < 0)) {
                    best = b;
                }
            }
            if (best < 0) {
                return false;
            }
            Batch vb = batches[best];
            int vi = pos[best];
            long sum = 0;
            for (int b = best; b < batches.length; b++) {
                if (pos[b] < end[b] && (b == best || batches[b].compareValues(pos[b], vb, vi) == 0)) {
                    sum = org.jdbsp.zset.Weights.add(sum, batches[b].weights[pos[b]]);
                    pos[b]++;
                }
            }
            if (sum != 0) {
                valueBatch = best;
                valueIndex = vi;
                valueWeight = sum;
                return true;
            }
        }
    }

    /** The current value, boxed when values are longs; null for a plain Z-set. */
    public Object value() {
        return batches[valueBatch].value(valueIndex);
    }

    /** The current long value. */
    public long longValue() {
        return batches[valueBatch].longValues[valueIndex];
    }

    /** The summed weight of the current value (or, for a plain Z-set, of the current key). */
    public long weight() {
        return valueWeight;
    }

    /** The batch holding the current value, and its index there (for kernels that copy tuples). */
    public Batch valueBatch() {
        return batches[valueBatch];
    }

    /** Index of the current value in {@link #valueBatch()}. */
    public int valueIndex() {
        return valueIndex;
    }
}
