package org.jdbsp.storage.spi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.zip.CRC32C;
import org.jdbsp.codec.ByteSink;
import org.jdbsp.codec.ByteSource;
import org.jdbsp.codec.Codec;
import org.jdbsp.storage.internal.ChecksummedOutput;
import org.jdbsp.storage.internal.BatchWriters;
import org.jdbsp.storage.internal.CheckedMapping;
import org.jdbsp.storage.internal.FileHeader;
import org.jdbsp.storage.internal.FileOps;
import org.jdbsp.storage.internal.PackedColumn;
import org.jdbsp.storage.internal.StringDictionary;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;

/**
 * Writes one batch file, streaming: tuples are appended in the layout's order (by key, then value; no
 * duplicate, no zero weight) and go to disk a group of {@value #GROUP_SIZE} at a time, so a merge of file
 * batches streams from file to file with bounded memory.
 *
 * <p>The file is written under a temporary name in the target directory; {@link #finish} fsyncs it,
 * renames it atomically to its final name and fsyncs the directory. On any I/O error (a full disk) the
 * writer fails with a {@link StorageException} naming the file, deletes what it wrote, and nothing is left
 * at the final name. {@link #close} without {@link #finish} abandons the file the same way. Not
 * thread-safe.
 */
public final class BatchFileWriter implements AutoCloseable {
    /** Tuples per group; a power of two. The sparse index holds the first key of every group. */
    public static final int GROUP_SIZE = 256;
    static final int DEFAULT_BLOCK_SIZE = 1 << 16;

    private final FileOps ops;
    private final Path dir;
    private final Path temp;
    private final Path target;
    private final String id;
    private final Layout layout;
    private final Codec<Object> keyCodec;
    private final Codec<Object> valueCodec;
    private final boolean longKeys;
    private final boolean longValues;
    private final FileHeader header = new FileHeader();
    private final FileOps.WritableFile file;
    private final ChecksummedOutput out;

    private final long[] weights = new long[GROUP_SIZE];
    private final long[] groupLongKeys;
    private final long[] groupLongValues;
    private final long[] keyEnds;
    private final long[] valueEnds;
    private final StringDictionary strings = new StringDictionary();
    /** The group's long columns in file order (null when absent): weights, long keys, long values, key and value ends. */
    private final long[][] columns;
    private final ByteSink keyData;
    private final ByteSink valueData;
    private int inGroup;

    private long[] groupStarts = new long[16];
    private long[] firstLongKeys;
    private final ByteSink indexKeyData;
    private int[] indexKeyEnds;
    private int groups;

    private long count;
    private long lastLongKey;
    private long lastLongValue;
    private Object lastKey;
    private Object lastValue;
    private long minLongKey;
    private boolean done;
    /** Whether the appender keeps the order of object values among equal keys ({@link #trustValueOrder}). */
    private boolean valuesOrdered;

    @SuppressWarnings("unchecked")
    private BatchFileWriter(FileOps ops, Path dir, Layout layout, Codec<?> keyCodec, Codec<?> valueCodec, int blockSize) {
        this.ops = ops;
        this.dir = dir;
        this.layout = Objects.requireNonNull(layout, "layout");
        this.keyCodec = (Codec<Object>) checkCodec(layout.keyKind(), keyCodec, "key");
        this.valueCodec = (Codec<Object>) checkCodec(layout.valueKind(), valueCodec, "value");
        this.longKeys = layout.keyKind() == ColumnKind.LONG;
        this.longValues = layout.valueKind() == ColumnKind.LONG;
        groupLongKeys = longKeys ? new long[GROUP_SIZE] : null;
        groupLongValues = longValues ? new long[GROUP_SIZE] : null;
        keyEnds = longKeys ? null : new long[GROUP_SIZE];
        valueEnds = this.valueCodec != null ? new long[GROUP_SIZE] : null;
        keyData = longKeys ? null : stringsTo(new ByteSink(4096));
        valueData = this.valueCodec != null ? stringsTo(new ByteSink(4096)) : null;
        columns = new long[][] {weights, groupLongKeys, groupLongValues, keyEnds, valueEnds};
        firstLongKeys = longKeys ? new long[16] : null;
        indexKeyData = longKeys ? null : stringsTo(new ByteSink(1024));
        indexKeyEnds = longKeys ? null : new int[16];

        if (!Files.isDirectory(dir)) {
            throw new StorageException(dir, "the storage directory does not exist or is not a directory", null);
        }
        id = BatchFileNames.newId();
        target = dir.resolve(BatchFileNames.fileName(id));
        temp = dir.resolve(BatchFileNames.temporaryName(id));
        header.keyKind = layout.keyKind();
        header.valueKind = layout.valueKind();
        header.groupSize = GROUP_SIZE;
        header.blockSize = blockSize;
        header.keyCodec = identity(layout.keyKind(), this.keyCodec);
        header.valueCodec = identity(layout.valueKind(), this.valueCodec);
        header.headerLength = FileHeader.lengthFor(header.keyCodec, header.valueCodec);
        try {
            file = ops.create(temp);
        } catch (IOException | RuntimeException e) {
            throw new StorageException(temp, "cannot create batch file: " + e, e);
        }
        out = new ChecksummedOutput(file, header.headerLength, blockSize);
    }

