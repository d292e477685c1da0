package org.jdbsp.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * A little-endian window {@code [position, limit)} of a {@link ByteBuffer} that {@link Codec}s read from:
 * a heap buffer or a memory-mapped segment of a file, read in place.
 *
 * <p>A final class rather than an interface so that every read is a monomorphic, inlinable call. Reads
 * use absolute positions, so the buffer itself is never modified and may be shared by several threads,
 * each with its own source. Reading past the limit fails with an {@link IllegalStateException}: a codec
 * never reads into the next record. Not thread-safe.
 */
public final class ByteSource {
    private ByteBuffer buffer;
    private int position;
    private int limit;
    private IntFunction<String> strings;
    /**
     * For {@link #copyString}: entry {@code i} of this source's table is entry {@code remap[i] - 1} of the table of
     * {@link #remapTo} (0: not known yet); valid for the pair ({@link #remapFrom}, {@link #remapTo}) only.
     */
    private int[] remap;
    private IntFunction<String> remapFrom;
    private ToIntFunction<String> remapTo;

    /** A source over the remaining bytes of {@code buffer} (its position and limit are left as they are). */
    public ByteSource(ByteBuffer buffer) {
        reset(buffer, buffer.position(), buffer.limit());
    }

    /** Reads {@code [from, to)} of {@code buffer} next (the buffer's own byte order is ignored: little-endian). */
    public ByteSource reset(ByteBuffer buffer, int from, int to) {
        if (from < 0 || to < from || to > buffer.capacity()) {
            throw new IndexOutOfBoundsException("window [" + from + ", " + to + ") of a buffer of " + buffer.capacity() + " bytes");
        }
        this.buffer = buffer.order() == ByteOrder.LITTLE_ENDIAN ? buffer : buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.position = from;
        this.limit = to;
        return this;
    }

    /**
     * Attaches the table of repeated strings that the bytes were written with ({@link ByteSink#stringTable}),
     * or detaches it ({@code null}); {@code table} gives the string of an index or throws for an unknown one.
     */
    public ByteSource stringTable(IntFunction<String> table) {
        this.strings = table;
        return this;
    }

    /** Bytes left before the limit. */
    public int remaining() {
        return limit - position;
    }

    private int take(int n) {
        int p = position;
        if (n > limit - p) {
            throw new IllegalStateException("a decoder read past the end of its record (" + n + " more bytes wanted, "
                    + (limit - p) + " left): the data or the codec does not match what was written");
        }
        position = p + n;
        return p;
    }

    /** Reads one byte. */
    public byte readByte() {
        return buffer.get(take(1));
    }

    /** Reads a boolean written by {@link ByteSink#writeBoolean}; any other byte than 0 or 1 fails. */
    public boolean readBoolean() {
        byte b = readByte();
        if ((b & ~1) != 0) {
            throw new IllegalStateException("malformed boolean byte " + b);
        }
        return b == 1;
    }

    /** Reads 2 bytes. */
    public short readShort() {
        return buffer.getShort(take(2));
    }

    /** Reads a char as 2 bytes. */
    public char readChar() {
        return buffer.getChar(take(2));
    }

    /** Reads 4 bytes. */
    public int readInt() {
        return buffer.getInt(take(4));
    }

    /** Reads 8 bytes. */
    public long readLong() {
        return buffer.getLong(take(8));
    }

    /** Reads a float from its raw bits. */
    public float readFloat() {
        return Float.intBitsToFloat(readInt());
    }

