package org.jdbsp.trace;

import java.nio.ByteBuffer;
import java.util.Comparator;
import org.jdbsp.codec.ByteSource;
import org.jdbsp.storage.spi.BatchFile;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;

/**
 * Reads a {@link Trace} key by key, consolidating the batches of its spine on the fly.
 *
 * <p>Position the cursor on a key with {@link #seekLongKey}/{@link #seekKey} (keys must be sought in
 * ascending order; each seek gallops forward in every batch) or walk all keys with {@link #nextKey()}.
 * Then {@link #nextValue()} steps through that key's values in order, each with the sum of its weights
 * over all batches, skipping values whose weights cancel. Nothing is allocated per tuple.
 *
 * <p><b>File batches.</b> A trace with storage may hold batches in files. The cursor then seeks keys in the
 * files (through their sparse index, O(1) pages a seek), and when a file holds the key it is on, reads that
 * key's tuples into a small heap batch, a <em>window</em>, decoding the values once; from there on values are
 * read, compared and copied exactly as from a heap batch ({@link #valueBatch()} is then the window). A file the
 * trace wrote has a {@code KeyFilter} of its keys (long or object): a seek skips the files whose filter rules the key out
 * (finding their position only if a walk by {@link #nextKey} goes on from there). A trace
 * whose batches are all on the heap takes the original code path: the file-aware one is chosen once per cursor
 * ({@code files == null}), so heap-only reads make no extra call, test or allocation per tuple.
 */
public final class TraceCursor {
    private final Layout layout;
    /** Per batch: the heap batch, or for a file batch the window of the current key. */
    private final Batch[] batches;
    /** Per batch, its file (null for heap batches); null altogether when every batch is on the heap. */
    private final BatchFile[] files;
    /** A reader of each file batch (null for heap batches), and the scratch source their values are decoded through. */
    private final BatchFile.Reader[] readers;
    private final ByteSource scratch;
    /** With files: where each batch's key position goes when the cursor leaves the current key. */
    private final int[] next;
    /** With files: the position of each file batch whose key is in {@link #cachedKeys}, or -1. */
    private final int[] cachedAt;
    private final Object[] cachedKeys;
    /** With files: each file's {@code KeyFilter} (null: none); null when no file has one. */
    private final KeyFilter[] filters;
    /**
     * With filters: the files whose filter ruled out the key of the last seek, which was not sought in them; their
     * positions are found when a walk by {@link #nextKey} needs them ({@link #seekSkipped}).
     */
    private final boolean[] skipped;
    private boolean anySkipped;
    private Object skippedKey;
    private long skippedLongKey;
    /** Seeks made in files (not skipped by a filter), for tests. */
    private long fileSeeks;
    private final Batch emptyWindow;
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

    TraceCursor(Layout layout, Batch[] batches, FileBatch[] fileBatches, Trace trace) {
        this.layout = layout;
        this.batches = batches;
        this.trace = trace;
        this.start = new int[batches.length];
        this.pos = new int[batches.length];
        this.end = new int[batches.length];
        if (fileBatches == null) {
            files = null;
            readers = null;
            scratch = null;
            next = null;
            cachedAt = null;
            cachedKeys = null;
            filters = null;
            skipped = null;
            emptyWindow = null;
        } else {
            files = new BatchFile[batches.length];
            readers = new BatchFile.Reader[batches.length];
            scratch = new ByteSource(ByteBuffer.allocate(0));
            next = new int[batches.length];
            cachedAt = new int[batches.length];
            cachedKeys = new Object[batches.length];
            emptyWindow = Batch.empty(layout);
            KeyFilter[] found = null;
            for (int b = 0; b < batches.length; b++) {
                if (fileBatches[b] != null) {
                    files[b] = fileBatches[b].file();
                    readers[b] = files[b].reader();
                    batches[b] = emptyWindow;
                    if (fileBatches[b].keyFilter() != null) {
                        found = found != null ? found : new KeyFilter[batches.length];
                        found[b] = fileBatches[b].keyFilter();
                    }
                }
            }
            filters = found;
            skipped = found == null ? null : new boolean[batches.length];
            java.util.Arrays.fill(cachedAt, -1);
        }
    }