    private ByteSink stringsTo(ByteSink sink) {
        sink.stringTable(strings);
        return sink;
    }

    /**
     * A writer of a new batch file in {@code dir} for tuples of {@code layout}; {@code keyCodec} and
     * {@code valueCodec} encode object columns and are null for long or absent columns.
     */
    public static BatchFileWriter create(Path dir, Layout layout, Codec<?> keyCodec, Codec<?> valueCodec) {
        return new BatchFileWriter(FileOps.SYSTEM, dir, layout, keyCodec, valueCodec, DEFAULT_BLOCK_SIZE);
    }

    /**
     * As {@link #create}, for a file that need not survive a crash (a trace's spilled batch, deleted with its
     * run directory): written under a temporary name and renamed as every file, but never fsynced, so that
     * spilling costs no disk flush. A crash may leave it incomplete; it is then garbage, never read.
     */
    public static BatchFileWriter createTransient(Path dir, Layout layout, Codec<?> keyCodec, Codec<?> valueCodec) {
        return new BatchFileWriter(TRANSIENT, dir, layout, keyCodec, valueCodec, DEFAULT_BLOCK_SIZE);
    }

    private static final FileOps TRANSIENT = FileOps.withoutSync(FileOps.SYSTEM);

    static {
        BatchWriters.register((ops, dir, layout, k, v) -> new BatchFileWriter(ops, dir, layout, k, v, DEFAULT_BLOCK_SIZE));
    }

    /** As {@link #create}, with the file system calls and the checksum block size (a power of two) given: for tests. */
    static BatchFileWriter create(FileOps ops, int blockSize, Path dir, Layout layout, Codec<?> keyCodec, Codec<?> valueCodec) {
        if (Integer.bitCount(blockSize) != 1 || blockSize < 8) {
            throw new IllegalArgumentException("block size must be a power of two >= 8: " + blockSize);
        }
        return new BatchFileWriter(ops, dir, layout, keyCodec, valueCodec, blockSize);
    }

    /** Writes {@code batch} (of an equal layout) to a new file in {@code dir}: {@link #create}, append all, {@link #finish}. */
    public static BatchFileInfo write(Path dir, Batch batch, Codec<?> keyCodec, Codec<?> valueCodec) {
        try (BatchFileWriter w = create(dir, batch.layout, keyCodec, valueCodec)) {
            w.addAll(batch);
            return w.finish();
        }
    }

    static Codec<?> checkCodec(ColumnKind kind, Codec<?> codec, String column) {
        if ((kind == ColumnKind.OBJECT) != (codec != null)) {
            throw new IllegalArgumentException(kind == ColumnKind.OBJECT
                    ? "an object " + column + " column needs a codec"
                    : "a " + kind + " " + column + " column takes no codec (long columns need none)");
        }
        return codec;
    }

    static String identity(ColumnKind kind, Codec<?> codec) {
        return kind == ColumnKind.OBJECT ? codec.identity() : kind == ColumnKind.LONG ? "long" : "none";
    }

    /** The final path the file will have. */
    public Path path() {
        return target;
    }

    /** Tuples appended so far. */
    public long count() {
        return count;
    }

