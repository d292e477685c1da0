package org.jdbsp.storage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.jdbsp.codec.ByteSource;
import org.jdbsp.storage.spi.CorruptFileException;

/**
 * A batch file mapped into memory in segments of {@code 2^segmentShift} bytes (one {@code MappedByteBuffer}
 * holds at most 2 GiB), whose data region is verified lazily: each checksum block is checked against the
 * footer's CRC32C the first time any byte of it is read, so a damaged byte fails the read instead of
 * decoding into a wrong record. Thread-safe: reads use absolute positions; two threads may verify the
 * same block at once, which is harmless.
 */
public final class CheckedMapping {
    private final Path path;
    private final ByteBuffer[] segments;
    private final int segmentShift;
    private final long segmentMask;
    private final long dataStart;
    private final long dataEnd;
    private final int blockShift;
    private final int[] blockCrcs;
    private final boolean[] verified;

    private CheckedMapping(Path path, ByteBuffer[] segments, int segmentShift, FileHeader h, int[] blockCrcs) {
        this.path = path;
        this.segments = segments;
        this.segmentShift = segmentShift;
        this.segmentMask = (1L << segmentShift) - 1;
        this.dataStart = h.headerLength;
        this.dataEnd = h.footerOffset;
        this.blockShift = Integer.numberOfTrailingZeros(h.blockSize);
        this.blockCrcs = blockCrcs;
        this.verified = new boolean[blockCrcs.length];
    }

    /** The mapped file. */
    public Path path() {
        return path;
    }

    /** Bytes of the footer for {@code blocks} checksum blocks. */
    public static long footerLength(int blocks) {
        return 4 + 4L * blocks + 4 + 8;
    }

    /** Number of checksum blocks of the data region {@code [headerLength, footerOffset)}. */
    public static long blockCount(FileHeader h) {
        return (h.footerOffset - h.headerLength + h.blockSize - 1) / h.blockSize;
    }

