package org.jdbsp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jdbsp.testing.Seeded;
import org.junit.jupiter.api.Test;

/** The compact parts of the encodings: zigzag varints for long and int components, and string tables. */
class CompactEncodingTest {
    record Ids(long auction, int rank, long bidder) {}

    record Narrow(int value) {}

    record Wide(long value) {}

    private static int zigzagBytes(long v) {
        long z = (v << 1) ^ (v >> 63);
        return Math.max(1, (64 - Long.numberOfLeadingZeros(z) + 6) / 7);
    }

    private static long edgeOrRandom(SplittableRandom r) {
        long[] edges = {0, 1, -1, 63, 64, -64, -65, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE};
        switch (r.nextInt(3)) {
            case 0:
                return edges[r.nextInt(edges.length)];
            case 1:
                return r.nextLong() >> r.nextInt(64);
            default:
                return r.nextLong();
        }
    }

    @Test
    void varLongsRoundTripInAsFewBytesAsTheirMagnitudeNeeds() {
        Seeded.trials("varlong round trip", 500, r -> {
            long v = edgeOrRandom(r);
            ByteSink sink = new ByteSink(1);
            sink.writeVarLong(v);
            assertEquals(zigzagBytes(v), sink.size(), "bytes of " + v);
            assertTrue(sink.size() <= 10);
            ByteSource in = new ByteSource(sink.contents());
            assertEquals(v, in.readVarLong());
            assertEquals(0, in.remaining());
        });
    }

