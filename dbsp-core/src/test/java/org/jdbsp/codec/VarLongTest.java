package org.jdbsp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link ByteSink#writeVarLong} writes the documented zigzag varint for values of every magnitude (its shortcut for
 * varints of up to 8 bytes included), and {@link ByteSource#copyVarLong} copies exactly those bytes, at any distance
 * from the end of the source.
 */
class VarLongTest {
    /** The format as documented, written one 7-bit group at a time. */
    private static byte[] documented(long v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long z = (v << 1) ^ (v >> 63);
        while (Long.compareUnsigned(z, 0x80) >= 0) {
            out.write((int) (z & 0x7F) | 0x80);
            z >>>= 7;
        }
        out.write((int) z);
        return out.toByteArray();
    }

    private static long[] values() {
        long[] v = new long[64 * 6 * 2];
        int n = 0;
        for (int k = 0; k < 64; k++) {
            for (long d = -1; d <= 1; d++) {
                v[n++] = (1L << k) + d;
                v[n++] = -(1L << k) + d;
                v[n++] = ((1L << k) - 1) * 3 + d;
                v[n++] = ~((1L << k) - 1) + d;
            }
        }
        return Arrays.copyOf(v, n);
    }

    @Test
    void everyMagnitudeIsWrittenAsDocumented() {
        ByteSink sink = new ByteSink(16);
        for (long v : values()) {
            sink.clear();
            sink.writeByte(0x5A); // not at the start of the array
            sink.writeVarLong(v);
            byte[] expected = documented(v);
            byte[] got = Arrays.copyOfRange(sink.contents().array(), 1, sink.size());
            assertArrayEquals(expected, got, "value " + v);
            assertEquals(v, new ByteSource(ByteBuffer.wrap(got)).readVarLong(), "value " + v);
        }
    }

    @Test
    void copyingAVarintCopiesItsBytesWhateverFollows() {
        for (long v : values()) {
            byte[] expected = documented(v);
            for (int after = 0; after <= 9; after++) { // 0..9 bytes after it: the 8-byte read and the byte-wise path
                byte[] in = Arrays.copyOf(expected, expected.length + after);
                Arrays.fill(in, expected.length, in.length, (byte) 0xFF);
                ByteSource source = new ByteSource(ByteBuffer.wrap(in));
                ByteSink out = new ByteSink(16);
                source.copyVarLong(out);
                assertEquals(after, source.remaining(), "value " + v + ", " + after + " bytes after");
                assertArrayEquals(expected, Arrays.copyOf(out.contents().array(), out.size()), "value " + v);
            }
        }
    }
}
