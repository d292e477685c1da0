package org.jdbsp.storage.spi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.function.IntFunction;
import org.jdbsp.codec.ByteSource;
import org.jdbsp.codec.Codec;
import org.jdbsp.storage.internal.CheckedMapping;
import org.jdbsp.storage.internal.FileHeader;
import org.jdbsp.storage.internal.PackedColumn;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;

/**
 * An open, immutable batch file, read in place through memory mapping: the read API a trace cursor needs
 * ({@link #size}, keys, values and weights by position, {@link #seekKey}), shaped like {@link Batch}.
 *
 * <p>Opening reads and verifies the header, the footer and the sparse index (the first key of every
 * group of {@value BatchFileWriter#GROUP_SIZE} tuples, decoded and kept on the heap) and refuses a file of
 * another layout, codec or format version. Column data is checksum-verified lazily, block by block, the
 * first time it is read; {@link #verifyAll} verifies everything at once. A damaged byte always fails
 * with a {@link CorruptFileException} naming the file, never decodes into a wrong record. Object keys and
 * values are decoded only when read, each time they are read. Thread-safe.
 */
public final class BatchFile {
    static final int DEFAULT_SEGMENT_SHIFT = 30;
    private static final int WEIGHTS = 0;
    private static final int LONG_KEYS = 1;
    private static final int LONG_VALUES = 2;
    private static final int KEY_ENDS = 3;
    private static final int VALUE_ENDS = 4;
    private static final int COLUMNS = 5;
    private static final ByteBuffer NO_BYTES = ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);

    private final Path path;
    private final Layout layout;
    private final FileHeader header;
    private final CheckedMapping data;
    private final Codec<?> keyCodec;
    private final Codec<?> valueCodec;
    private final int size;
    private final int groupShift;
    private final int groups;
    private final long[] groupStarts;
    private final long[] indexLongKeys;
    private final Object[] indexKeys;
    private final int longKeyColumns;
    private final int longValueColumns;
    private final int objectKeyColumns;
    private final int objectValueColumns;
    /** Bit c set when the group column c (weights, long keys, long values, key ends, value ends) is present. */
    private final int present;
    private final int dictionaryCount;
    private final long dictionaryData;
    /**
     * The table's entries decoded so far (racy on purpose: a String is immutable and safely published, so two
     * threads decoding one entry at once waste only the work); at most one array reference per entry.
     */
    private final String[] dictionaryStrings;
    /** The file's table of repeated strings, for the sources records are decoded from. */
    private final IntFunction<String> strings = this::dictionaryString;

    private BatchFile(Path path, Layout layout, FileHeader header, CheckedMapping data, Codec<?> keyCodec, Codec<?> valueCodec) {
        this.path = path;
        this.layout = layout;
        this.header = header;
        this.data = data;
        this.keyCodec = keyCodec;
        this.valueCodec = valueCodec;
        if (header.tupleCount > Integer.MAX_VALUE - BatchFileWriter.GROUP_SIZE) {
            throw new CorruptFileException(path, "tuple count " + header.tupleCount + " out of range");
        }
        this.size = (int) header.tupleCount;
        this.groupShift = Integer.numberOfTrailingZeros(header.groupSize);
        this.groups = (size + header.groupSize - 1) >>> groupShift;
        longKeyColumns = layout.keyKind() == ColumnKind.LONG ? 1 : 0;
        objectKeyColumns = 1 - longKeyColumns;
        longValueColumns = layout.valueKind() == ColumnKind.LONG ? 1 : 0;
        objectValueColumns = layout.valueKind() == ColumnKind.OBJECT ? 1 : 0;
        present = 1 | longKeyColumns << LONG_KEYS | longValueColumns << LONG_VALUES | objectKeyColumns << KEY_ENDS
                | objectValueColumns << VALUE_ENDS;
        dictionaryCount = data.getInt(header.dictionaryOffset);
        dictionaryData = align8(header.dictionaryOffset + 4 + 4L * (dictionaryCount + 1L));
        if (dictionaryCount < 0 || dictionaryData > header.indexOffset
                || align8(dictionaryData + data.getInt(header.dictionaryOffset + 4 + 4L * dictionaryCount)) != header.indexOffset) {
            throw new CorruptFileException(path, "inconsistent table of repeated strings");
        }
        dictionaryStrings = new String[dictionaryCount];
        groupStarts = new long[groups];
        long p = header.indexOffset;
        long previous = header.headerLength - 1;
        for (int g = 0; g < groups; g++, p += 8) {
            groupStarts[g] = data.getLong(p);
            if (groupStarts[g] <= previous || groupStarts[g] >= header.dictionaryOffset || (groupStarts[g] & 7) != 0) {
                throw new CorruptFileException(path, "inconsistent index (start of group " + g + ")");
            }
            previous = groupStarts[g];
        }
        if (groups > 0 && groupStarts[0] != header.headerLength) {
            throw new CorruptFileException(path, "inconsistent index (first group)");
        }
        long end;
        if (groups == 0) {
            indexLongKeys = null;
            indexKeys = null;
            end = p;
        } else if (longKeyColumns == 1) {
            indexLongKeys = new long[groups + 1];
            for (int g = 0; g <= groups; g++, p += 8) {
                indexLongKeys[g] = data.getLong(p);
            }
            indexKeys = null;
            end = p;
        } else {
            indexLongKeys = null;
            indexKeys = new Object[groups + 1];
            long dataStart = align8(p + 4L * (groups + 2));
            ByteSource src = new ByteSource(NO_BYTES);
            for (int g = 0; g <= groups; g++) {
                indexKeys[g] = decode(keyCodec, data.source(dataStart + data.getInt(p + 4L * g),
                        dataStart + data.getInt(p + 4L * (g + 1)), src).stringTable(strings), "index key ", g);
            }
            end = align8(dataStart + data.getInt(p + 4L * (groups + 1)));
        }
        if (end != header.footerOffset) {
            throw new CorruptFileException(path, "inconsistent index (length)");
        }
    }

    /**
     * Opens the batch file at {@code path} for tuples of {@code layout}, whose object columns were written
     * with codecs of the same {@linkplain Codec#identity identity} as {@code keyCodec} and {@code valueCodec}
     * (null for long or absent columns).
     *
     * @throws CorruptFileException when the file is truncated, not a batch file, or a checksum of its
     *     header, footer or index does not match
     * @throws StorageException on an I/O error, a file of another format version, layout or codec
     */
    public static BatchFile open(Path path, Layout layout, Codec<?> keyCodec, Codec<?> valueCodec) {
        return open(path, layout, keyCodec, valueCodec, DEFAULT_SEGMENT_SHIFT);
    }

    /** As {@link #open}, mapping segments of {@code 2^segmentShift} bytes (at least 8): for tests of records across segments. */
    static BatchFile open(Path path, Layout layout, Codec<?> keyCodec, Codec<?> valueCodec, int segmentShift) {
        Objects.requireNonNull(layout, "layout");
        BatchFileWriter.checkCodec(layout.keyKind(), keyCodec, "key");
        BatchFileWriter.checkCodec(layout.valueKind(), valueCodec, "value");
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < FileHeader.PREFIX) {
                throw new CorruptFileException(path, "truncated: " + size + " bytes");
            }
            ByteBuffer prefix = ByteBuffer.allocate(FileHeader.PREFIX).order(ByteOrder.LITTLE_ENDIAN);
            CheckedMapping.readFully(ch, prefix, 0);
            int length = FileHeader.checkPrefix(prefix, path, size);
            ByteBuffer hb = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
            CheckedMapping.readFully(ch, hb, 0);
            FileHeader h = FileHeader.decode(hb, path);
            checkType(path, h, layout, keyCodec, valueCodec);
            CheckedMapping data = CheckedMapping.map(ch, path, h, size, segmentShift);
            return new BatchFile(path, layout, h, data, keyCodec, valueCodec);
        } catch (IOException e) {
            throw new StorageException(path, "cannot read batch file: " + e, e);
        }
    }

    private static void checkType(Path path, FileHeader h, Layout layout, Codec<?> keyCodec, Codec<?> valueCodec) {
        if (h.keyKind != layout.keyKind() || h.valueKind != layout.valueKind()) {
            throw new StorageException(path, "holds " + h.keyKind + " keys and " + h.valueKind + " values, not those of "
                    + layout, null);
        }
        String k = BatchFileWriter.identity(layout.keyKind(), keyCodec);
        String v = BatchFileWriter.identity(layout.valueKind(), valueCodec);
        if (!h.keyCodec.equals(k)) {
            throw new StorageException(path, "keys were written by codec '" + h.keyCodec + "', not '" + k + "'", null);
        }
        if (!h.valueCodec.equals(v)) {
            throw new StorageException(path, "values were written by codec '" + h.valueCodec + "', not '" + v + "'", null);
        }
    }

    private static long align8(long p) {
        return (p + 7) & -8L;
    }

    /** The file. */
    public Path path() {
        return path;
    }

    /** The id in the file's name. */
    public String id() {
        return BatchFileNames.idOf(path.getFileName().toString());
    }

    /** The layout the file was opened with. */
    public Layout layout() {
        return layout;
    }

    /** Number of tuples. */
    public int size() {
        return size;
    }

    /** The file's length in bytes. */
    public long bytes() {
        return header.fileLength;
    }

    /** Checks every checksum of the file now rather than on first read. */
    public void verifyAll() {
        data.verifyAll();
    }

    private int tuplesIn(int g) {
        return g == groups - 1 ? size - (g << groupShift) : header.groupSize;
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("tuple " + i + " of a batch file of " + size);
        }
    }

    /** The weight of tuple {@code i}. */
    public long weight(int i) {
        check(i);
        return column(i, WEIGHTS);
    }

    /** The key of tuple {@code i} of a file with long keys. */
    public long longKey(int i) {
        check(i);
        return column(i, LONG_KEYS);
    }

    /** The value of tuple {@code i} of a file with long values. */
    public long longValue(int i) {
        check(i);
        return column(i, LONG_VALUES);
    }

    /** The key of tuple {@code i}, decoded now (boxed for long keys). */
    public Object key(int i) {
        if (longKeyColumns == 1) {
            return longKey(i);
        }
        check(i);
        return object(i, KEY_ENDS, keyCodec, "key of tuple ", new ByteSource(NO_BYTES));
    }

    /**
     * As {@link #key}, for a file with object keys, decoded through {@code scratch} (a source the caller reuses,
     * so that reading a key allocates only the key; not shared between threads).
     */
    public Object key(int i, ByteSource scratch) {
        if (longKeyColumns == 1) {
            throw new IllegalStateException("key(i, scratch) reads object keys; this file has long keys");
        }
        check(i);
        return object(i, KEY_ENDS, keyCodec, "key of tuple ", scratch);
    }

    /**
     * {@code into} reset to the encoded bytes of the value of tuple {@code i} (a file with object values), with
     * the file's table of repeated strings attached: for a merge that copies the value to another file with the
     * value codec's {@link Codec#transcode} instead of decoding it. Checksum-verified like every read.
     */
    public ByteSource valueBytes(int i, ByteSource into) {
        if (objectValueColumns == 0) {
            throw new IllegalStateException("valueBytes reads object values; this file has " + layout.valueKind() + " values");
        }
        check(i);
        return bytesOf(i, VALUE_ENDS, into);
    }

    /** The value of tuple {@code i}, decoded now (boxed for long values, null without values). */
    public Object value(int i) {
        if (longValueColumns == 1) {
            return longValue(i);
        }
        check(i);
        return objectValueColumns == 0 ? null : object(i, VALUE_ENDS, valueCodec, "value of tuple ", new ByteSource(NO_BYTES));
    }

    /** As {@link #value}, for a file with object values, decoded through {@code scratch} (as {@link #key(int, ByteSource)}). */
    public Object value(int i, ByteSource scratch) {
        if (objectValueColumns == 0) {
            throw new IllegalStateException("value(i, scratch) reads object values; this file has " + layout.valueKind() + " values");
        }
        check(i);
        return object(i, VALUE_ENDS, valueCodec, "value of tuple ", scratch);
    }

    /** Column {@code c} of tuple {@code i}, read from its group in place. */
    private long column(int i, int c) {
        int g = i >>> groupShift;
        long widths = data.getLong(groupStarts[g]);
        return PackedColumn.read(data, columnStart(g, tuplesIn(g), widths, c), width(widths, c), i & (header.groupSize - 1));
    }

    /** Where column {@code c} of group {@code g} (of {@code n} tuples) begins; {@link #COLUMNS} for the object data. */
    private long columnStart(int g, int n, long widths, int c) {
        long p = groupStarts[g] + 8;
        for (int k = 0; k < c; k++) {
            if ((present & 1 << k) != 0) {
                p += PackedColumn.length(n, width(widths, k));
            }
        }
        return p;
    }

    private int width(long widths, int c) {
        return PackedColumn.checkWidth((int) (widths >>> (8 * c)) & 0xFF, data);
    }

    /** The object of tuple {@code i} in the column whose ends are column {@code ends}, decoded now through {@code src}. */
    private Object object(int i, int ends, Codec<?> codec, String what, ByteSource src) {
        return decode(codec, bytesOf(i, ends, src), what, i);
    }

    /** {@code src} reset to the bytes of tuple {@code i} in the column whose ends are column {@code ends}, table attached. */
    private ByteSource bytesOf(int i, int ends, ByteSource src) {
        int g = i >>> groupShift;
        int n = tuplesIn(g);
        int j = i & (header.groupSize - 1);
        long widths = data.getLong(groupStarts[g]);
        long endsStart = columnStart(g, n, widths, ends);
        int w = width(widths, ends);
        long start = columnStart(g, n, widths, COLUMNS);
        if (ends == VALUE_ENDS && objectKeyColumns == 1) {
            long keyEnds = columnStart(g, n, widths, KEY_ENDS);
            start += PackedColumn.read(data, keyEnds, width(widths, KEY_ENDS), n - 1);
        }
        long from = j == 0 ? 0 : PackedColumn.read(data, endsStart, w, j - 1);
        long to = PackedColumn.read(data, endsStart, w, j);
        return data.source(start + from, start + to, src).stringTable(strings);
    }

    /** A new {@link Reader} of this file's tuples, for one thread. */
    public Reader reader() {
        return new Reader();
    }

    /**
     * Reads the tuples of its file by position like the file's own methods, faster when the positions mostly
     * stay in one group (a merge or a cursor reading in order): it keeps where each column of the group it read
     * last begins, its width and its base, and finds them again only when a position falls in another group.
     * Reads are checked, checksum-verified and refused on damage exactly as the file's. Not thread-safe: one per
     * reading thread.
     */
    public final class Reader {
        private int group = -1;
        /** The position of the group's first tuple. */
        private int first;
        private final long[] starts = new long[COLUMNS];
        private final int[] widths = new int[COLUMNS];
        private final long[] bases = new long[COLUMNS];
        /** Where the group's encoded keys and encoded values begin. */
        private long keyData;
        private long valueData;

        private Reader() {}

        /** The file read. */
        public BatchFile file() {
            return BatchFile.this;
        }

        /** Tuple {@code i}'s position in its group, after making that group the current one. */
        private int enter(int i) {
            check(i);
            int g = i >>> groupShift;
            if (g != group) {
                load(g);
            }
            return i - first;
        }

        private void load(int g) {
            group = -1; // stays invalid if a read below fails
            int n = tuplesIn(g);
            long w = data.getLong(groupStarts[g]);
            long p = groupStarts[g] + 8;
            for (int c = 0; c < COLUMNS; c++) {
                if ((present & 1 << c) != 0) {
                    widths[c] = width(w, c);
                    starts[c] = p;
                    bases[c] = data.getLong(p);
                    p += PackedColumn.length(n, widths[c]);
                }
            }
            keyData = p;
            valueData = objectKeyColumns == 1 ? p + read(KEY_ENDS, n - 1) : p;
            first = g << groupShift;
            group = g;
        }

        private long read(int c, int j) {
            return bases[c] + PackedColumn.offset(data, starts[c], widths[c], j);
        }

        /** As {@link BatchFile#weight}. */
        public long weight(int i) {
            return read(WEIGHTS, enter(i));
        }

        /** As {@link BatchFile#longKey}. */
        public long longKey(int i) {
            if (longKeyColumns == 0) {
                throw new IllegalStateException("longKey reads long keys; this file has " + layout.keyKind() + " keys");
            }
            return read(LONG_KEYS, enter(i));
        }

        /** As {@link BatchFile#longValue}. */
        public long longValue(int i) {
            if (longValueColumns == 0) {
                throw new IllegalStateException("longValue reads long values; this file has " + layout.valueKind() + " values");
            }
            return read(LONG_VALUES, enter(i));
        }

        /** As {@link BatchFile#key(int, ByteSource)}. */
        public Object key(int i, ByteSource scratch) {
            if (objectKeyColumns == 0) {
                throw new IllegalStateException("key(i, scratch) reads object keys; this file has long keys");
            }
            int j = enter(i); // first: it may load another group, and with it keyData
            return decode(keyCodec, bytes(KEY_ENDS, keyData, j, scratch), "key of tuple ", i);
        }

        /** As {@link BatchFile#valueBytes}. */
        public ByteSource valueBytes(int i, ByteSource into) {
            if (objectValueColumns == 0) {
                throw new IllegalStateException("valueBytes reads object values; this file has " + layout.valueKind() + " values");
            }
            int j = enter(i); // first: it may load another group, and with it valueData
            return bytes(VALUE_ENDS, valueData, j, into);
        }

        /** As {@link BatchFile#value(int, ByteSource)}. */
        public Object value(int i, ByteSource scratch) {
            return decode(valueCodec, valueBytes(i, scratch), "value of tuple ", i);
        }

        /** {@code into} reset to the bytes of the group's object {@code j}, whose ends are column {@code ends}. */
        private ByteSource bytes(int ends, long start, int j, ByteSource into) {
            long from = j == 0 ? 0 : read(ends, j - 1);
            return data.source(start + from, start + read(ends, j), into).stringTable(strings);
        }
    }

    /** Entry {@code index} of the file's table of repeated strings (a reference met while decoding a record). */
    private String dictionaryString(int index) {
        if (index < 0 || index >= dictionaryCount) {
            throw new IllegalStateException("string reference " + index + " outside the file's table of "
                    + dictionaryCount + " repeated strings");
        }
        String known = dictionaryStrings[index];
        if (known != null) {
            return known;
        }
        long ends = header.dictionaryOffset + 4;
        ByteSource in = data.source(dictionaryData + data.getInt(ends + 4L * index),
                dictionaryData + data.getInt(ends + 4L * (index + 1)), new ByteSource(NO_BYTES));
        String s = in.readString();
        if (in.remaining() != 0 || s == null) {
            throw new IllegalStateException("malformed entry " + index + " of the file's table of repeated strings");
        }
        dictionaryStrings[index] = s;
        return s;
    }

    /**
     * Decodes the object {@code in} holds (all of it); {@code what} and {@code index} name it in an error
     * (joined only then: this runs once per object read).
     */
    private Object decode(Codec<?> codec, ByteSource in, String what, long index) {
        Object o;
        try {
            o = codec.decode(in);
        } catch (RuntimeException e) {
            throw new StorageException(path, "cannot decode the " + what + index + " with codec '" + codec.identity() + "': " + e, e);
        }
        if (in.remaining() != 0) {
            throw new StorageException(path, "the codec '" + codec.identity() + "' left " + in.remaining()
                    + " bytes of the " + what + index + " unread (the codec does not match the data)", null);
        }
        return o;
    }

    /** The smallest key, boxed for long keys; null when the file is empty. */
    public Object firstKey() {
        return size == 0 ? null : longKeyColumns == 1 ? (Object) header.minLongKey : indexKeys[0];
    }

    /** The largest key, boxed for long keys; null when the file is empty. */
    public Object lastKey() {
        return size == 0 ? null : longKeyColumns == 1 ? (Object) header.maxLongKey : indexKeys[groups];
    }

    /**
     * Index of the first tuple at or after {@code from} whose key is not below {@code key}, or {@link #size}:
     * a search of the in-memory index, then of one group in the file (O(1) pages).
     */
    public int seekLongKey(int from, long key) {
        return seek(from, key, null);
    }

    /** As {@link #seekLongKey}, for any key column (a long key is given boxed), in the layout's key order. */
    public int seekKey(int from, Object key) {
        return longKeyColumns == 1 ? seek(from, (Long) key, null) : seek(from, 0, key);
    }

    /** The seek of {@code longKey} (long keys) or {@code key} (object keys). */
    private int seek(int from, long longKey, Object key) {
        if (from >= size) {
            return size;
        }
        // the first group after from's whose first key is not below the key: the answer is before it
        int lo = (from >>> groupShift) + 1;
        int hi = groups;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = indexLongKeys != null ? Long.compare(indexLongKeys[mid], longKey)
                    : layout.keyOrder().compare(indexKeys[mid], key);
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int first = Math.max(from, (lo - 1) << groupShift);
        int last = (int) Math.min(size, (long) lo << groupShift);
        ByteSource scratch = longKeyColumns == 1 ? null : new ByteSource(NO_BYTES); // one per seek, not per probe
        while (first < last) {
            int mid = (first + last) >>> 1;
            int c = longKeyColumns == 1 ? Long.compare(longKey(mid), longKey)
                    : layout.keyOrder().compare(object(mid, KEY_ENDS, keyCodec, "key of tuple ", scratch), key);
            if (c < 0) {
                first = mid + 1;
            } else {
                last = mid;
            }
        }
        return first;
    }

    /** All tuples, decoded, as a heap batch (for a restore or a test; a trace reads the file in place). */
    public Batch toBatch() {
        long[] lk = longKeyColumns == 1 ? new long[size] : null;
        Object[] ok = objectKeyColumns == 1 ? new Object[size] : null;
        long[] lv = longValueColumns == 1 ? new long[size] : null;
        Object[] ov = objectValueColumns == 1 ? new Object[size] : null;
        long[] w = new long[size];
        for (int i = 0; i < size; i++) {
            if (lk != null) {
                lk[i] = longKey(i);
            } else {
                ok[i] = key(i);
            }
            if (lv != null) {
                lv[i] = longValue(i);
            } else if (ov != null) {
                ov[i] = value(i);
            }
            w[i] = weight(i);
        }
        return new Batch(layout, size, lk, ok, lv, ov, w);
    }

    @Override
    public String toString() {
        return "BatchFile[" + path + ", " + size + " tuples, " + layout + "]";
    }
}