    /** Moves back before the first key. */
    public void rewind() {
        java.util.Arrays.fill(start, 0);
        java.util.Arrays.fill(pos, 0);
        java.util.Arrays.fill(end, 0);
        if (files != null) {
            java.util.Arrays.fill(next, 0);
            clearSkipped();
            for (int b = 0; b < batches.length; b++) {
                if (files[b] != null) {
                    batches[b] = emptyWindow;
                }
            }
        }
        onKey = false;
    }

    /**
     * Moves to {@code key} (long keys), which must not be below the previous key sought (seeking the same
     * key again restarts its values); true if some batch holds it (its values may still cancel to nothing).
     */
    public boolean seekLongKey(long key) {
        if (files != null) {
            return seekWithFiles(key, null);
        }
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
        if (files != null) {
            return seekWithFiles(0, key);
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
        if (files != null) {
            return nextKeyWithFiles();
        }
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
                start[b] = files != null ? next[b] : end[b];
                pos[b] = end[b];
            }
            onKey = false;
        }
    }

    // ---- the path of a trace with file batches: keys are sought in the files, a found key's tuples read into a window

    /** {@link #seekLongKey} ({@code objectKey} null) or {@link #seekKey} when some batch is a file. */
    private boolean seekWithFiles(long longKey, Object objectKey) {
        onKey = false;
        boolean longKeys = objectKey == null;
        Comparator<Object> order = layout.keyOrder();
        boolean hidden = longKeys ? trace.belowBoundLong(longKey) : trace.belowBoundObject(objectKey);
        clearSkipped(); // a file skipped for an earlier key is sought from its old position: still before this key
        long hash = filters == null ? 0 : longKeys ? KeyFilter.hashLong(longKey) : KeyFilter.hash(objectKey);
        for (int b = 0; b < batches.length; b++) {
            BatchFile f = files[b];
            boolean found;
            if (f != null && filters != null && filters[b] != null && !filters[b].mayHold(hash)) {
                found = false;
                skipped[b] = true;
                anySkipped = true;
                skippedKey = objectKey;
                skippedLongKey = longKey;
                closeWindow(b, start[b]);
            } else if (f == null) {
                Batch batch = batches[b];
                int p = longKeys ? batch.seekLongKey(start[b], longKey) : batch.seekKey(start[b], objectKey);
                start[b] = p;
                pos[b] = p;
                found = !hidden && p < batch.size
                        && (longKeys ? batch.longKeys[p] == longKey : order.compare(batch.objKeys[p], objectKey) == 0);
                end[b] = found ? batch.endOfKey(p) : p;
                next[b] = end[b];
            } else {
                int p = longKeys ? f.seekLongKey(start[b], longKey) : f.seekKey(start[b], objectKey);
                fileSeeks++;
                start[b] = p;
                found = !hidden && p < f.size() && (longKeys ? f.longKey(p) == longKey : order.compare(keyAt(b), objectKey) == 0);
                if (found) {
                    openWindow(b, p);
                } else {
                    closeWindow(b, p);
                }
            }
            if (found && !onKey) {
                onKey = true;
                keyBatch = b;
                keyIndex = f == null ? start[b] : 0;
            }
        }
        return onKey;
    }

    /** {@link #nextKey} when some batch is a file. */
    private boolean nextKeyWithFiles() {
        seekSkipped();
        skipCurrentKey();
        boolean longKeys = layout.keyKind() == ColumnKind.LONG;
        Comparator<Object> order = layout.keyOrder();
        while (true) {
            int best = -1;
            for (int b = 0; b < batches.length; b++) {
                if (start[b] < sizeOf(b) && (best < 0 || (longKeys ? Long.compare(longKeyAt(b), longKeyAt(best))
                        : order.compare(keyAt(b), keyAt(best))) < 0)) {
                    best = b;
                }
            }
            if (best < 0) {
                onKey = false;
                return false;
            }
            long lk = longKeys ? longKeyAt(best) : 0;
            Object ok = longKeys ? null : keyAt(best);
            for (int b = 0; b < batches.length; b++) {
                int p = start[b];
                boolean same = p < sizeOf(b) && (longKeys ? longKeyAt(b) == lk : order.compare(keyAt(b), ok) == 0);
                if (files[b] == null) {
                    pos[b] = p;
                    end[b] = same ? batches[b].endOfKey(p) : p;
                    next[b] = end[b];
                } else if (same) {
                    openWindow(b, p);
                } else {
                    closeWindow(b, p);
                }
            }
            onKey = true;
            keyBatch = best;
            keyIndex = files[best] == null ? start[best] : 0;
            if (!(longKeys ? trace.belowBoundLong(lk) : trace.belowBoundObject(ok))) {
                return true;
            }
            skipCurrentKey();
        }
    }

    /** Seeks, in the files skipped by the last seek, the key it sought: where a walk by key goes on from. */
    private void seekSkipped() {
        if (anySkipped) {
            for (int b = 0; b < batches.length; b++) {
                if (skipped[b]) {
                    int p = skippedKey == null ? files[b].seekLongKey(start[b], skippedLongKey)
                            : files[b].seekKey(start[b], skippedKey);
                    fileSeeks++;
                    start[b] = p;
                    next[b] = p;
                }
            }
            clearSkipped();
        }
    }

    /** The seeks made in files so far (a file whose filter ruled the key out is not sought). */
    long fileSeeks() {
        return fileSeeks;
    }

    private void clearSkipped() {
        if (anySkipped) {
            java.util.Arrays.fill(skipped, false);
            anySkipped = false;
            skippedKey = null;
        }
    }

    private int sizeOf(int b) {
        return files[b] == null ? batches[b].size : files[b].size();
    }

    /** The long key at batch {@code b}'s key position. */
    private long longKeyAt(int b) {
        return files[b] == null ? batches[b].longKeys[start[b]] : files[b].longKey(start[b]);
    }

    /** The object key at batch {@code b}'s key position (decoded once per position for a file). */
    private Object keyAt(int b) {
        if (files[b] == null) {
            return batches[b].objKeys[start[b]];
        }
        if (cachedAt[b] != start[b]) {
            cachedKeys[b] = files[b].key(start[b]);
            cachedAt[b] = start[b];
        }
        return cachedKeys[b];
    }

    /** Reads the tuples of the key at position {@code p} of file batch {@code b} into its window. */
    private void openWindow(int b, int p) {
        BatchFile f = files[b];
        boolean longKeys = layout.keyKind() == ColumnKind.LONG;
        int e;
        Object key = null;
        long lk = 0;
        if (longKeys) {
            lk = f.longKey(p);
            e = lk == Long.MAX_VALUE ? f.size() : f.seekLongKey(p + 1, lk + 1);
        } else {
            start[b] = p;
            key = keyAt(b);
            Comparator<Object> order = layout.keyOrder();
            e = p + 1;
            while (e < f.size() && order.compare(f.key(e), key) == 0) {
                e++;
            }
        }
        int n = e - p;
        long[] w = new long[n];
        long[] lks = longKeys ? new long[n] : null;
        Object[] oks = longKeys ? null : new Object[n];
        ColumnKind values = layout.valueKind();
        long[] lvs = values == ColumnKind.LONG ? new long[n] : null;
        Object[] ovs = values == ColumnKind.OBJECT ? new Object[n] : null;
        BatchFile.Reader r = readers[b];
        for (int i = 0; i < n; i++) {
            w[i] = r.weight(p + i);
            if (longKeys) {
                lks[i] = lk;
            } else {
                oks[i] = key;
            }
            if (lvs != null) {
                lvs[i] = r.longValue(p + i);
            } else if (ovs != null) {
                ovs[i] = r.value(p + i, scratch);
            }
        }
        batches[b] = new Batch(layout, n, lks, oks, lvs, ovs, w);
        pos[b] = 0;
        end[b] = n;
        next[b] = e;
    }

    /** Batch {@code b} (a file) does not hold the current key; its next key is at {@code p}. */
    private void closeWindow(int b, int p) {
        batches[b] = emptyWindow;
        pos[b] = 0;
        end[b] = 0;
        next[b] = p;
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

    /**
     * The batch holding the current value, and its index there (for kernels that copy tuples): a heap batch of
     * the trace, or the window of a file batch (a heap batch too, never changed, valid after the cursor moves).
     */
    public Batch valueBatch() {
        return batches[valueBatch];
    }

    /** Index of the current value in {@link #valueBatch()}. */
    public int valueIndex() {
        return valueIndex;
    }
}
