package org.jdbsp.trace;

import java.util.Comparator;
import org.jdbsp.storage.spi.BatchFile;
import org.jdbsp.storage.spi.BatchFileWriter;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Weights;
import org.jdbsp.zset.spi.Batch;

/**
 * The merge of two spine batches, either of which may be a file, streamed tuple by tuple into a batch file
 * writer: the same sum as {@link org.jdbsp.zset.spi.Merging#merge}/{@code mergeTimed} (weights of equal tuples
 * added, zeros dropped, keys below the trace's bound and values whose time is below the value bound left out),
 * without loading a file batch. Used only by traces with storage; heap-only merges stay in {@code Merging}.
 */
final class SpineMerge {
    private SpineMerge() {}

    /**
     * Writes {@code a + b} to {@code out}; with {@code timesOut} (of length at least the sum of sizes) the times
     * of the kept tuples go there. Returns the number of tuples written.
     */
    static int merge(Trace trace, Source a, long[] aTimes, Source b, long[] bTimes, long timeBound, long[] timesOut,
                     BatchFileWriter out) {
        Layout layout = trace.layout();
        Comparator<Object> keyOrder = layout.keyOrder();
        Comparator<Object> valueOrder = layout.valueOrder();
        boolean longKeys = layout.keyKind() == ColumnKind.LONG;
        ColumnKind values = layout.valueKind();
        int i = 0;
        int j = 0;
        int written = 0;
        boolean hasA = a.load(0);
        boolean hasB = b.load(0);
        while (hasA || hasB) {
            int c;
            if (!hasA) {
                c = 1;
            } else if (!hasB) {
                c = -1;
            } else {
                c = longKeys ? Long.compare(a.lk, b.lk) : keyOrder.compare(a.ok, b.ok);
                if (c == 0) {
                    c = values == ColumnKind.LONG ? Long.compare(a.lv, b.lv)
                            : values == ColumnKind.OBJECT ? valueOrder.compare(a.ov, b.ov) : 0;
                }
            }
            Source src;
            long weight;
            long time;
            if (c <= 0) {
                src = a;
                weight = a.w;
                time = aTimes == null ? Long.MAX_VALUE : aTimes[i];
                if (c == 0) {
                    checkSame(a, b);
                    weight = Weights.add(weight, b.w);
                }
            } else {
                src = b;
                weight = b.w;
                time = bTimes == null ? Long.MAX_VALUE : bTimes[j];
            }
            boolean keep = weight != 0 && time >= timeBound
                    && !(longKeys ? trace.belowBoundLong(src.lk) : trace.belowBoundObject(src.ok));
            if (keep) {
                write(out, longKeys, values, src, weight);
                if (timesOut != null) {
                    timesOut[written] = time;
                }
                written++;
            }
            if (c <= 0) {
                hasA = a.load(++i);
            }
            if (c >= 0) {
                hasB = b.load(++j);
            }
        }
        return written;
    }

    private static void checkSame(Source a, Source b) {
        if (a.ok != null) {
            Batch.checkSame(a.ok, b.ok, "key");
        }
        if (a.ov != null) {
            Batch.checkSame(a.ov, b.ov, "value");
        }
    }

    private static void write(BatchFileWriter out, boolean longKeys, ColumnKind values, Source s, long weight) {
        if (longKeys) {
            switch (values) {
                case NONE -> out.addLong(s.lk, weight);
                case LONG -> out.addLongLong(s.lk, s.lv, weight);
                default -> out.addLong(s.lk, s.ov, weight);
            }
        } else {
            switch (values) {
                case NONE -> out.add(s.ok, weight);
                case LONG -> out.addObjectLong(s.ok, s.lv, weight);
                default -> out.add(s.ok, s.ov, weight);
            }
        }
    }

    /** Reads the tuples of one merge input in order into its fields. */
    abstract static class Source {
        long lk;
        Object ok;
        long lv;
        Object ov;
        long w;

        /** Loads tuple {@code i}; false (loading nothing) past the end. */
        abstract boolean load(int i);

        static Source of(Batch heap, FileBatch file) {
            return heap != null ? new Heap(heap) : new File(file.file());
        }
    }

    /** Tuples of a heap batch. */
    private static final class Heap extends Source {
        private final Batch b;

        Heap(Batch b) {
            this.b = b;
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

    /** Tuples of a batch file, decoded as they are read. */
    private static final class File extends Source {
        private final BatchFile f;
        private final boolean longKeys;
        private final ColumnKind values;

        File(BatchFile f) {
            this.f = f;
            this.longKeys = f.layout().keyKind() == ColumnKind.LONG;
            this.values = f.layout().valueKind();
        }

        @Override
        boolean load(int i) {
            if (i >= f.size()) {
                return false;
            }
            if (longKeys) {
                lk = f.longKey(i);
            } else {
                ok = f.key(i);
            }
            if (values == ColumnKind.LONG) {
                lv = f.longValue(i);
            } else if (values == ColumnKind.OBJECT) {
                ov = f.value(i);
            }
            w = f.weight(i);
            return true;
        }
    }
}
