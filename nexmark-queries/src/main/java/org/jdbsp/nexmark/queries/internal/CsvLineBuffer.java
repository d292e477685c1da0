package org.jdbsp.nexmark.queries.internal;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * CSV lines encoded straight into a growable byte array in UTF-8, then written to a file channel in one call.
 *
 * <p>Longs are written eight digits at a time, made together in one long, and a field's text is copied out of its string in
 * one call and narrowed to bytes while it is checked for ASCII, so a line costs no string, no
 * {@code StringBuilder} and no charset encoder; text with other characters, or a field that needs quoting, takes
 * a slower path. Text that is not valid UTF-16 (an unpaired surrogate) is refused with a
 * {@link java.nio.charset.CharacterCodingException}, as a {@code Writer} over a strict UTF-8 encoder would.
 */
final class CsvLineBuffer {
    /** 10^8: longs are written in parts of eight digits. */
    private static final long EIGHT_DIGITS = 100_000_000L;
    /** {@code '0'} in each byte: added to eight digits, one a byte, it makes their text. */
    private static final long ZEROS = 0x3030_3030_3030_3030L;
    /** Eight bytes of the array stored at once, the first in memory from the lowest byte of the long. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder();
    private byte[] bytes;
    private int length;
    /** A field's characters, copied out of its string in one call so that the loop over them reads a plain array. */
    private char[] chars = new char[128];

    /** An empty buffer with room for {@code capacity} bytes before it grows. */
    CsvLineBuffer(int capacity) {
        bytes = new byte[Math.max(capacity, 64)];
    }

    /** Bytes held. */
    int length() {
        return length;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
        }
    }

    /** Appends one ASCII character. */
    void append(char ascii) {
        ensure(1);
        bytes[length++] = (byte) ascii;
    }

    /**
     * Appends {@code v} in decimal. The number is cut into parts of eight digits, and the eight digits of a part are
     * made together in one long ({@link #digitBytes}) and stored with one write; the first part's leading zeros are
     * left out.
     */
    void append(long v) {
        if (v == Long.MIN_VALUE) {
            appendAscii(Long.toString(v));
            return;
        }
        ensure(20);
        if (v < 0) {
            bytes[length++] = '-';
            v = -v;
        }
        if (v < EIGHT_DIGITS) {
            appendInt((int) v);
            return;
        }
        long high = v / EIGHT_DIGITS;
        int low = (int) (v - high * EIGHT_DIGITS);
        if (high < EIGHT_DIGITS) {
            appendInt((int) high);
        } else {
            long top = high / EIGHT_DIGITS;
            appendInt((int) top);
            appendEightDigits((int) (high - top * EIGHT_DIGITS));
        }
        appendEightDigits(low);
    }

    /** Appends {@code v}, from 0 to 99,999,999, in decimal without leading zeros (room for eight bytes ensured). */
    private void appendInt(int v) {
        long digits = digitBytes(v);
        int leadingZeros = Long.numberOfTrailingZeros(digits | (1L << 56)) >>> 3;
        LONGS.set(bytes, length, (digits + ZEROS) >>> (leadingZeros << 3));
        length += 8 - leadingZeros;
    }

    /** Appends {@code v}, from 0 to 99,999,999, as exactly eight digits (room ensured). */
    private void appendEightDigits(int v) {
        LONGS.set(bytes, length, digitBytes(v) + ZEROS);
        length += 8;
    }

    /**
     * The eight decimal digits of {@code v} (0 to 99,999,999), one a byte, the first digit in the lowest byte: the
     * number is cut in two halves of four digits, each half in two pairs and each pair in two digits, every cut
     * done on all parts at once with a multiplication that divides each part (held apart from the others in its
     * own bits of the long) by 100 or by 10.
     */
    private static long digitBytes(int v) {
        int firstFour = v / 10_000;
        long fours = firstFour | ((long) (v - firstFour * 10_000) << 32);
        long hundreds = ((fours * 5243) >>> 19) & 0x0000_007F_0000_007FL;
        long pairs = hundreds | ((fours - hundreds * 100) << 16);
        long tens = ((pairs * 103) >>> 10) & 0x000F_000F_000F_000FL;
        return tens | ((pairs - tens * 10) << 8);
    }

    private void appendAscii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
    }

    /**
     * Appends a CSV field: as it is, or quoted as RFC 4180 says (each {@code "} doubled) when it holds a comma, a
     * double quote or a line break.
     *
     * @throws java.nio.charset.CharacterCodingException if the text is not valid UTF-16
     */
    void appendField(String field) throws IOException {
        int n = field.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        field.getChars(0, n, chars, 0);
        ensure(n);
        byte[] out = bytes;
        char[] in = chars;
        int start = length;
        for (int i = 0; i < n; i++) {
            char c = in[i];
            if (c > ',' && c < 0x80) {
                out[start + i] = (byte) c;
            } else if (c >= 0x80 || c == ',' || c == '"' || c == '\n' || c == '\r') {
                appendFieldSlowly(field);
                return;
            } else {
                out[start + i] = (byte) c;
            }
        }
        length = start + n;
    }

    private void appendFieldSlowly(String field) throws IOException {
        boolean quote = false;
        for (int i = 0; i < field.length() && !quote; i++) {
            char c = field.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        String text = quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
        ByteBuffer encoded = utf8.reset().encode(CharBuffer.wrap(text));
        int n = encoded.remaining();
        ensure(n);
        encoded.get(bytes, length, n);
        length += n;
    }

    /** Appends {@code times} more copies of the bytes from {@code from} to the end. */
    void repeatFrom(int from, long times) {
        int n = length - from;
        for (long t = 0; t < times; t++) {
            ensure(n);
            System.arraycopy(bytes, from, bytes, length, n);
            length += n;
        }
    }

    /** Writes every byte held to {@code channel} and empties the buffer. */
    void drainTo(FileChannel channel) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(bytes, 0, length);
        while (out.hasRemaining()) {
            channel.write(out);
        }
        length = 0;
    }

    /** Drops every byte held. */
    void clear() {
        length = 0;
    }
}
