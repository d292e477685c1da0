package org.jdbsp.storage.internal;

import org.jdbsp.codec.ByteSink;
import org.jdbsp.storage.spi.CorruptFileException;

/**
 * A long column of a batch file's group in frame-of-reference form: an 8-byte base (the column's least value)
 * and each value's difference from it in a fixed width of 0, 1, 2, 4 or 8 bytes (the fewest that hold the
 * largest difference, read unsigned), padded to a multiple of 8. Value {@code j} is read in place with one
 * aligned access, so a sorted key column or a column of equal weights costs little and keeps random access.
 */
public final class PackedColumn {
    private PackedColumn() {}

    /** The least of {@code values[0, n)} ({@code n > 0}). */
    public static long base(long[] values, int n) {
        long min = values[0];
        for (int j = 1; j < n; j++) {
            min = Math.min(min, values[j]);
        }
        return min;
    }

    /** The width in bytes (0, 1, 2, 4 or 8) of {@code values[0, n)} above {@code base}. */
    public static int width(long[] values, int n, long base) {
        long range = 0;
        for (int j = 0; j < n; j++) {
            range |= values[j] - base;
        }
        if (range == 0) {
            return 0;
        }
        int bits = 64 - Long.numberOfLeadingZeros(range);
        return bits <= 8 ? 1 : bits <= 16 ? 2 : bits <= 32 ? 4 : 8;
    }

    /** Bytes of a column of {@code n} values of {@code width}: the base, the values, the padding. */
    public static long length(int n, int width) {
        return 8 + ((long) n * width + 7 & -8L);
    }

    /** Writes {@code values[0, n)} with {@code base} and {@code width} (from {@link #base} and {@link #width}). */
    public static void write(ByteSink s, long[] values, int n, long base, int width) {
        s.writeLong(base);
        for (int j = 0; j < n; j++) {
            long d = values[j] - base;
            switch (width) {
                case 0:
                    break;
                case 1:
                    s.writeByte((int) d);
                    break;
                case 2:
                    s.writeShort((int) d);
                    break;
                case 4:
                    s.writeInt((int) d);
                    break;
                default:
                    s.writeLong(d);
            }
        }
        s.padTo(8);
    }

    /** Value {@code j} of the column of {@code width} at {@code start} (8-aligned). */
    public static long read(CheckedMapping data, long start, int width, int j) {
        return data.getLong(start) + offset(data, start, width, j);
    }

    /**
     * Value {@code j} of the column of {@code width} at {@code start} minus the column's base ({@link #base}, the
     * long at {@code start}): for a reader that keeps the base of the column it reads.
     */
    public static long offset(CheckedMapping data, long start, int width, int j) {
        long at = start + 8 + (long) j * width;
        switch (width) {
            case 0:
                return 0;
            case 1:
                return data.getByte(at) & 0xFFL;
            case 2:
                return data.getShort(at) & 0xFFFFL;
            case 4:
                return data.getInt(at) & 0xFFFFFFFFL;
            case 8:
                return data.getLong(at);
            default:
                throw new IllegalArgumentException("width " + width);
        }
    }

    /** Checks a width read from a file. */
    public static int checkWidth(int width, CheckedMapping data) {
        if (width != 0 && width != 1 && width != 2 && width != 4 && width != 8) {
            throw new CorruptFileException(data.path(), "column width " + width + " is not 0, 1, 2, 4 or 8");
        }
        return width;
    }
}
