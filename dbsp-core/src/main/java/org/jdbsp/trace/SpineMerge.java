package org.jdbsp.trace;

import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.function.ToLongFunction;
import org.jdbsp.codec.ByteSource;
import org.jdbsp.storage.spi.BatchFile;
import org.jdbsp.storage.spi.BatchFileWriter;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Weights;
import org.jdbsp.zset.spi.Batch;

/**
 * A merge of two or more spine batches (on the heap or in files) that advances in slices: each {@link #work} call
 * consumes at most its fuel of input tuples, then stops where it is, so a trace can spread a large merge over
 * many steps. It computes the same sum as {@link org.jdbsp.zset.spi.Merging#merge}/{@code mergeTimed}: weights
 * of equal tuples added, zeros dropped, keys below the trace's bound and values whose time is below the value
 * bound left out (both bounds read as they are when each tuple is written; they only rise). The output goes to
 * heap arrays sized for both inputs, or streams into a batch file writer; the inputs are never changed, so
 * cursors keep reading them as two batches until the merge is done. A file input's object values are decoded
 * only when the merge compares them (their keys tie) or needs their time; into a file they are copied encoded
 * ({@link org.jdbsp.codec.Codec#transcode}), their strings re-mapped to the output file's table.
 *
 * <p>A merge of more than two inputs (the file levels of a trace, which merge several batches at once so that a
 * stored tuple is rewritten fewer times) finds each next tuple by scanning the inputs' current tuples, oldest
 * input first, and adds the weights of the equal ones; it writes what merging them two by two would.
 */
final class SpineMerge {
    private final Trace trace;
    private final Layout layout;
    private final Comparator<Object> keyOrder;
    private final Comparator<Object> valueOrder;
    private final boolean longKeys;
    private final ColumnKind values;
    private final Source a;
    private final Source b;
    private final long[] aTimes;
    private final long[] bTimes;
    /** With more than two inputs: all of them, oldest first, with their times, positions and whether each has a tuple loaded. */
    private final Source[] many;
    private final long[][] manyTimes;
    private final int[] at;
    private final boolean[] has;
    /** Scratch of {@link #workMany}: the inputs whose current tuple equals the least one. */
    private final int[] ties;
    /** The value-time function when the merge carries times (the trace forgets values by time), else null. */
    private final ToLongFunction<Object> time;
    private final long[] timesOut;
    private final BatchFileWriter file;
    /** The filter of the keys written to {@link #file}, or null (heap output). */
    private final KeyFilter keyFilter;
    private final long[] lk;
    private final Object[] ok;
    private final long[] lv;
    private final Object[] ov;
    private final long[] w;
    private int i;
    private int j;
    /** Whether the older input has a tuple loaded (with more than two inputs: whether any has). */
    private boolean hasA;
    private boolean hasB;
    private int written;
    /** Set when the merge runs on a merge thread ({@link #runOn}); then only that thread works on it. */
    private MergeThreadRun run;

    /**
     * A merge of {@code inputs} (at least two, oldest first; equal tuples are written as the oldest holds them)
     * into {@code file}, or into heap arrays when it is null. With {@code time}, tuples carry times: those of
     * {@code times[k]} for input {@code k}, computed as read when null.
     */
    SpineMerge(Trace trace, Source[] inputs, long[][] times, ToLongFunction<Object> time, BatchFileWriter file) {
        if (inputs.length < 2 || times.length != inputs.length) {
            throw new IllegalArgumentException(inputs.length + " inputs and " + times.length + " time arrays");
        }
        Source a = inputs[0];
        Source b = inputs[1];
        this.trace = trace;
        this.layout = trace.layout();
        this.keyOrder = layout.keyOrder();
        this.valueOrder = layout.valueOrder();
        this.longKeys = layout.keyKind() == ColumnKind.LONG;
        this.values = layout.valueKind();
        this.a = a;
        this.b = b;
        this.aTimes = times[0];
        this.bTimes = times[1];
        this.time = time;
        this.file = file;
        long total = 0;
        for (Source s : inputs) {
            total += s.size();
        }
        int cap = Math.toIntExact(total);
        this.keyFilter = file != null ? new KeyFilter(cap) : null;
        this.timesOut = time == null ? null : new long[cap];
        boolean heap = file == null;
        this.lk = heap && longKeys ? new long[cap] : null;
        this.ok = heap && !longKeys ? new Object[cap] : null;
        this.lv = heap && values == ColumnKind.LONG ? new long[cap] : null;
        this.ov = heap && values == ColumnKind.OBJECT ? new Object[cap] : null;
        this.w = heap ? new long[cap] : null;
        if (inputs.length == 2) {
            this.many = null;
            this.manyTimes = null;
            this.at = null;
            this.has = null;
            this.ties = null;
            this.hasA = a.load(0);
            this.hasB = b.load(0);
        } else {
            this.many = inputs.clone();
            this.manyTimes = times.clone();
            this.at = new int[inputs.length];
            this.has = new boolean[inputs.length];
            this.ties = new int[inputs.length];
            for (int k = 0; k < inputs.length; k++) {
                has[k] = inputs[k].load(0);
                hasA |= has[k];
            }
        }
    }