    @Test
    void malformedVarLongsAreRefused() {
        byte[] tooLong = new byte[11];
        java.util.Arrays.fill(tooLong, (byte) 0x80);
        assertThrows(IllegalStateException.class, () -> new ByteSource(ByteBuffer.wrap(tooLong)).readVarLong());
        byte[] overflow = {-1, -1, -1, -1, -1, -1, -1, -1, -1, 2}; // a tenth byte above 1: more than 64 bits
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ByteSource(ByteBuffer.wrap(overflow)).readVarLong());
        assertTrue(e.getMessage().contains("malformed varlong"), e.getMessage());
    }

    @Test
    void longAndIntComponentsAreVarintsSoSmallIdsTakeFewBytes() {
        Codec<Ids> codec = Codecs.defaults().codecFor(Ids.class);
        Seeded.trials("record of ids", 300, r -> {
            Ids ids = new Ids(edgeOrRandom(r), (int) edgeOrRandom(r), edgeOrRandom(r));
            ByteSink sink = new ByteSink(1);
            codec.encode(ids, sink);
            assertEquals(zigzagBytes(ids.auction()) + zigzagBytes(ids.rank()) + zigzagBytes(ids.bidder()), sink.size(),
                    "bytes of " + ids);
            ByteSource in = new ByteSource(sink.contents());
            assertEquals(ids, codec.decode(in));
            assertEquals(0, in.remaining());
        });
        assertTrue(codec.identity().contains("varint-long auction") && codec.identity().contains("varint-int rank"),
                "the identity tells the encoding (files written with fixed-width longs are refused): " + codec.identity());
    }

    @Test
    void anIntComponentOutOfRangeIsRefused() {
        ByteSink sink = new ByteSink(1);
        Codecs.defaults().codecFor(Wide.class).encode(new Wide(1L << 40), sink);
        ByteSource in = new ByteSource(sink.contents());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Codecs.defaults().codecFor(Narrow.class).decode(in));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    /** A string table of a test: every string of at least 2 chars enters at its first sighting. */
    private static final class Table {
        final Map<String, Integer> indexes = new HashMap<>();
        final List<String> strings = new ArrayList<>();

        int indexOf(String s) {
            if (s.length() < 2) {
                return -1;
            }
            return indexes.computeIfAbsent(s, k -> {
                strings.add(k);
                return strings.size() - 1;
            });
        }

        String get(int index) {
            if (index < 0 || index >= strings.size()) {
                throw new IllegalStateException("no string " + index);
            }
            return strings.get(index);
        }
    }

    @Test
    void stringsWrittenWithATableReadBackWithTheTableAndRepeatsAreShort() {
        Codec<String> codec = Codecs.defaults().codecFor(String.class);
        Seeded.trials("strings with a table", 100, r -> {
            Table table = new Table();
            ByteSink sink = new ByteSink(1);
            sink.stringTable(table::indexOf);
            List<String> written = new ArrayList<>();
            String[] pool = new String[5];
            for (int k = 0; k < pool.length; k++) {
                pool[k] = CodecRoundTripTest.randomString(r);
            }
            for (int k = 0; k < 50; k++) {
                String s = r.nextBoolean() ? pool[r.nextInt(pool.length)] : CodecRoundTripTest.randomString(r);
                written.add(s);
                codec.encode(s, sink);
            }
            ByteSource in = new ByteSource(sink.contents()).stringTable(table::get);
            for (String s : written) {
                assertEquals(s, codec.decode(in));
            }
            assertEquals(0, in.remaining());
        });
        Table table = new Table();
        ByteSink sink = new ByteSink(1);
        sink.stringTable(table::indexOf);
        String url = "https://www.nexmark.com/abc/def/item.htm?query=1&channel_id=1234567";
        sink.writeString(url);
        int first = sink.size();
        sink.writeString(url);
        assertEquals(1, sink.size() - first, "a repeat is a reference, one byte for the first 64 entries");
        sink.writeString(null);
        sink.writeString("");
        ByteSource in = new ByteSource(sink.contents()).stringTable(table::get);
        assertEquals(url, in.readString());
        assertEquals(url, in.readString());
        assertNull(in.readString());
        assertEquals("", in.readString());
    }

    @Test
    void withoutATableStringsKeepTheirPlainEncoding() {
        ByteSink sink = new ByteSink(1);
        sink.writeString("a~A"); // too few chars over too wide a range to pack
        assertEquals(4, sink.size(), "a length byte and three ASCII bytes");
        sink.clear();
        sink.writeString("abcabc");
        assertEquals(1 + 1 + 2, sink.size(), "a length byte, the least char, six chars of 2 bits");
    }

    /** A string of {@code n} chars drawn from {@code width} consecutive chars from {@code base}. */
    private static String window(SplittableRandom r, int n, int base, int width) {
        char[] chars = new char[n];
        for (int k = 0; k < n; k++) {
            chars[k] = (char) (base + r.nextInt(width));
        }
        return new String(chars);
    }

    @Test
    void stringsOfFewDistinctCharsArePackedIntoFewBitsAndRoundTrip() {
        Codec<String> codec = Codecs.defaults().codecFor(String.class);
        Seeded.trials("packed strings", 500, r -> {
            int width = 1 + r.nextInt(r.nextBoolean() ? 128 : 300);
            int base = r.nextInt(Math.max(1, 257 - width));
            String s = window(r, r.nextInt(r.nextBoolean() ? 20 : 300), base, width);
            Table table = new Table();
            ByteSink plain = new ByteSink(1);
            ByteSink tabled = new ByteSink(1);
            tabled.stringTable(k -> r.nextInt(4) == 0 ? table.indexOf(k) : -1);
            codec.encode(s, plain);
            codec.encode(s, tabled);
            ByteSource in = new ByteSource(plain.contents());
            assertEquals(s, codec.decode(in));
            assertEquals(0, in.remaining());
            ByteSource tabledIn = new ByteSource(tabled.contents()).stringTable(table::get);
            assertEquals(s, codec.decode(tabledIn));
            assertEquals(0, tabledIn.remaining());
            int n = s.length();
            int min = n == 0 ? 0 : s.chars().min().getAsInt();
            int max = n == 0 ? 0 : s.chars().max().getAsInt();
            int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, max - min));
            int h = 1 + 8 * n + bits;
            int header = h < 1 << 7 ? 1 : h < 1 << 14 ? 2 : 3;
            if (max < 0x100 && bits < 8 && n > 16) {
                assertTrue(plain.size() <= header + 1 + (n * bits + 7) / 8,
                        n + " chars in a window of " + (max - min + 1) + " take " + plain.size() + " bytes");
            }
        });
    }

    @Test
    void bidExtrasTakeSixBitsACharAndLowerCaseFive() {
        SplittableRandom r = new SplittableRandom(7);
        String extra = window(r, 68, 'H', 'z' - 'H' + 1); // the generator's extras: 51 chars from 'H' to 'z'
        ByteSink sink = new ByteSink(1);
        sink.writeString(extra);
        assertEquals(2 + 1 + 51, sink.size(), "header, least char, 68 x 6 bits");
        String lower = window(r, 100, 'a', 26);
        sink.clear();
        sink.writeString(lower);
        assertEquals(2 + 1 + 63, sink.size(), "header, least char, 100 x 5 bits");
        ByteSource in = new ByteSource(sink.contents());
        assertEquals(lower, in.readString());
    }

    @Test
    void malformedPackedStringsAreRefused() {
        ByteSink sink = new ByteSink(1);
        sink.writeString(window(new SplittableRandom(3), 40, 0xF8, 8)); // 3 bits above 0xF8
        byte[] bytes = java.util.Arrays.copyOf(sink.contents().array(), sink.size());
        byte[] shortened = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        assertThrows(IllegalStateException.class, () -> new ByteSource(ByteBuffer.wrap(shortened)).readString());
        byte[] tooHigh = bytes.clone();
        tooHigh[2] = (byte) 0xFF; // the least char: 0xFF + up to 7 is above U+00FF
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ByteSource(ByteBuffer.wrap(tooHigh)).readString());
        assertTrue(e.getMessage().contains("malformed string"), e.getMessage());
    }
}
