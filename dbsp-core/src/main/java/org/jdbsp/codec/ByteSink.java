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
    /** Inline strings met and strings entered, by their encoded bytes, for the current table; null until used. */
    private InlineSightings inlineSightings;
    /** Entries below this one of the current table were returned by it before (see {@link #offer}). */
    private int entriesKnown;
    /** Scratch: the units of the string being written inline. */
    private char[] units = new char[64];

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
        byte[] b = bytes;
        int at = size;
        long z = (v << 1) ^ (v >> 63);
        if (z >>> 56 == 0) { // at most 8 bytes: the 7-bit groups spread over a long and stored at once
            int length = Math.max(1, (70 - Long.numberOfLeadingZeros(z)) / 7);
            long w = z & 0x7FL | (z << 1) & 0x7F00L | (z << 2) & 0x7F0000L | (z << 3) & 0x7F000000L
                    | (z << 4) & 0x7F00000000L | (z << 5) & 0x7F0000000000L | (z << 6) & 0x7F000000000000L
                    | (z << 7) & 0x7F00000000000000L;
            LONGS.set(b, at, w | 0x8080808080808080L & (1L << 8 * (length - 1)) - 1); // high bit on all but the last
            size = at + length;
            return;
        }
        while ((z & ~0x7FL) != 0) {
            b[at++] = (byte) (z | 0x80);
            z >>>= 7;
        }
        b[at++] = (byte) z;
        size = at;
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
        this.entriesKnown = 0;
    }

    /** Writes {@code b[from, from + length)}. */
    public void writeBytes(byte[] b, int from, int length) {
        room(length);
        System.arraycopy(b, from, bytes, size, length);
        size += length;
    }

    /** The most UTF-16 units a string may have to be written (its length times 16 must fit a string header). */
    public static final int MAX_STRING_LENGTH = (Integer.MAX_VALUE - 16) >>> 4;

    /**
     * Writes a string or null, exactly (unpaired surrogates included), starting with a {@linkplain #writeVarInt
     * varint} header. Without a {@linkplain #stringTable string table} the header is 0 for null, else
     * {@code 1 + 8n + b} for a string of {@code n} UTF-16 units; with a table it is 0 for null, {@code 1 + 2i} for
     * a reference to entry {@code i} of the table (nothing follows), else {@code 2 + 2(8n + b)}. {@code b = 0}: the units follow, each
     * in 1 to 3 bytes (U+0001..U+007F in one byte, U+0000 and U+0080..U+07FF in two, the rest in three; the scheme
     * of {@code DataOutput.writeUTF}). {@code b} in 1..7 (<em>packed</em>, chosen when every unit is below U+0100,
     * the largest minus the least is below {@code 2^b}, and it saves bytes): one byte of the least unit {@code m},
     * then each unit minus {@code m} in {@code b} bits, low bits first, packed into {@code ceil(n * b / 8)} bytes
     * (the last byte's unused high bits zero). So a string of 51 distinct letters takes 6 bits a char, of lower-case
     * letters 5, of digits 4.
     *
     * @throws IllegalArgumentException for a string longer than {@link #MAX_STRING_LENGTH}
     */
    public void writeString(String s) {
        if (s == null) {
            writeVarInt(0);
            return;
        }
        if (strings != null) {
            int index = offer(s);
            if (index >= 0) {
                writeStringReference(index);
            } else {
                writeStringInlineSighted(s); // so that a string met once here and once copied inline is a repeat
            }
            return;
        }
        writeStringInline(s);
    }

    /** The attached table of repeated strings, or null (for {@link ByteSource#copyString}). */
    ToIntFunction<String> stringTable() {
        return strings;
    }

    /**
     * Copies an inline string of form {@code 8n + b} (see {@link #writeString}) whose {@code length} bytes after the
     * header are those of {@code from} at {@code position}: header and bytes as {@link #writeStringInline(int,
     * ByteBuffer, int, int)} writes them, unless, with a table attached, the string is worth building and offering to
     * the table (the table entered it through this sink, or this sink met it inline before, copied or written, by
     * {@link InlineSightings}' hints); then writes nothing and returns true. Remembers the sighting either way. The
     * bytes are copied first and hashed in this sink's own array. For {@link ByteSource#copyString}.
     */
    boolean copyInlineUnlessSighted(int form, ByteBuffer from, int position, int length) {
        int mark = size;
        writeStringInline(form, from, position, length);
        if (strings == null) {
            return false;
        }
        InlineSightings in = sightings();
        int h = InlineSightings.hash(form, bytes, size - length, length);
        if (in.sighted(h) || in.isEntry(h)) { // the sighting is remembered either way
            size = mark;
            return true;
        }
        return false;
    }

    /** Writes the low {@code length} (1 to 8) bytes of {@code word}, low byte first (a varint copied whole). */
    void writeLowBytes(long word, int length) {
        room(8);
        LONGS.set(bytes, size, word);
        size += length;
    }

    private InlineSightings sightings() {
        if (inlineSightings == null) {
            inlineSightings = new InlineSightings();
        }
        return inlineSightings;
    }

    /**
     * Asks the table for the index of non-null {@code s} (-1: write it inline); when the table gives an entry it
     * never gave before, notes the hash of the string's inline encoding, so that a copy of it met inline later
     * becomes a reference (see {@link #copyInlineUnlessSighted}).
     */
    int offer(String s) {
        int index = strings.applyAsInt(s);
        if (index >= entriesKnown) {
            entriesKnown = index + 1;
            int mark = size;
            int form = writeStringInline(s);
            int body = mark + varIntLength(inlineHeader(form));
            sightings().entered(InlineSightings.hash(form, bytes, body, size - body));
            size = mark;
        }
        return index;
    }

    /**
     * Writes non-null {@code s}, met inline for the second time ({@link #copyInlineUnlessSighted}): offered to the
     * table as at its second sighting (twice, when the first offer only noted it), then as a reference or inline.
     */
    void writeStringSightedTwice(String s) {
        int index = offer(s);
        if (index < 0) {
            index = offer(s);
        }
        if (index >= 0) {
            writeStringReference(index);
        } else {
            writeStringInline(s);
        }
    }

    /**
     * Writes non-null {@code s}, which the table has just declined, inline, and notes its form and bytes as {@link
     * #copyInlineUnlessSighted} does: when they were met inline before (copied by {@link ByteSource#copyString} or
     * written here), the string is offered to the table again (its second sighting) and, if entered, written as a
     * reference instead; returns its entry, or -1. So the table and the copy's sightings count a string met once by
     * either way as repeated.
     */
    int writeStringInlineSighted(String s) {
        int mark = size;
        int form = writeStringInline(s);
        int body = mark + varIntLength(inlineHeader(form));
        if (!sightings().sighted(InlineSightings.hash(form, bytes, body, size - body))) {
            return -1;
        }
        int entry = offer(s);
        if (entry >= 0) {
            size = mark;
            writeStringReference(entry);
        }
        return entry;
    }

    /** Writes a reference to entry {@code index} of the attached table (which must have it). */
    void writeStringReference(int index) {
        if (index > (Integer.MAX_VALUE - 1) >>> 1) {
            throw new IllegalArgumentException("string table index " + index + " is too large to encode");
        }
        writeVarInt(1 + 2 * index);
    }

    /**
     * Writes the header of an inline string of form {@code 8n + b} (for the table attached or none) and then
     * {@code length} bytes of {@code from} at {@code position}: what follows the header as another sink wrote it,
     * plain units or packed, copied as it is (for {@link ByteSource#copyString}).
     */
    void writeStringInline(int form, ByteBuffer from, int position, int length) {
        writeVarInt(inlineHeader(form));
        room(length);
        from.get(position, bytes, size, length);
        size += length;
    }

    /** The header of an inline string of form {@code 8n + b}, with the table attached or none. */
    private int inlineHeader(int form) {
        return strings != null ? 2 + 2 * form : 1 + form;
    }

    /** Bytes of {@code v} (non-negative) as {@link #writeVarInt} writes it. */
    private static int varIntLength(int v) {
        return (31 - Integer.numberOfLeadingZeros(v | 1)) / 7 + 1;
    }

    /** Writes non-null {@code s} inline, packed or as plain units, asking no table; returns its form {@code 8n + b}. */
    int writeStringInline(String s) {
        int n = s.length();
        if (n > MAX_STRING_LENGTH) {
            throw new IllegalArgumentException("a string of " + n + " chars is too long to encode (at most "
                    + MAX_STRING_LENGTH + ")");
        }
        char[] units = unitsOf(s, n);
        int min = Character.MAX_VALUE;
        int max = 0;
        for (int i = 0; i < n; i++) {
            char c = units[i];
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(max - min));
        boolean packed = max < 0x100 && bits < 8 && packedLength(n, bits) + 1 < n;
        int form = 8 * n + (packed ? bits : 0);
        writeVarInt(inlineHeader(form));
        if (packed) {
            writeByte(min);
            writePacked(units, n, min, bits);
        } else {
            writeUnits(units, n);
        }
        return form;
    }

    /**
     * The {@code n} units of {@code s} in the sink's scratch array (grown as needed up to {@value #MAX_SCRATCH}
     * units, a longer string gets an array of its own; one bulk copy, so that the loops over them check no index
     * or string coder per char).
     */
    private char[] unitsOf(String s, int n) {
        char[] to = units;
        if (to.length < n) {
            to = new char[Math.max(n, Math.min(MAX_SCRATCH, 2 * to.length))];
            if (to.length <= MAX_SCRATCH) {
                units = to;
            }
        }
        s.getChars(0, n, to, 0);
        return to;
    }

    /** The most units the scratch array of {@link #unitsOf} keeps. */
    private static final int MAX_SCRATCH = 1 << 14;

    /** Bytes of {@code n} values of {@code bits} bits packed. */
    static int packedLength(int n, int bits) {
        return (int) (((long) n * bits + 7) >>> 3);
    }

    /**
     * Each unit of {@code s} minus {@code min} in {@code bits} bits, low bits first. Eight units fill exactly
     * {@code bits} bytes: they are gathered in a long and stored at once (little-endian, so the bytes are those of a
     * packing unit by unit; the long's high bytes are zero and overwritten next), the last 0 to 7 units one by one.
     */
    private void writePacked(char[] s, int n, int min, int bits) {
        room(packedLength(n, bits) + 8);
        byte[] b = bytes;
        int at = size;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long w = (long) (s[i] - min)
                    | (long) (s[i + 1] - min) << bits
                    | (long) (s[i + 2] - min) << 2 * bits
                    | (long) (s[i + 3] - min) << 3 * bits
                    | (long) (s[i + 4] - min) << 4 * bits
                    | (long) (s[i + 5] - min) << 5 * bits
                    | (long) (s[i + 6] - min) << 6 * bits
                    | (long) (s[i + 7] - min) << 7 * bits;
            LONGS.set(b, at, w);
            at += bits;
        }
        int acc = 0;
        int held = 0;
        for (; i < n; i++) {
            acc |= (s[i] - min) << held;
            held += bits;
            if (held >= 8) {
                b[at++] = (byte) acc;
                acc >>>= 8;
                held -= 8;
            }
        }
        if (held > 0) {
            b[at++] = (byte) acc;
        }
        size = at;
    }

    /** Writes the {@code n} UTF-16 units of {@code s}, each in 1 to 3 bytes (see {@link #writeString}). */
    private void writeUnits(char[] s, int n) {
        room(n);
        int i = 0;
        // ASCII fast path: one byte per char, room already made.
        for (; i < n; i++) {
            char c = s[i];
            if (c == 0 || c >= 0x80) {
                break;
            }
            bytes[size++] = (byte) c;
        }
        for (; i < n; i++) {
            char c = s[i];
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