    /** Reads and verifies the footer of {@code path} and maps the file; {@code size} is its length on disk. */
    public static CheckedMapping map(FileChannel ch, Path path, FileHeader h, long size, int segmentShift) throws IOException {
        long blocks = blockCount(h);
        if (blocks > Integer.MAX_VALUE / 4 || h.fileLength != h.footerOffset + footerLength((int) blocks)) {
            throw new CorruptFileException(path, "inconsistent header (footer size)");
        }
        if (size != h.fileLength) {
            throw new CorruptFileException(path, size < h.fileLength
                    ? "truncated: " + size + " bytes, the header says " + h.fileLength
                    : size + " bytes, the header says " + h.fileLength + " (appended to?)");
        }
        ByteBuffer footer = ByteBuffer.allocate((int) footerLength((int) blocks)).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, footer, h.footerOffset);
        int crcEnd = footer.capacity() - 12;
        CRC32C crc = new CRC32C();
        crc.update(footer.array(), 0, crcEnd);
        if (footer.getLong(crcEnd + 4) != FileHeader.END_MAGIC || footer.getInt(crcEnd) != (int) crc.getValue()
                || footer.getInt(0) != blocks) {
            throw new CorruptFileException(path, "footer checksum mismatch");
        }
        int[] crcs = new int[(int) blocks];
        for (int i = 0; i < crcs.length; i++) {
            crcs[i] = footer.getInt(4 + 4 * i);
        }
        int count = (int) ((size + (1L << segmentShift) - 1) >>> segmentShift);
        ByteBuffer[] segments = new ByteBuffer[count];
        for (int s = 0; s < count; s++) {
            long from = (long) s << segmentShift;
            segments[s] = ch.map(FileChannel.MapMode.READ_ONLY, from, Math.min(1L << segmentShift, size - from))
                    .order(ByteOrder.LITTLE_ENDIAN);
        }
        return new CheckedMapping(path, segments, segmentShift, h, crcs);
    }

    /** Reads {@code b.remaining()} bytes at {@code position}, failing on a short file. */
    public static void readFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            int n = ch.read(b, p);
            if (n < 0) {
                throw new java.io.EOFException("end of file at " + p);
            }
            p += n;
        }
    }

    /** The long at {@code offset} (8-aligned, so never across two segments). */
    public long getLong(long offset) {
        int block = (int) ((offset - dataStart) >>> blockShift);
        if (!verified[block]) {
            verify(block);
        }
        return segments[(int) (offset >>> segmentShift)].getLong((int) (offset & segmentMask));
    }

    /** The short at {@code offset} (2-aligned). */
    public short getShort(long offset) {
        int block = (int) ((offset - dataStart) >>> blockShift);
        if (!verified[block]) {
            verify(block);
        }
        return segments[(int) (offset >>> segmentShift)].getShort((int) (offset & segmentMask));
    }

    /** The byte at {@code offset}. */
    public byte getByte(long offset) {
        int block = (int) ((offset - dataStart) >>> blockShift);
        if (!verified[block]) {
            verify(block);
        }
        return segments[(int) (offset >>> segmentShift)].get((int) (offset & segmentMask));
    }

    /** The int at {@code offset} (4-aligned). */
    public int getInt(long offset) {
        int block = (int) ((offset - dataStart) >>> blockShift);
        if (!verified[block]) {
            verify(block);
        }
        return segments[(int) (offset >>> segmentShift)].getInt((int) (offset & segmentMask));
    }

    /**
     * {@code into} reset to the bytes {@code [from, to)}: read in place when they lie in one segment, else
     * copied to the heap (a record across a segment boundary).
     */
    public ByteSource source(long from, long to, ByteSource into) {
        if (from < dataStart || to > dataEnd || to < from) {
            throw new CorruptFileException(path, "record bounds [" + from + ", " + to + ") outside the data region");
        }
        verifyRange(from, to);
        int s = (int) (from >>> segmentShift);
        long base = (long) s << segmentShift;
        ByteBuffer seg = segments[s];
        if (to - base <= seg.capacity()) {
            return into.reset(seg, (int) (from - base), (int) (to - base));
        }
        byte[] copy = new byte[Math.toIntExact(to - from)];
        int done = 0;
        for (long p = from; p < to; ) {
            int si = (int) (p >>> segmentShift);
            int local = (int) (p & segmentMask);
            int n = (int) Math.min(to - p, segments[si].capacity() - local);
            segments[si].get(local, copy, done, n);
            done += n;
            p += n;
        }
        return into.reset(ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN), 0, copy.length);
    }

    private void verifyRange(long from, long to) {
        if (to == from) {
            return;
        }
        int last = (int) ((to - 1 - dataStart) >>> blockShift);
        for (int b = (int) ((from - dataStart) >>> blockShift); b <= last; b++) {
            if (!verified[b]) {
                verify(b);
            }
        }
    }

    /** Verifies every block now (a checkpoint restore does, to fail before loading anything). */
    public void verifyAll() {
        for (int b = 0; b < verified.length; b++) {
            if (!verified[b]) {
                verify(b);
            }
        }
    }

    private void verify(int block) {
        long from = dataStart + ((long) block << blockShift);
        long to = Math.min(dataEnd, from + (1L << blockShift));
        CRC32C crc = new CRC32C();
        for (long p = from; p < to; ) {
            int si = (int) (p >>> segmentShift);
            int local = (int) (p & segmentMask);
            int n = (int) Math.min(to - p, segments[si].capacity() - local);
            ByteBuffer part = segments[si].duplicate();
            part.limit(local + n).position(local);
            crc.update(part);
            p += n;
        }
        if ((int) crc.getValue() != blockCrcs[block]) {
            throw new CorruptFileException(path, "checksum mismatch in block " + block + " (bytes " + from + " to " + to + ")");
        }
        verified[block] = true;
    }
}