    /**
     * True when every input tuple has been consumed; for a merge on a merge thread, when the thread has also finished
     * its file.
     */
    boolean done() {
        return run != null ? run.succeeded() : consumed();
    }

    /** True when every input tuple has been consumed (read by the thread doing the work). */
    boolean consumed() {
        return !hasA && !hasB;
    }

    /** The number of batches merged. */
    int inputs() {
        return many == null ? 2 : many.length;
    }

    /**
     * Consumes up to {@code fuel} input tuples (a pair of equal tuples counts two); returns how many it consumed.
     * A merge {@linkplain #runOn handed to a merge thread} consumes nothing here, except with
     * {@code fuel == Long.MAX_VALUE}: the call then waits until the merge is done (running it here if no thread has
     * started it yet) and throws what made it fail, if it did (otherwise a failure waits for {@link #failure()}).
     */
    long work(long fuel) {
        if (run != null) {
            if (fuel == Long.MAX_VALUE) {
                run.finishNow();
                run.rethrowFailure();
            }
            return 0;
        }
        return work(fuel, trace.bounds());
    }

    /**
     * Hands the rest of this merge, into a file, to {@code threads} (see {@link MergeThreadRun}); the bounds it
     * drops are those of now (they only rise, so it may drop less than a merge fuelled later would; cursors hide
     * those keys anyway). False, changing nothing, when {@code threads} refuses the task.
     */
    boolean runOn(java.util.concurrent.Executor threads) {
        if (file == null) {
            throw new IllegalStateException("only a merge into a file runs on a merge thread");
        }
        run = new MergeThreadRun(this, trace.bounds());
        try {
            threads.execute(run);
            return true;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            run = null;
            return false;
        }
    }

    /** What made the merge fail on its merge thread, or null (also while it runs, and for a fuelled merge). */
    Throwable failure() {
        return run == null ? null : run.failure();
    }

    /** Counts the file this merge finished on its merge thread as written ({@link TraceStorage#written}). */
    void countWritten(org.jdbsp.storage.spi.BatchFileInfo finished) {
        trace.countWritten(finished);
    }

    /** Whether the merge runs on a merge thread. */
    boolean onMergeThread() {
        return run != null;
    }

    /** {@link #work(long)} with the bounds {@code bounds}. */
    long work(long fuel, Trace.Bounds bounds) {
        if (many != null) {
            return workMany(fuel, bounds);
        }
        long used = 0;
        while ((hasA || hasB) && used < fuel) {
            int c;
            if (!hasA) {
                c = 1;
            } else if (!hasB) {
                c = -1;
            } else {
                c = longKeys ? Long.compare(a.lk, b.lk) : keyOrder.compare(a.ok, b.ok);
                if (c == 0) {
                    c = values == ColumnKind.LONG ? Long.compare(a.lv, b.lv)
                            : values == ColumnKind.OBJECT ? valueOrder.compare(a.value(), b.value()) : 0;
                }
            }
            Source src;
            long weight;
            long t = Long.MAX_VALUE;
            if (c <= 0) {
                src = a;
                weight = a.w;
                if (time != null) {
                    t = aTimes != null ? aTimes[i] : timeOf(a);
                }
                if (c == 0) {
                    checkSame(a, b);
                    weight = Weights.add(weight, b.w);
                }
            } else {
                src = b;
                weight = b.w;
                if (time != null) {
                    t = bTimes != null ? bTimes[j] : timeOf(b);
                }
            }
            emit(src, weight, t, bounds);
            if (c <= 0) {
                hasA = a.load(++i);
                used++;
            }
            if (c >= 0) {
                hasB = b.load(++j);
                used++;
            }
        }
        return used;
    }