    /**
     * Tells the writer that the object values of equal keys appended from now on are already in the layout's
     * value order: they come from a trace's merge, which compared them, or from a trace's consolidated batch.
     * Every append still checks the keys' order, the weight and nulls, but compares no values of equal keys (as
     * for values given encoded, {@link #addTranscoded}): comparing two records costs their hash codes and
     * fields, and a key held by many values would pay it for every value written. Returns this writer.
     */
    public BatchFileWriter trustValueOrder() {
        valuesOrdered = true;
        return this;
    }

    /** Appends a key of a file with long keys and no values. */
    public void addLong(long key, long weight) {
        expect(ColumnKind.LONG, ColumnKind.NONE, "addLong(key, weight)");
        append(key, null, 0, null, null, weight);
    }

    /** Appends a key of a file with object keys and no values. */
    public void add(Object key, long weight) {
        expect(ColumnKind.OBJECT, ColumnKind.NONE, "add(key, weight)");
        append(0, key, 0, null, null, weight);
    }

    /** Appends a (long key, long value) tuple. */
    public void addLongLong(long key, long value, long weight) {
        expect(ColumnKind.LONG, ColumnKind.LONG, "addLongLong");
        append(key, null, value, null, null, weight);
    }

    /** Appends a (long key, object value) tuple. */
    public void addLong(long key, Object value, long weight) {
        expect(ColumnKind.LONG, ColumnKind.OBJECT, "addLong(key, value, weight)");
        append(key, null, 0, value, null, weight);
    }

    /** Appends an (object key, long value) tuple. */
    public void addObjectLong(Object key, long value, long weight) {
        expect(ColumnKind.OBJECT, ColumnKind.LONG, "addObjectLong");
        append(0, key, value, null, null, weight);
    }

    /** Appends an (object key, object value) tuple. */
    public void add(Object key, Object value, long weight) {
        expect(ColumnKind.OBJECT, ColumnKind.OBJECT, "add(key, value, weight)");
        append(0, key, 0, value, null, weight);
    }

    /** Appends tuple {@code i} of {@code file} (of the same column kinds) with weight {@code weight}: a merge step. */
    public void addFrom(BatchFile file, int i, long weight) {
        append(longKeys ? file.longKey(i) : 0, longKeys ? null : file.key(i),
                longValues ? file.longValue(i) : 0, valueCodec != null ? file.value(i) : null, null, weight);
    }

    /**
     * Appends a tuple of a file with object values whose value is given encoded: {@code valueBytes} holds exactly
     * one value written by a codec of this writer's value codec's identity (a window of another batch file, with
     * that file's table of repeated strings attached: {@link BatchFile#valueBytes}), which is copied with
     * {@link Codec#transcode}, not decoded. The key is {@code longKey} for long keys, else {@code key}. A merge
     * step: the key order is checked as for every append, but the value order of tuples with equal keys is the
     * caller's to keep when either value was given encoded.
     */
    public void addTranscoded(long longKey, Object key, ByteSource valueBytes, long weight) {
        if (valueCodec == null) {
            throw new IllegalStateException("addTranscoded appends object values, not to a file of " + layout);
        }
        append(longKey, longKeys ? null : key, 0, null, Objects.requireNonNull(valueBytes, "valueBytes"), weight);
    }

    /** Appends every tuple of {@code batch}, whose layout must have this writer's column kinds. */
    public void addAll(Batch batch) {
        if (batch.layout.keyKind() != layout.keyKind() || batch.layout.valueKind() != layout.valueKind()) {
            throw new IllegalArgumentException("cannot write a batch of " + batch.layout + " to a file of " + layout);
        }
        for (int i = 0; i < batch.size; i++) {
            append(longKeys ? batch.longKeys[i] : 0, longKeys ? null : batch.objKeys[i],
                    longValues ? batch.longValues[i] : 0, valueCodec != null ? batch.objValues[i] : null, null, batch.weights[i]);
        }
    }

    private void expect(ColumnKind key, ColumnKind value, String method) {
        if (layout.keyKind() != key || layout.valueKind() != value) {
            throw new IllegalStateException(method + " appends " + key + " keys and " + value + " values, not to a file of " + layout);
        }
    }

