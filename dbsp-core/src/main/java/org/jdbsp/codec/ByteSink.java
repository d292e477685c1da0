package org.jdbsp.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * A growable, little-endian byte buffer that {@link Codec}s write into.
 *
 * <p>A final class rather than an interface so that every write is a monomorphic, inlinable call on a
 * plain {@code byte[]}; it grows geometrically, so encoding allocates nothing per record once it is large
 * enough. Not thread-safe: one writer owns it.
 */
public final class ByteSink {
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes;
    private int size;
    private ToIntFunction<String> strings;
    /** Hashes of inline strings copied in ({@link #sightedInline}), for the current table; null until used. */
    private int[] inlineSightings;

    /** An empty sink with room for {@code capacity} bytes before it grows. */
    public ByteSink(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** An empty sink. */
    public ByteSink() {
        this(256);
    }

    /** Number of bytes written since the last {@link #clear}. */
    public int size() {
        return size;
    }

    /** Forgets what was written (keeps the room). */
    public void clear() {
        size = 0;
    }

    /** Forgets the bytes written after the first {@code newSize} (to undo a partly written record). */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IndexOutOfBoundsException("cannot truncate " + size + " bytes to " + newSize);
        }
        size = newSize;
    }

    /** The bytes written, {@code [0, size())}, as a buffer over this sink's array: valid until the next write. */
    public ByteBuffer contents() {
        return ByteBuffer.wrap(bytes, 0, size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Appends zero bytes until {@link #size} is a multiple of {@code alignment} (a power of two). */
    public void padTo(int alignment) {
        int padded = (size + alignment - 1) & -alignment;
        room(padded - size);
        Arrays.fill(bytes, size, padded, (byte) 0);
        size = padded;
    }

    private void room(int n) {
        if (n > bytes.length - size) {
            long needed = (long) size + n;
            if (needed > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("a ByteSink cannot hold more than 2 GiB (a single record too large?)");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 16, bytes.length * 2L)));
        }
    }

    /** Writes the low 8 bits of {@code v}. */
    public void writeByte(int v) {
        room(1);
        bytes[size++] = (byte) v;
    }

    /** Writes 1 for true, 0 for false. */
    public void writeBoolean(boolean v) {
        writeByte(v ? 1 : 0);
    }

    /** Writes the low 16 bits of {@code v}. */
    public void writeShort(int v) {
        room(2);
        SHORTS.set(bytes, size, (short) v);
        size += 2;
    }

    /** Writes a char as 2 bytes. */
    public void writeChar(char v) {
        writeShort(v);
    }

    /** Writes 4 bytes. */
    public void writeInt(int v) {
        room(4);
        INTS.set(bytes, size, v);
        size += 4;
    }

    /** Writes 8 bytes. */
    public void writeLong(long v) {
        room(8);
        LONGS.set(bytes, size, v);
        size += 8;
    }

    /** Writes the raw bits of {@code v} (NaN payloads and -0.0 survive). */
    public void writeFloat(float v) {
        writeInt(Float.floatToRawIntBits(v));
    }

    /** Writes the raw bits of {@code v} (NaN payloads and -0.0 survive). */
    public void writeDouble(double v) {
        writeLong(Double.doubleToRawLongBits(v));
    }

    /** Writes a non-negative int in 1 to 5 bytes, 7 bits per byte, low bits first. */
    public void writeVarInt(int v) {
        if (v < 0) {
            throw new IllegalArgumentException("writeVarInt takes a non-negative int, not " + v);
        }
        room(5);
        while (v >= 0x80) {
            bytes[size++] = (byte) (v | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    /**
     * Writes any long in 1 to 10 bytes: zigzag (0, -1, 1, -2, ... become 0, 1, 2, 3, ...), then 7 bits per
     * byte, low bits first, the high bit set on every byte but the last. Small magnitudes take few bytes.
     */
    public void writeVarLong(long v) {
        room(10);
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7FL) != 0) {
            bytes[size++] = (byte) (z | 0x80);
            z >>>= 7;
        }
        bytes[size++] = (byte) z;
    }

    /**
     * Attaches a table of repeated strings, or detaches it ({@code null}): from now on {@link #writeString}
     * asks {@code table} for the index of each non-null string and writes a reference when it gives one
     * (non-negative), the string itself when it gives -1. For storage layers that keep such a table per file
     * (the bytes are then readable only by a {@link ByteSource} with the same table attached).
     */
    public void stringTable(ToIntFunction<String> table) {
        this.strings = table;
        this.inlineSightings = null;
    }

    /** Writes {@code b[from, from + length)}. */
    public void writeBytes(byte[] b, int from, int length) {
        room(length);
        System.arraycopy(b, from, bytes, size, length);
        size += length;
    }

    /**
     * Writes a string or null, exactly (unpaired surrogates included). Without a {@linkplain #stringTable
     * string table}: a {@linkplain #writeVarInt varint} of the number of UTF-16 units plus one (0 for null),
     * then each unit in 1 to 3 bytes (U+0001..U+007F in one byte, U+0000 and U+0080..U+07FF in two, the rest
     * in three; the scheme of {@code DataOutput.writeUTF}). With a table: a varint header of 0 for null, 1
     * for a reference to the table (a varint of the index follows), or the number of units plus two (the
     * units follow as above).
     */
    public void writeString(String s) {
        if (s == null) {
            writeVarInt(0);
            return;
        }
        if (strings != null) {
            int index = strings.applyAsInt(s);
            if (index >= 0) {
                writeStringReference(index);
                return;
            }
        }
        writeStringInline(s);
    }

    /** The attached table of repeated strings, or null (for {@link ByteSource#copyString}). */
    ToIntFunction<String> stringTable() {
        return strings;
    }

    /**
     * Whether this sink met the {@code length} bytes of {@code from} at {@code position} (an inline string's units)
     * before, by a hash of up to 16 sampled bytes and their length in a fixed, lossy array (a false positive only
     * costs a lookup); remembers them. For {@link ByteSource#copyString}, with a table attached.
     */
    boolean sightedInline(ByteBuffer from, int position, int length) {
        if (inlineSightings == null) {
            inlineSightings = new int[1 << 16];
        }
        int step = Math.max(1, length / 16);
        int h = length;
        for (int i = length - 1; i >= 0; i -= step) {
            h = 31 * h + from.get(position + i);
        }
        h ^= (h >>> 15) * 0x2C1B3C6D;
        int slot = (h ^ (h >>> 16)) & (inlineSightings.length - 1);
        if (inlineSightings[slot] == h) {
            return true;
        }
        inlineSightings[slot] = h;
        return false;
    }

    /**
     * Writes non-null {@code s}, met inline for the second time ({@link #sightedInline}): offered to the table as
     * at its second sighting (twice, when the first offer only noted it), then as a reference or inline.
     */
    void writeStringSightedTwice(String s) {
        int index = strings.applyAsInt(s);
        if (index < 0) {
            index = strings.applyAsInt(s);
        }
        if (index >= 0) {
            writeStringReference(index);
        } else {
            writeStringInline(s);
        }
    }

    /**
     * Writes non-null {@code s}, which the table has just declined, inline, and notes its bytes as
     * {@link #sightedInline} does: when an inline copy of them was met before, the string is offered to the table
     * again (its second sighting) and, if entered, written as a reference instead; returns its entry, or -1.
     */
    int writeStringInlineSighted(String s) {
        int mark = size;
        writeVarInt(strings != null ? s.length() + 2 : s.length() + 1);
        int units = size;
        writeUnits(s);
        if (!sightedInline(ByteBuffer.wrap(bytes), units, size - units)) {
            return -1;
        }
        int entry = strings.applyAsInt(s);
        if (entry >= 0) {
            size = mark;
            writeStringReference(entry);
        }
        return entry;
    }

    /** Writes a reference to entry {@code index} of the attached table (which must have it). */
    void writeStringReference(int index) {
        writeVarInt(1);
        writeVarInt(index);
    }

    /**
     * Writes the header of an inline string of {@code units} UTF-16 units (with or without a table attached) and
     * then {@code length} bytes of {@code from} at {@code position}: the units already encoded, as another sink
     * wrote them (for {@link ByteSource#copyString}).
     */
    void writeStringInline(int units, ByteBuffer from, int position, int length) {
        writeVarInt(strings != null ? units + 2 : units + 1);
        room(length);
        from.get(position, bytes, size, length);
        size += length;
    }

    /** Writes non-null {@code s} inline, asking no table. */
    void writeStringInline(String s) {
        writeVarInt(strings != null ? s.length() + 2 : s.length() + 1);
        writeUnits(s);
    }

    /** Writes the UTF-16 units of {@code s}, each in 1 to 3 bytes (see {@link #writeString}). */
    private void writeUnits(String s) {
        int n = s.length();
        room(n);
        int i = 0;
        // ASCII fast path: one byte per char, room already made.
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == 0 || c >= 0x80) {
                break;
            }
            bytes[size++] = (byte) c;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c != 0 && c < 0x80) {
                writeByte(c);
            } else if (c < 0x800) {
                room(2);
                bytes[size++] = (byte) (0xC0 | (c >> 6));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            } else {
                room(3);
                bytes[size++] = (byte) (0xE0 | (c >> 12));
                bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }
}