    /**
     * {@link #work} over more than two inputs: the least current tuple (the oldest input's among equal ones) is
     * found by one comparison per other input, and the weights of the equal ones are added to it.
     */
    private long workMany(long fuel, Trace.Bounds bounds) {
        long used = 0;
        Source[] in = many;
        while (hasA && used < fuel) {
            int least = -1;
            int tied = 0;
            for (int k = 0; k < in.length; k++) {
                if (!has[k]) {
                    continue;
                }
                if (least < 0) {
                    least = k;
                    continue;
                }
                int c = compare(in[k], in[least]);
                if (c < 0) {
                    least = k;
                    tied = 0;
                } else if (c == 0) {
                    ties[tied++] = k;
                }
            }
            Source src = in[least];
            long weight = src.w;
            long t = Long.MAX_VALUE;
            if (time != null) {
                t = manyTimes[least] != null ? manyTimes[least][at[least]] : timeOf(src);
            }
            for (int q = 0; q < tied; q++) {
                checkSame(src, in[ties[q]]);
                weight = Weights.add(weight, in[ties[q]].w);
            }
            emit(src, weight, t, bounds);
            used += 1 + tied;
            boolean left = consume(least);
            for (int q = 0; q < tied; q++) {
                left |= consume(ties[q]);
            }
            if (!left) {
                hasA = false;
                for (boolean h : has) {
                    hasA |= h;
                }
            }
        }
        return used;
    }

    /** Moves input {@code k} of a merge of many to its next tuple; true when it has one. */
    private boolean consume(int k) {
        has[k] = many[k].load(++at[k]);
        return has[k];
    }

    /** Compares the current tuples of two inputs: by key, then by value. */
    private int compare(Source x, Source y) {
        int c = longKeys ? Long.compare(x.lk, y.lk) : keyOrder.compare(x.ok, y.ok);
        if (c == 0) {
            c = values == ColumnKind.LONG ? Long.compare(x.lv, y.lv)
                    : values == ColumnKind.OBJECT ? valueOrder.compare(x.value(), y.value()) : 0;
        }
        return c;
    }

    /** Writes the tuple loaded in {@code src} with {@code weight} unless it sums to zero or is below a bound. */
    private void emit(Source src, long weight, long t, Trace.Bounds bounds) {
        boolean keep = weight != 0 && (time == null || t >= bounds.values())
                && !(longKeys ? bounds.belowLong(src.lk) : bounds.belowObject(src.ok));
        if (keep) {
            write(src, weight);
            if (timesOut != null) {
                timesOut[written] = t;
            }
            written++;
        }
    }

    private long timeOf(Source s) {
        return time.applyAsLong(values == ColumnKind.LONG ? (Object) s.lv : s.value());
    }

    /** Tuples written so far. */
    int written() {
        return written;
    }

    /** The times of the tuples written (in their order), or null when the merge carries none. */
    long[] timesOut() {
        return timesOut;
    }

    /** The filter of the keys written to the file, or null (a heap merge). */
    KeyFilter keyFilter() {
        return keyFilter;
    }

    /** The file the merge writes, or null for a heap merge. */
    BatchFileWriter file() {
        return file;
    }

    /** The merged heap batch, once {@link #done()} (heap merges only). */
    Batch heapResult() {
        return new Batch(layout, written, lk, ok, lv, ov, w);
    }

    /** Estimated heap bytes of the output arrays (0 for a merge into a file), as {@link Trace#bytesOf} counts. */
    long heapBytes() {
        if (w == null) {
            return 0;
        }
        return Trace.bytesOf(new Batch(layout, w.length, lk, ok, lv, ov, w)) + (timesOut == null ? 0 : 8L * timesOut.length);
    }

    /** Heap bytes of the output arrays as {@link Batch#approximateBytes} counts them (0 for a merge into a file). */
    long arrayBytes() {
        if (w == null) {
            return 0;
        }
        return new Batch(layout, w.length, lk, ok, lv, ov, w).approximateBytes() + (timesOut == null ? 0 : 16L + 8L * timesOut.length);
    }

    /**
     * Gives up a merge that is not done, or whose result is not used: a file being written is deleted (on a merge
     * thread: the thread is stopped and waited for, and a file it finished is deleted).
     */
    void abandon() {
        if (run != null) {
            run.abandon();
        } else if (file != null) {
            file.close();
        }
    }

    /**
     * The file written, once {@link #done()}: finished now (in the step thread) or by the merge thread. Null if the
     * merge wrote nothing on a merge thread (the thread then deleted the empty file).
     */
    org.jdbsp.storage.spi.BatchFileInfo finishFile() {
        return run != null ? run.file() : file.finish();
    }