    private void append(long lk, Object ok, long lv, Object ov, ByteSource ovBytes, long weight) {
        if (done) {
            throw new IllegalStateException("the writer of " + target + " is finished or closed");
        }
        checkOrder(lk, ok, lv, ov, ovBytes, weight);
        int j = inGroup;
        if (!longKeys) {
            int mark = keyData.size();
            try {
                keyCodec.encode(ok, keyData);
            } catch (RuntimeException e) {
                keyData.truncate(mark);
                throw new IllegalArgumentException("cannot encode key " + ok + " with " + keyCodec.identity() + ": " + e, e);
            }
            keyEnds[j] = keyData.size();
        } else {
            groupLongKeys[j] = lk;
        }
        if (valueCodec != null) {
            int mark = valueData.size();
            try {
                if (ovBytes == null) {
                    valueCodec.encode(ov, valueData);
                } else {
                    valueCodec.transcode(ovBytes, valueData);
                    if (ovBytes.remaining() != 0) {
                        throw new IllegalStateException(ovBytes.remaining() + " bytes of the encoded value left over");
                    }
                }
            } catch (RuntimeException e) {
                valueData.truncate(mark);
                if (!longKeys) {
                    keyData.truncate(j == 0 ? 0 : (int) keyEnds[j - 1]);
                }
                throw new IllegalArgumentException("cannot " + (ovBytes == null ? "encode value " + ov : "copy an encoded value")
                        + " with " + valueCodec.identity() + ": " + e, e);
            }
            valueEnds[j] = valueData.size();
        } else if (longValues) {
            groupLongValues[j] = lv;
        }
        weights[j] = weight;
        if (count == 0) {
            minLongKey = lk;
        }
        lastLongKey = lk;
        lastKey = ok;
        lastLongValue = lv;
        lastValue = ov;
        count++;
        if (++inGroup == GROUP_SIZE) {
            writeGroup();
        }
    }

    private void checkOrder(long lk, Object ok, long lv, Object ov, ByteSource ovBytes, long weight) {
        if (weight == 0) {
            throw new IllegalArgumentException("a tuple with weight 0 cannot be stored");
        }
        if ((!longKeys && ok == null) || (valueCodec != null && ov == null && ovBytes == null)) {
            throw new IllegalArgumentException("null keys and values cannot be stored");
        }
        if (count == 0) {
            return;
        }
        int c = longKeys ? Long.compare(lk, lastLongKey) : layout.keyOrder().compare(ok, lastKey);
        if (c == 0 && valueCodec != null && (valuesOrdered || ov == null || lastValue == null)) {
            return; // values ordered by the appender (trustValueOrder) or given encoded (addTranscoded)
        }
        if (c == 0) {
            Comparator<Object> vo = layout.valueOrder();
            c = longValues ? Long.compare(lv, lastLongValue) : vo != null ? vo.compare(ov, lastValue) : 0;
        }
        if (c <= 0) {
            throw new IllegalArgumentException("tuples must be appended in strictly increasing (key, value) order: ("
                    + (longKeys ? lk : ok) + ", " + (longValues ? lv : ov) + ") after ("
                    + (longKeys ? lastLongKey : lastKey) + ", " + (longValues ? lastLongValue : lastValue) + ")");
        }
    }