    /** Reads a double from its raw bits. */
    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    /** Reads a varint written by {@link ByteSink#writeVarInt}. */
    public int readVarInt() {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = readByte();
            v |= (b & 0x7F) << shift;
            if (b >= 0) {
                if (v < 0 || (shift == 28 && (b & 0x70) != 0)) {
                    break;
                }
                return v;
            }
        }
        throw new IllegalStateException("malformed varint");
    }

    /** Reads a long written by {@link ByteSink#writeVarLong}. */
    public long readVarLong() {
        long z = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            byte b = readByte();
            z |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                if (shift == 63 && b > 1) {
                    break;
                }
                return (z >>> 1) ^ -(z & 1);
            }
        }
        throw new IllegalStateException("malformed varlong");
    }

    /**
     * Copies a varint written by {@link ByteSink#writeVarLong} to {@code out} as it is written (for {@link
     * Codec#transcode}): one 8-byte read and one 8-byte write when it fits 8 bytes, else decoded and written again.
     * A varint of up to 8 bytes is copied verbatim, so one with redundant high zero groups (never written by a sink)
     * stays so.
     */
    public void copyVarLong(ByteSink out) {
        int p = position;
        if (limit - p >= 8) {
            long word = buffer.getLong(p);
            long lastBytes = ~word & 0x8080808080808080L; // the high bit of each byte that ends the varint
            if (lastBytes != 0) {
                int length = (Long.numberOfTrailingZeros(lastBytes) >>> 3) + 1;
                position = p + length;
                out.writeLowBytes(word, length);
                return;
            }
        }
        out.writeVarLong(readVarLong());
    }

    /** Reads {@code length} bytes into {@code dst[from, from + length)}. */
    public void readBytes(byte[] dst, int from, int length) {
        int p = take(length);
        buffer.get(p, dst, from, length);
    }

    /**
     * If the next bytes are exactly {@code expected}, skips them and returns true; otherwise reads nothing
     * and returns false.
     */
    public boolean skipIfNext(byte[] expected) {
        int n = expected.length;
        if (n > limit - position) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (buffer.get(position + i) != expected[i]) {
                return false;
            }
        }
        position += n;
        return true;
    }

    /**
     * Reads a string or null written by {@link ByteSink#writeString}, with the same {@linkplain #stringTable
     * string table} attached as the sink had (or none).
     */
    public String readString() {
        int header = readVarInt();
        if (header == 0) {
            return null;
        }
        if (strings != null && (header & 1) == 1) {
            return strings.apply(header >>> 1);
        }
        return readInline(inlineForm(header));
    }

    /**
     * The form {@code 8n + b} of an inline string (n UTF-16 units, b bits a packed unit or 0 for plain units) from
     * its non-zero header, which is not a table reference (see {@link ByteSink#writeString}).
     */
    private int inlineForm(int header) {
        return strings == null ? header - 1 : (header - 2) >>> 1;
    }

    /** Reads what follows the header of an inline string of form {@code 8n + b}. */
    private String readInline(int form) {
        int n = form >>> 3;
        int bits = form & 7;
        return bits == 0 ? readUnits(n) : readPacked(n, bits);
    }

    /** {@code n} units of {@code bits} bits above a least unit (see {@link ByteSink#writeString}). */
    private String readPacked(int n, int bits) {
        int min = readByte() & 0xFF;
        int p = take(ByteSink.packedLength(n, bits));
        int mask = (1 << bits) - 1;
        byte[] latin1 = new byte[n];
        int acc = 0;
        int held = 0;
        for (int i = 0; i < n; i++) {
            if (held < bits) {
                acc |= (buffer.get(p++) & 0xFF) << held;
                held += 8;
            }
            int c = min + (acc & mask);
            if (c > 0xFF) {
                throw new IllegalStateException("malformed string: packed char " + c + " above U+00FF");
            }
            latin1[i] = (byte) c;
            acc >>>= bits;
            held -= bits;
        }
        return new String(latin1, StandardCharsets.ISO_8859_1);
    }

    /** Reads {@code n} UTF-16 units of 1 to 3 bytes each (an inline string's, its header read). */
    private String readUnits(int n) {
        checkAnnounced(n);
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            int b = buffer.get(take(1)) & 0xFF;
            if (b != 0 && b < 0x80) {
                chars[i] = (char) b;
            } else if ((b & 0xE0) == 0xC0) {
                chars[i] = (char) (((b & 0x1F) << 6) | continuation());
            } else if ((b & 0xF0) == 0xE0) {
                int mid = continuation();
                chars[i] = (char) (((b & 0x0F) << 12) | (mid << 6) | continuation());
            } else {
                throw new IllegalStateException("malformed string: byte " + b);
            }
        }
        return new String(chars);
    }

    /**
     * Copies a string or null, written by {@link ByteSink#writeString} with this source's {@linkplain
     * #stringTable string table} (or none), to {@code out} as {@code out.writeString} would write it for the
     * sink's own table, without building the string where it can: a reference to this source's table becomes a
     * reference to the sink's table (each entry is looked up there once per pair of tables, then re-mapped by
     * index) or, at its first sighting there (inline strings copied in count), the string inline; an inline
     * string, plain or packed, is copied byte for byte after a header for the sink's table, and only once the sink
     * has met the same form and bytes inline before (by a hash of them) is it built and offered to the sink's
     * table, so that a string that never repeats is never built. Malformed bytes fail as {@link #readString}
     * fails.
     */
    public void copyString(ByteSink out) {
        int header = readVarInt();
        if (header == 0) {
            out.writeString(null);
            return;
        }
        if (strings != null && (header & 1) == 1) {
            copyReference(header >>> 1, out);
            return;
        }
        int form = inlineForm(header);
        int from = position;
        skipInline(form);
        if (out.copyInlineUnlessSighted(form, buffer, from, position - from)) {
            position = from;
            out.writeStringSightedTwice(readInline(form));
        }
    }

    /** Skips what follows the header of an inline string of form {@code 8n + b}, checked as {@link #readInline} checks it. */
    private void skipInline(int form) {
        int n = form >>> 3;
        int bits = form & 7;
        if (bits == 0) {
            checkAnnounced(n);
            skipUnits(n);
            return;
        }
        int from = position;
        int min = readByte() & 0xFF;
        take(ByteSink.packedLength(n, bits));
        if (min + (1 << bits) - 1 > 0xFF) {
            // Only then can a unit be above U+00FF: decode to check (rare; Nexmark's strings start lower).
            position = from;
            readPacked(n, bits);
        }
    }

    /** Fails unless {@code n} units of at least a byte each can follow. */
    private void checkAnnounced(int n) {
        if (n > remaining()) {
            throw new IllegalStateException("malformed string: " + n + " chars announced, " + remaining() + " bytes left");
        }
    }

    /** Skips {@code n} UTF-16 units of an inline string, checking their bytes as {@link #readUnits} does. */
    private void skipUnits(int n) {
        ByteBuffer b = buffer;
        int p = position;
        int end = limit;
        for (int i = 0; i < n; i++) {
            if (p >= end) {
                position = p;
                take(1); // throws: past the end of the record
            }
            int lead = b.get(p++) & 0xFF;
            if (lead != 0 && lead < 0x80) {
                continue;
            }
            int more = (lead & 0xE0) == 0xC0 ? 1 : (lead & 0xF0) == 0xE0 ? 2 : -1;
            if (more < 0) {
                throw new IllegalStateException("malformed string: byte " + lead);
            }
            if (p + more > end) {
                position = p;
                take(more); // throws: past the end of the record
            }
            for (int k = 0; k < more; k++) {
                int c = b.get(p++) & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    throw new IllegalStateException("malformed string: continuation byte " + c);
                }
            }
        }
        position = p;
    }

    private void copyReference(int index, ByteSink out) {
        ToIntFunction<String> target = out.stringTable();
        if (target == null) {
            out.writeString(strings.apply(index));
            return;
        }
        if (remapFrom != strings || remapTo != target) {
            remapFrom = strings;
            remapTo = target;
            if (remap != null) {
                Arrays.fill(remap, 0);
            }
        }
        if (remap == null || index >= remap.length) {
            if (index < 0) {
                strings.apply(index); // throws naming the bad reference
            }
            remap = remap == null ? new int[Math.max(64, index + 1)]
                    : Arrays.copyOf(remap, Math.max(index + 1, 2 * remap.length));
        }
        int m = remap[index];
        if (m == 0) {
            String s = strings.apply(index);
            int entry = out.offer(s);
            if (entry < 0) {
                entry = out.writeStringInlineSighted(s); // written, inline or as a reference
                if (entry >= 0) {
                    remap[index] = entry + 1;
                }
                return;
            }
            m = entry + 1;
            remap[index] = m;
        }
        out.writeStringReference(m - 1);
    }

    private int continuation() {
        int b = buffer.get(take(1)) & 0xFF;
        if ((b & 0xC0) != 0x80) {
            throw new IllegalStateException("malformed string: continuation byte " + b);
        }
        return b & 0x3F;
    }
}
