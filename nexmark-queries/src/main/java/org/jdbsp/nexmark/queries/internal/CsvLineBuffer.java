package org.jdbsp.nexmark.queries.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * CSV lines encoded straight into a growable byte array in UTF-8, then written to a file channel in one call.
 *
 * <p>Longs are written two digits at a time with int arithmetic, and a field's text is copied out of its string in
 * one call and narrowed to bytes while it is checked for ASCII, so a line costs no string, no
 * {@code StringBuilder} and no charset encoder; text with other characters, or a field that needs quoting, takes
 * a slower path. Text that is not valid UTF-16 (an unpaired surrogate) is refused with a
 * {@link java.nio.charset.CharacterCodingException}, as a {@code Writer} over a strict UTF-8 encoder would.
 */
final class CsvLineBuffer {
    /** 10^8: longs are written in parts of eight digits. */
    private static final long EIGHT_DIGITS = 100_000_000L;
    /** The tens and ones digit of each number below 100. */
    private static final byte[] DIGIT_TENS = new byte[100];
    private static final byte[] DIGIT_ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_TENS[i] = (byte) ('0' + i / 10);
            DIGIT_ONES[i] = (byte) ('0' + i % 10);
        }
    }

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
     * Appends {@code v} in decimal. The number is cut into parts of eight digits so that the digits come from int
     * arithmetic (a pair at a time), and the length of the first part from a few comparisons.
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

    /** Appends {@code v}, from 0 to 99,999,999, in decimal without leading zeros (room already ensured). */
    private void appendInt(int v) {
        int digits = v < 10_000 ? (v < 100 ? (v < 10 ? 1 : 2) : (v < 1_000 ? 3 : 4))
                : (v < 1_000_000 ? (v < 100_000 ? 5 : 6) : (v < 10_000_000 ? 7 : 8));
        int at = length + digits;
        length = at;
        while (v >= 100) {
            int rest = v / 100;
            int pair = v - rest * 100;
            v = rest;
            bytes[--at] = DIGIT_ONES[pair];
            bytes[--at] = DIGIT_TENS[pair];
        }
        bytes[--at] = DIGIT_ONES[v];
        if (v >= 10) {
            bytes[--at] = DIGIT_TENS[v];
        }
    }

    /** Appends {@code v}, from 0 to 99,999,999, as exactly eight digits (room already ensured). */
    private void appendEightDigits(int v) {
        int at = length + 8;
        length = at;
        for (int i = 0; i < 4; i++) {
            int rest = v / 100;
            int pair = v - rest * 100;
            v = rest;
            bytes[--at] = DIGIT_ONES[pair];
            bytes[--at] = DIGIT_TENS[pair];
        }
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