    /**
     * Writes the buffered group: a word of the columns' widths, then weights, long keys, long values, key ends
     * and value ends as {@link PackedColumn}s, then the encoded keys and values.
     */
    private void writeGroup() {
        int n = inGroup;
        if (groups == groupStarts.length) {
            groupStarts = Arrays.copyOf(groupStarts, groups * 2);
            if (longKeys) {
                firstLongKeys = Arrays.copyOf(firstLongKeys, groups * 2);
            } else {
                indexKeyEnds = Arrays.copyOf(indexKeyEnds, groups * 2 + 1);
            }
        }
        groupStarts[groups] = out.position();
        if (longKeys) {
            firstLongKeys[groups] = groupLongKeys[0];
        } else {
            indexKeyData.writeBytes(keyData.contents().array(), 0, (int) keyEnds[0]);
            indexKeyEnds[groups] = indexKeyData.size();
        }
        groups++;
        ByteSink s = out.sink();
        long widths = 0;
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] != null) {
                widths |= (long) PackedColumn.width(columns[c], n, PackedColumn.base(columns[c], n)) << (8 * c);
            }
        }
        s.writeLong(widths);
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] != null) {
                PackedColumn.write(s, columns[c], n, PackedColumn.base(columns[c], n), (int) (widths >>> (8 * c)) & 0xFF);
            }
        }
        writeData(s, keyData);
        writeData(s, valueData);
        s.padTo(8);
        inGroup = 0;
        try {
            out.maybeFlush();
        } catch (IOException | RuntimeException e) {
            throw fail(e);
        }
    }

    private static void writeData(ByteSink s, ByteSink data) {
        if (data != null) {
            s.writeBytes(data.contents().array(), 0, data.size());
            data.clear();
        }
    }

    /**
     * Completes the file: the last group, the index, the footer and the header; fsyncs it, renames it to
     * its final name and fsyncs the directory.
     *
     * @throws StorageException naming the file on an I/O error; nothing is left at the final name then
     */
    public BatchFileInfo finish() {
        if (done) {
            throw new IllegalStateException("the writer of " + target + " is finished or closed");
        }
        if (inGroup > 0) {
            writeGroup();
        }
        done = true;
        boolean renamed = false;
        try {
            if (!longKeys && groups > 0) {
                keyCodec.encode(lastKey, indexKeyData); // before the string table is written: it may add to it
            }
            header.dictionaryOffset = out.position();
            strings.writeTo(out.sink());
            header.indexOffset = out.position();
            writeIndex(out.sink());
            int[] crcs = out.finish();
            header.footerOffset = out.position();
            header.fileLength = header.footerOffset + CheckedMapping.footerLength(crcs.length);
            header.tupleCount = count;
            header.minLongKey = longKeys && count > 0 ? minLongKey : 0;
            header.maxLongKey = longKeys && count > 0 ? lastLongKey : 0;
            file.write(footer(crcs), header.footerOffset);
            file.write(header.encode(), 0);
            file.force();
            file.close();
            ops.moveAtomically(temp, target);
            renamed = true;
            ops.syncDirectory(dir);
        } catch (IOException | RuntimeException e) {
            throw fail(e, renamed);
        }
        return new BatchFileInfo(target, id, header.fileLength, count);
    }

    /** The index: every group's start, then the first key of every group and the last key, as a key column. */
    private void writeIndex(ByteSink s) {
        for (int g = 0; g < groups; g++) {
            s.writeLong(groupStarts[g]);
        }
        if (groups == 0) {
            return;
        }
        if (longKeys) {
            for (int g = 0; g < groups; g++) {
                s.writeLong(firstLongKeys[g]);
            }
            s.writeLong(lastLongKey);
            return;
        }
        s.writeInt(0);
        for (int g = 0; g < groups; g++) {
            s.writeInt(indexKeyEnds[g]);
        }
        s.writeInt(indexKeyData.size());
        s.padTo(8);
        s.writeBytes(indexKeyData.contents().array(), 0, indexKeyData.size());
        s.padTo(8);
    }

    private static ByteBuffer footer(int[] crcs) {
        ByteBuffer f = ByteBuffer.allocate((int) CheckedMapping.footerLength(crcs.length)).order(ByteOrder.LITTLE_ENDIAN);
        f.putInt(crcs.length);
        for (int c : crcs) {
            f.putInt(c);
        }
        CRC32C crc = new CRC32C();
        crc.update(f.array(), 0, f.position());
        f.putInt((int) crc.getValue());
        f.putLong(FileHeader.END_MAGIC);
        f.flip();
        return f;
    }

    private StorageException fail(Exception e) {
        return fail(e, false);
    }

    /** Abandons the file after {@code e}: closes it, deletes it (and the final name once renamed), and says why. */
    private StorageException fail(Exception e, boolean renamed) {
        done = true;
        discard(renamed);
        return new StorageException(renamed ? target : temp, "cannot write batch file " + target.getFileName()
                + " (" + count + " tuples): " + e, e);
    }

    private void discard(boolean renamed) {
        try {
            file.close();
        } catch (IOException | RuntimeException ignored) {
            // already failing; the file is deleted next
        }
        try {
            Files.deleteIfExists(temp);
            if (renamed) {
                Files.deleteIfExists(target);
            }
        } catch (IOException ignored) {
            // best effort: a leftover temporary name is never read as a batch file
        }
    }

    /** Abandons the file unless {@link #finish} completed: nothing is left at the final name. */
    @Override
    public void close() {
        if (!done) {
            done = true;
            discard(false);
        }
    }
}
