package org.jdbsp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.jdbsp.testing.Seeded;
import org.junit.jupiter.api.Test;

/**
 * The bytes of packed strings are exactly those the format describes ({@link ByteSink#writeString}: each unit minus the
 * least in {@code b} bits, low bits first, the last byte's unused bits zero), however the sink gathers them.
 */
class PackedLayoutTest {
    /** The packed bytes of {@code s} as the format describes them, one unit and one byte at a time. */
    private static byte[] packedByTheBook(String s, int min, int bits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int acc = 0;
        int held = 0;
        for (int i = 0; i < s.length(); i++) {
            acc |= (s.charAt(i) - min) << held;
            held += bits;
            while (held >= 8) {
                out.write(acc & 0xFF);
                acc >>>= 8;
                held -= 8;
            }
        }
        if (held > 0) {
            out.write(acc & 0xFF);
        }
        return out.toByteArray();
    }

    @Test
    void packedStringsOfEveryWidthAndLengthHaveTheBytesOfTheFormat() {
        Seeded.trials("packed bytes", 600, r -> {
            int bits = 1 + r.nextInt(7);
            int n = r.nextInt(80);
            int min = 'A' + r.nextInt(40);
            char[] units = new char[n];
            for (int i = 0; i < n; i++) {
                units[i] = (char) (min + r.nextInt(1 << bits));
            }
            if (n > 0) {
                units[0] = (char) min; // the least unit is min
            }
            String s = new String(units);
            ByteSink sink = new ByteSink(1);
            sink.writeString(s);
            ByteSource in = new ByteSource(sink.contents());
            int form = (in.readVarInt() - 1);
            assertEquals(n, form >>> 3, "length in the header of " + s);
            int b = form & 7;
            byte[] body = Arrays.copyOfRange(sink.contents().array(), sink.size() - in.remaining(), sink.size());
            if (b == 0) {
                return; // not packed (it would not save bytes): plain units, not what this test is about
            }
            int least = s.chars().min().orElseThrow();
            assertEquals(least, body[0] & 0xFF, "least unit of " + s);
            assertArrayEquals(packedByTheBook(s, least, b), Arrays.copyOfRange(body, 1, body.length), "packed units of " + s);
            assertEquals(s, new ByteSource(sink.contents()).readString());
        });
    }
}
