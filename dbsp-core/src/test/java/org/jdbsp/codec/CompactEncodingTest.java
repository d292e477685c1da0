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
        assertTrue(sink.size() - first <= 2, "a repeat is a reference: " + (sink.size() - first) + " bytes");
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
        sink.writeString("abc");
        assertEquals(4, sink.size(), "a length byte and three ASCII bytes");
    }
}
