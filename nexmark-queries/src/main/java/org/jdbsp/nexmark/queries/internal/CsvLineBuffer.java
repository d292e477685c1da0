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
 * <p>Longs are written digit by digit and ASCII text byte by byte, so a line costs no string, no
 * {@code StringBuilder} and no charset encoder; text with other characters, or a field that needs quoting, takes
 * a slower path. Text that is not valid UTF-16 (an unpaired surrogate) is refused with a
 * {@link java.nio.charset.CharacterCodingException}, as a {@code Writer} over a strict UTF-8 encoder would.
 */
final class CsvLineBuffer {
    /** {@code POWERS_OF_TEN[d]} = 10^d, the smallest number of d + 1 digits. */
    private static final long[] POWERS_OF_TEN = new long[19];
    /** The tens and ones digit of each number below 100. */
    private static final byte[] DIGIT_TENS = new byte[100];
    private static final byte[] DIGIT_ONES = new byte[100];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int d = 1; d < POWERS_OF_TEN.length; d++) {
            POWERS_OF_TEN[d] = POWERS_OF_TEN[d - 1] * 10;
        }
        for (int i = 0; i < 100; i++) {
            DIGIT_TENS[i] = (byte) ('0' + i / 10);
            DIGIT_ONES[i] = (byte) ('0' + i % 10);
        }
    }

    private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder();
    private byte[] bytes;
    private int length;

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

    /** Appends {@code v} in decimal. */
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
        int digits = 1;
        while (digits < POWERS_OF_TEN.length && v >= POWERS_OF_TEN[digits]) {
            digits++;
        }
        int at = length + digits;
        length = at;
        while (v >= 100) {
            int pair = (int) (v % 100);
            v /= 100;
            bytes[--at] = DIGIT_ONES[pair];
            bytes[--at] = DIGIT_TENS[pair];
        }
        int last = (int) v;
        bytes[--at] = DIGIT_ONES[last];
        if (last >= 10) {
            bytes[--at] = DIGIT_TENS[last];
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
        ensure(n);
        int start = length;
        for (int i = 0; i < n; i++) {
            char c = field.charAt(i);
            if (c >= 0x80 || c == ',' || c == '"' || c == '\n' || c == '\r') {
                length = start;
                appendFieldSlowly(field);
                return;
            }
            bytes[start + i] = (byte) c;
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
