package org.jdbsp.storage.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.jdbsp.codec.Codec;
import org.jdbsp.codec.Codecs;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch files of Nexmark-like bids are compact (repeated strings from the file's table, varint ids, packed key,
 * weight and offset columns) and still read back exactly, seek and detect damage.
 */
@Timeout(60)
class BatchFileCompactnessTest {
    /** The shape of a Nexmark bid. */
    record Bid(long auction, long bidder, long price, String channel, String url, long dateTime, String extra) {}

    /** Pair keys as q18 keeps them. */
    record Pair(long bidder, long auction) {}

    private static final Comparator<Object> BID_ORDER = Comparator.comparingLong((Object o) -> ((Bid) o).dateTime())
            .thenComparingLong(o -> ((Bid) o).bidder()).thenComparing(o -> ((Bid) o).extra());
    private static final Comparator<Object> PAIR_ORDER = Comparator.comparingLong((Object o) -> ((Pair) o).bidder())
            .thenComparingLong(o -> ((Pair) o).auction());
    private static final Codec<Bid> BID = Codecs.defaults().codecFor(Bid.class);
    private static final String[] HOT = {"Google", "Facebook", "Baidu", "Apple"};
    private static final int BIDS = 20_000;

    @TempDir
    Path dir;

    /**
     * Bids as the generator makes them: half on 4 hot channels, half on cold channels with their URLs (500 here, so
     * that each repeats in a file of 20,000 bids as the generator's 10,000 do in a large file), an extra of about
     * 68 random letters.
     */
    private static Bid[] bids(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        char[] pool = new char[1 << 16];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = (char) ('H' + r.nextInt(51));
        }
        String poolText = new String(pool);
        String[] urls = new String[500];
        for (int c = 0; c < urls.length; c++) {
            urls[c] = "https://www.nexmark.com/" + poolText.substring(c, c + 5) + "/" + poolText.substring(c + 7, c + 12)
                    + "/item.htm?query=1&channel_id=" + Integer.reverse(c);
        }
        Bid[] bids = new Bid[BIDS];
        long time = 1_436_918_400_000L;
        for (int i = 0; i < BIDS; i++) {
            int hot = r.nextInt(HOT.length);
            int cold = r.nextInt(urls.length);
            boolean isHot = r.nextBoolean();
            int length = 55 + r.nextInt(28);
            int at = r.nextInt(pool.length - length);
            bids[i] = new Bid(1000 + r.nextInt(4000), 2000 + r.nextInt(8000), Math.round(Math.pow(10, r.nextDouble() * 6) * 100),
                    isHot ? HOT[hot] : "channel-" + cold, isHot ? urls[hot] : urls[cold], time + i / 10,
                    poolText.substring(at, at + length));
        }
        return bids;
    }

    private static double averageExtra(Bid[] bids) {
        long chars = 0;
        for (Bid b : bids) {
            chars += b.extra().length();
        }
        return (double) chars / bids.length;
    }

    /** The average bytes of the bids' extras packed at 6 bits a char, with a 2-byte header and the least char. */
    private static double packedExtra(Bid[] bids) {
        return averageExtra(bids) * 6 / 8 + 3;
    }

    @Test
    void bidsByAuctionTakeLittleMoreThanTheirExtra() {
        Bid[] bids = bids(1);
        Layout layout = Layout.indexed(ColumnKind.LONG, null, ColumnKind.OBJECT, BID_ORDER);
        BatchBuilder b = new BatchBuilder(layout);
        for (Bid bid : bids) {
            b.addLong(bid.auction(), bid, 1);
        }
        Batch batch = b.build();
        BatchFileInfo info = BatchFileWriter.write(dir, batch, null, BID);
        double perBid = (double) info.bytes() / batch.size;
        // the extra at 6 bits a char (51 distinct chars, otherwise random) with its header, plus at most 30 bytes for
        // everything else
        assertTrue(perBid <= packedExtra(bids) + 30, perBid + " bytes per bid, extra " + averageExtra(bids));
        BatchFile file = BatchFile.open(info.path(), layout, null, BID);
        for (int i = 0; i < batch.size; i++) {
            assertEquals(batch.longKeys[i], file.longKey(i));
            assertEquals(batch.objValues[i], file.value(i));
            assertEquals(1, file.weight(i));
        }
        for (int i = 0; i < batch.size; i += 97) {
            int first = file.seekLongKey(0, batch.longKeys[i]);
            assertEquals(batch.longKeys[i], file.longKey(first));
            assertTrue(first == 0 || file.longKey(first - 1) < batch.longKeys[i]);
        }
    }

    @Test
    void bidsByPairKeyTakeLittleMoreThanTheirExtra() {
        Bid[] bids = bids(2);
        Layout layout = Layout.indexed(ColumnKind.OBJECT, PAIR_ORDER, ColumnKind.OBJECT, BID_ORDER);
        BatchBuilder b = new BatchBuilder(layout);
        for (Bid bid : bids) {
            b.add(new Pair(bid.bidder(), bid.auction()), bid, 1);
        }
        Batch batch = b.build();
        Codec<Pair> pair = Codecs.defaults().codecFor(Pair.class);
        BatchFileInfo info = BatchFileWriter.write(dir, batch, pair, BID);
        double perBid = (double) info.bytes() / batch.size;
        assertTrue(perBid <= packedExtra(bids) + 36, perBid + " bytes per bid, extra " + averageExtra(bids));
        BatchFile file = BatchFile.open(info.path(), layout, pair, BID);
        for (int i = 0; i < batch.size; i++) {
            assertEquals(batch.objKeys[i], file.key(i));
            assertEquals(batch.objValues[i], file.value(i));
        }
        for (int i = 0; i < batch.size; i += 101) {
            assertEquals(batch.objKeys[i], file.key(file.seekKey(0, batch.objKeys[i])));
        }
    }

    @Test
    void aDamagedTableOfRepeatedStringsIsDetectedNotDecoded() throws IOException {
        Bid[] bids = bids(3);
        Layout layout = Layout.indexed(ColumnKind.LONG, null, ColumnKind.OBJECT, BID_ORDER);
        BatchBuilder b = new BatchBuilder(layout);
        for (int i = 0; i < 3000; i++) {
            b.addLong(bids[i].auction(), bids[i], 1);
        }
        Path written = BatchFileWriter.write(dir, b.build(), null, BID).path();
        byte[] bytes = Files.readAllBytes(written);
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long table = header.getLong(80);
        long index = header.getLong(56);
        int entries = header.getInt((int) table);
        assertTrue(entries >= HOT.length, "the hot URLs and channels are in the table: " + entries);
        int at = (int) (index - 9); // inside the last entry's bytes (the table ends 8-aligned before the index)
        while (bytes[at] == 0) {
            at--;
        }
        bytes[at] ^= 0x04;
        Path damaged = dir.resolve("damaged.jbf");
        Files.write(damaged, bytes);
        CorruptFileException e = assertThrows(CorruptFileException.class,
                () -> BatchFile.open(damaged, layout, null, BID).toBatch());
        assertTrue(e.getMessage().contains(damaged.toString()), e.getMessage());
    }
}
