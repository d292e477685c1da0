package org.jdbsp.storage.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.jdbsp.codec.ByteSource;
import org.jdbsp.codec.Codec;
import org.jdbsp.codec.Codecs;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encoding shortcuts change no byte of a batch file: seeded batches of wide records (every derived component type,
 * strings of every packed width, plain, non-ASCII, Latin-1, unpaired surrogates, U+0000, empty, null, longer than
 * the string table takes, repeated as shared objects and as copies), a file of sorted string keys, and a file merged
 * by copying encoded values from two files ({@link BatchFileWriter#addTranscoded}) hash to the SHA-256 digests of the
 * files the writer produced before the shortcuts (commit fc4eb2b). A digest changes only with a format change, which
 * also changes the format version.
 */
class FormatStabilityTest {
    enum Color { RED, GREEN, BLUE }

    record Inner(String name, long n) {}

    record Wide(long a, int i, short s, byte b, char c, boolean z, float f, double d, String text, String other,
                Long boxed, Color color, byte[] raw, Inner inner, String channel) {}

    private static final Codec<Wide> WIDE = Codecs.defaults().codecFor(Wide.class);
    private static final Codec<String> STRING = Codecs.defaults().codecFor(String.class);
    private static final String[] CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};

    @TempDir
    Path dir;

    /** A string of {@code n} units drawn from {@code span} consecutive units starting at {@code from}. */
    private static String drawn(SplittableRandom r, int n, int from, int span) {
        char[] c = new char[n];
        for (int k = 0; k < n; k++) {
            c[k] = (char) (from + r.nextInt(span));
        }
        return new String(c);
    }

    private static String text(SplittableRandom r, String[] pool) {
        switch (r.nextInt(12)) {
            case 0:
                return null;
            case 1:
                return "";
            case 2:
                return pool[r.nextInt(pool.length)];
            case 3:
                return new String(pool[r.nextInt(pool.length)].toCharArray()); // a copy of a repeated string
            case 4:
                return drawn(r, 1 + r.nextInt(600), 'a', 26);
            case 5:
                return drawn(r, 1 + r.nextInt(40), '0', 10);
            case 6:
                return drawn(r, 1 + r.nextInt(80), 0x20 + r.nextInt(0x60), 1 << r.nextInt(8)); // every packed width
            case 7:
                return drawn(r, 1 + r.nextInt(30), 0xA0, 0x5F); // Latin-1 above ASCII
            case 8:
                return drawn(r, 1 + r.nextInt(20), 0x3040, 0x60) + "\u0000" + "\uD800" + "é😀";
            case 9:
                return drawn(r, 1 + r.nextInt(200), 0, 0x180);
            case 10:
                return "x".repeat(500 + r.nextInt(30)); // around the table's longest string
            default:
                return drawn(r, 3 + r.nextInt(100), 'A', 58);
        }
    }

    private static long extreme(SplittableRandom r) {
        switch (r.nextInt(5)) {
            case 0:
                return Long.MIN_VALUE + r.nextInt(3);
            case 1:
                return Long.MAX_VALUE - r.nextInt(3);
            case 2:
                return r.nextLong();
            default:
                return r.nextInt(2000) - 1000;
        }
    }

    private static Wide wide(SplittableRandom r, String[] pool) {
        byte[] raw = r.nextInt(4) == 0 ? null : new byte[r.nextInt(9)];
        if (raw != null) {
            r.nextBytes(raw);
        }
        int i = r.nextBoolean() ? r.nextInt() : r.nextInt(200) - 100;
        return new Wide(extreme(r), i, (short) r.nextInt(), (byte) r.nextInt(), (char) r.nextInt(0x10000), r.nextBoolean(),
                r.nextBoolean() ? Float.NaN : (float) r.nextGaussian(), r.nextBoolean() ? -0.0 : r.nextDouble() * 1e300,
                text(r, pool), text(r, pool), r.nextInt(3) == 0 ? null : extreme(r),
                r.nextInt(4) == 0 ? null : Color.values()[r.nextInt(3)], raw,
                r.nextInt(5) == 0 ? null : new Inner(text(r, pool), extreme(r)), CHANNELS[r.nextInt(CHANNELS.length)]);
    }

    private static String[] pool(SplittableRandom r, int n) {
        String[] pool = new String[n];
        for (int k = 0; k < n; k++) {
            pool[k] = k % 3 == 0 ? "https://www.nexmark.com/" + drawn(r, 5, 'a', 26) + "/item.htm?query=" + k
                    : k % 3 == 1 ? "channel-" + k : drawn(r, 3 + r.nextInt(12), 'a', 26);
        }
        return pool;
    }

    private BatchFileInfo wideFile(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] pool = pool(r, 400);
        try (BatchFileWriter w = BatchFileWriter.create(dir, Layout.longToObjects(), null, WIDE).trustValueOrder()) {
            for (int k = 0; k < n; k++) {
                w.addLong(k * 3L - n, wide(r, pool), r.nextInt(7) == 0 ? -2 : 1 + r.nextInt(3));
            }
            return w.finish();
        }
    }

    private static String digest(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void wideRecordsWriteTheBytesTheyAlwaysWrote() throws IOException {
        assertEquals("b0f6bc00c0685941bd433653194880e0f921442dc53df516b9a89ebc63268652", digest(wideFile(15, 6000).path()));
    }

    @Test
    void sortedStringKeysWriteTheBytesTheyAlwaysWrote() throws IOException {
        SplittableRandom r = new SplittableRandom(16);
        String[] pool = pool(r, 300);
        TreeSet<String> keys = new TreeSet<>();
        while (keys.size() < 3000) {
            String s = text(r, pool);
            if (s != null) {
                keys.add(s);
            }
        }
        BatchFileInfo info;
        try (BatchFileWriter w = BatchFileWriter.create(dir, Layout.zset(Orders.natural()), STRING, null)) {
            for (String k : keys) {
                w.add(k, 1);
            }
            info = w.finish();
        }
        assertEquals("c1c7f554d182151740682c824ab604974c2e155e760feea2f8979621fbcc7a9e", digest(info.path()));
    }

    @Test
    void valuesCopiedEncodedFromTwoFilesWriteTheBytesTheyAlwaysWrote() throws IOException {
        BatchFile first = BatchFile.open(wideFile(17, 3000).path(), Layout.longToObjects(), null, WIDE);
        BatchFile second = BatchFile.open(wideFile(18, 3000).path(), Layout.longToObjects(), null, WIDE);
        ByteSource scratch = new ByteSource(ByteBuffer.allocate(0));
        BatchFileInfo info;
        try (BatchFileWriter w = BatchFileWriter.create(dir, Layout.longToObjects(), null, WIDE).trustValueOrder()) {
            long key = 0;
            for (int k = 0; k < first.size(); k++) { // interleaved, as a merge of the two would copy them
                w.addTranscoded(key++, null, first.valueBytes(k, scratch), first.weight(k));
                w.addTranscoded(key++, null, second.valueBytes(k, scratch), second.weight(k));
            }
            info = w.finish();
        }
        assertEquals("252f7c4d97f87943f133e54b739dcd84e9740ee63abd52df3893022e621dc80e", digest(info.path()));
    }
}
