package org.jdbsp.storage.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.jdbsp.storage.spi.CorruptFileException;
import org.jdbsp.storage.spi.StorageException;
import org.jdbsp.zset.ColumnKind;

/**
 * The header of a batch file (layout in {@code org.jdbsp.storage.spi}'s package documentation): written
 * as a placeholder first and again, complete, when the file is finished.
 */
public final class FileHeader {
    /** The first 8 bytes of every batch file. */
    public static final long MAGIC = 0x3146425053424A64L; // "dJBSPBF1" little-endian
    /** The last 8 bytes of every batch file. */
    public static final long END_MAGIC = 0x444E454653424A64L; // "dJBSFEND"
    /** The only format version this code writes and reads (3: strings of few distinct chars packed, see ByteSink#writeString). */
    public static final int VERSION = 3;
    /** Bytes of the fixed fields, before the codec identities. */
    static final int FIXED = 88;
    /** Bytes read first, enough for the magic, the version and the header length. */
    public static final int PREFIX = 16;

    public int headerLength;
    public ColumnKind keyKind;
    public ColumnKind valueKind;
    public int groupSize;
    public int blockSize;
    public long tupleCount;
    public long minLongKey;
    public long maxLongKey;
    public long dictionaryOffset;
    public long indexOffset;
    public long footerOffset;
    public long fileLength;
    public String keyCodec;
    public String valueCodec;

    /** The header length for these codec identities. */
    public static int lengthFor(String keyCodec, String valueCodec) {
        int n = FIXED + 8 + utf8(keyCodec).length + utf8(valueCodec).length + 4;
        return (n + 7) & -8;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The header's bytes ({@link #headerLength} of them, the checksum last). */
    public ByteBuffer encode() {
        ByteBuffer b = ByteBuffer.allocate(headerLength).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(MAGIC).putInt(VERSION).putInt(headerLength);
        b.put(code(keyKind)).put(code(valueKind)).putShort((short) 0).putInt(groupSize);
        b.putInt(blockSize).putInt(0);
        b.putLong(tupleCount).putLong(minLongKey).putLong(maxLongKey);
        b.putLong(indexOffset).putLong(footerOffset).putLong(fileLength).putLong(dictionaryOffset);
        byte[] k = utf8(keyCodec);
        byte[] v = utf8(valueCodec);
        b.putInt(k.length).put(k).putInt(v.length).put(v);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, headerLength - 4);
        b.putInt(headerLength - 4, (int) crc.getValue());
        b.clear();
        return b;
    }

    /**
     * Checks the first {@link #PREFIX} bytes of {@code path} and returns the header length they announce.
     * A file of another format version is refused before anything else is read.
     */
    public static int checkPrefix(ByteBuffer prefix, Path path, long fileSize) {
        if (prefix.getLong(0) != MAGIC) {
            throw new CorruptFileException(path, "not a jdbsp batch file (wrong magic number)");
        }
        int version = prefix.getInt(8);
        if (version != VERSION) {
            throw new StorageException(path, "batch file format version " + version
                    + " is not supported: this library reads version " + VERSION
                    + " only (a file written by an older or a newer release, or a damaged header; an older"
                    + " release's spilled files are garbage, its checkpoints must be taken again)", null);
        }
        int length = prefix.getInt(12);
        if (length < FIXED + 12 || (length & 7) != 0 || length > (1 << 20)) {
            throw new CorruptFileException(path, "malformed header length " + length);
        }
        if (length > fileSize) {
            throw new CorruptFileException(path, "truncated: " + fileSize + " bytes, shorter than its header of " + length);
        }
        return length;
    }

    /** Parses and verifies a whole header read from {@code path}. */
    public static FileHeader decode(ByteBuffer b, Path path) {
        int length = b.getInt(12);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, length - 4);
        if ((int) crc.getValue() != b.getInt(length - 4)) {
            throw new CorruptFileException(path, "header checksum mismatch");
        }
        FileHeader h = new FileHeader();
        h.headerLength = length;
        b.position(16);
        h.keyKind = kind(b.get(), path);
        h.valueKind = kind(b.get(), path);
        b.getShort();
        h.groupSize = b.getInt();
        h.blockSize = b.getInt();
        b.getInt();
        h.tupleCount = b.getLong();
        h.minLongKey = b.getLong();
        h.maxLongKey = b.getLong();
        h.indexOffset = b.getLong();
        h.footerOffset = b.getLong();
        h.fileLength = b.getLong();
        h.dictionaryOffset = b.getLong();
        h.keyCodec = string(b, path);
        h.valueCodec = string(b, path);
        if (h.keyKind == ColumnKind.NONE || Integer.bitCount(h.groupSize) != 1 || Integer.bitCount(h.blockSize) != 1
                || h.tupleCount < 0 || h.dictionaryOffset < length || h.indexOffset < h.dictionaryOffset || h.footerOffset < h.indexOffset
                || h.fileLength < h.footerOffset) {
            throw new CorruptFileException(path, "inconsistent header");
        }
        return h;
    }

    private static String string(ByteBuffer b, Path path) {
        int n = b.getInt();
        if (n < 0 || n > b.remaining() - 4) {
            throw new CorruptFileException(path, "malformed codec identity in the header");
        }
        byte[] s = new byte[n];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    private static byte code(ColumnKind kind) {
        return (byte) (kind == ColumnKind.NONE ? 0 : kind == ColumnKind.LONG ? 1 : 2);
    }

    private static ColumnKind kind(byte code, Path path) {
        switch (code) {
            case 0:
                return ColumnKind.NONE;
            case 1:
                return ColumnKind.LONG;
            case 2:
                return ColumnKind.OBJECT;
            default:
                throw new CorruptFileException(path, "unknown column kind " + code);
        }
    }
}
