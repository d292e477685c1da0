package org.jdbsp.zset;

import org.jdbsp.zset.spi.Batch;

/**
 * Walks the tuples of one batch in order, without allocating per tuple.
 *
 * <p>A cursor starts on the first tuple. {@link #valid()} says whether it points at a tuple; the
 * accessors then read its columns. Long columns have primitive accessors ({@link #longKey()},
 * {@link #longValue()}); the boxed {@link #key()} and {@link #value()} work for every column kind.
 *
 * @param <K> the key type (for a plain Z-set, the record type)
 * @param <V> the value type ({@code Void} for a plain Z-set)
 */
public final class ZSetCursor<K, V> {
    private final Batch batch;
    private int pos;

    ZSetCursor(Batch batch) {
        this.batch = batch;
    }

    /** True while the cursor points at a tuple. */
    public boolean valid() {
        return pos < batch.size;
    }

    /** Moves to the next tuple. */
    public void next() {
        pos++;
    }

    /** Moves to the first tuple of the next key. */
    public void nextKey() {
        pos = batch.endOfKey(pos);
    }

    /** Moves back to the first tuple. */
    public void rewind() {
        pos = 0;
    }

    /** The current key; boxed when keys are longs. */
    @SuppressWarnings("unchecked")
    public K key() {
        return (K) batch.key(pos);
    }

    /** The current key of a long key column. */
    public long longKey() {
        return batch.longKeys[pos];
    }

    /** The current value; boxed when values are longs, null for a plain Z-set. */
    @SuppressWarnings("unchecked")
    public V value() {
        return (V) batch.value(pos);
    }

    /** The current value of a long value column. */
    public long longValue() {
        return batch.longValues[pos];
    }

    /** The current weight, never zero. */
    public long weight() {
        return batch.weights[pos];
    }

    /** Moves forward to the first tuple whose key is not below {@code key}; true if that key is present. */
    public boolean seekKey(K key) {
        pos = batch.seekKey(pos, key);
        return pos < batch.size && batch.layout.keyKind() == ColumnKind.LONG
                ? batch.longKeys[pos] == ((Number) key).longValue()
                : pos < batch.size && batch.layout.keyOrder().compare(batch.objKeys[pos], key) == 0;
    }

    /** Moves forward to the first tuple whose long key is {@code >= key}; true if that key is present. */
    public boolean seekLongKey(long key) {
        pos = batch.seekLongKey(pos, key);
        return pos < batch.size && batch.longKeys[pos] == key;
    }
}