    private void checkSame(Source a, Source b) {
        if (!longKeys) {
            Batch.checkSame(a.ok, b.ok, "key");
        }
        if (values == ColumnKind.OBJECT) {
            Batch.checkSame(a.value(), b.value(), "value");
        }
    }

    private void write(Source s, long weight) {
        if (file == null) {
            if (lk != null) {
                lk[written] = s.lk;
            } else {
                ok[written] = s.ok;
            }
            if (lv != null) {
                lv[written] = s.lv;
            } else if (ov != null) {
                ov[written] = s.value();
            }
            w[written] = weight;
            return;
        }
        if (longKeys) {
            keyFilter.addLong(s.lk);
        } else {
            keyFilter.add(s.ok);
        }
        ByteSource encoded = values == ColumnKind.OBJECT ? s.valueBytes() : null;
        if (encoded != null) {
            file.addTranscoded(s.lk, s.ok, encoded, weight);
        } else if (longKeys) {
            switch (values) {
                case NONE -> file.addLong(s.lk, weight);
                case LONG -> file.addLongLong(s.lk, s.lv, weight);
                default -> file.addLong(s.lk, s.value(), weight);
            }
        } else {
            switch (values) {
                case NONE -> file.add(s.ok, weight);
                case LONG -> file.addObjectLong(s.ok, s.lv, weight);
                default -> file.add(s.ok, s.value(), weight);
            }
        }
    }

    /**
     * Reads the tuples of one merge input in order: the key, long value and weight into its fields, an object
     * value on demand ({@link #value}), so that a file's value is decoded only when the merge compares it.
     */
    abstract static class Source {
        long lk;
        Object ok;
        long lv;
        long w;

        /** The object value of the loaded tuple. */
        abstract Object value();

        /**
         * The encoded bytes of the loaded tuple's object value (with its file's string table attached) when the
         * input is a file, to copy rather than decode; null for a heap input. Valid until the next load.
         */
        ByteSource valueBytes() {
            return null;
        }

        /** Loads tuple {@code i}; false (loading nothing) past the end. */
        abstract boolean load(int i);

        /** Number of tuples. */
        abstract int size();

        static Source of(Batch heap, FileBatch file) {
            return heap != null ? new Heap(heap) : new File(file.file());
        }
    }

    /** Tuples of a heap batch. */
    private static final class Heap extends Source {
        private final Batch b;
        private Object ov;

        @Override
        Object value() {
            return ov;
        }

        Heap(Batch b) {
            this.b = b;
        }

        @Override
        int size() {
            return b.size;
        }

        @Override
        boolean load(int i) {
            if (i >= b.size) {
                return false;
            }
            if (b.longKeys != null) {
                lk = b.longKeys[i];
            } else {
                ok = b.objKeys[i];
            }
            if (b.longValues != null) {
                lv = b.longValues[i];
            } else if (b.objValues != null) {
                ov = b.objValues[i];
            }
            w = b.weights[i];
            return true;
        }
    }

    /** Tuples of a batch file: keys decoded as they are read, object values only when asked for. */
    private static final class File extends Source {
        private final BatchFile f;
        /** Reads the file in order, keeping the layout of the current group. */
        private final BatchFile.Reader r;
        private final boolean longKeys;
        private final ColumnKind values;
        private final ByteSource keySource = new ByteSource(ByteBuffer.allocate(0));
        private final ByteSource valueSource = new ByteSource(ByteBuffer.allocate(0));
        private int loaded = -1;
        /** The decoded value of tuple {@link #loaded}, or null when not decoded yet. */
        private Object ov;

        @Override
        Object value() {
            if (ov == null) {
                ov = r.value(loaded, valueSource);
            }
            return ov;
        }

        @Override
        ByteSource valueBytes() {
            return r.valueBytes(loaded, valueSource);
        }

        File(BatchFile f) {
            this.f = f;
            this.r = f.reader();
            this.longKeys = f.layout().keyKind() == ColumnKind.LONG;
            this.values = f.layout().valueKind();
        }

        @Override
        int size() {
            return f.size();
        }

        @Override
        boolean load(int i) {
            if (i >= f.size()) {
                return false;
            }
            if (longKeys) {
                lk = r.longKey(i);
            } else {
                ok = r.key(i, keySource);
            }
            if (values == ColumnKind.LONG) {
                lv = r.longValue(i);
            }
            loaded = i;
            ov = null;
            w = r.weight(i);
            return true;
        }
    }
}
