package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.IntStream;

import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.model.Bid;
import org.junit.jupiter.api.Test;

class Q5Test {
    private static final Q5 Q = new Q5();
    /** A multiple of 10 s, so windows start at B + multiples of 2 s. */
    private static final long B = 1_000_000;

    private static Bid bid(long auction, long time) {
        return new Bid(auction, 2001, 100, "Google", "https://x", time, "e");
    }

    private static Q5.Row row(long auction, long num) {
        return new Q5.Row(auction, num);
    }

    @Test
    void emitsTheHottestAuctionsOfEachWindowWhenTheWatermarkPassesItsEnd() {
        try (QueryCircuit<Q5.Row> q = QueryCircuit.start(Q)) {
            // Step 1: watermark B - 2 s closes no window holding these bids.
            q.push(bid(1, B + 1_000));
            q.push(bid(2, B + 1_500));
            q.push(bid(2, B + 1_999));
            q.push(bid(1, B + 2_000)); // exactly at the end of [B - 8 s, B + 2 s): not in it
            q.push(bid(3, B + 2_000));
            q.step();
            assertTrue(q.delta().isEmpty(), q.delta().toString());
            // Step 2: watermark B + 6 s closes [B - 8 s, B + 2 s) (auction 2 alone on top with 2 bids),
            // [B - 6 s, B + 4 s) and [B - 4 s, B + 6 s) (auctions 1 and 2 tie with 2 bids each).
            q.push(bid(9, B + 10_000));
            q.step();
            assertEquals(Map.of(row(2, 2), 3L, row(1, 2), 2L), q.delta().toMap());
            // Step 3: a bid at B + 5 s is below the watermark (B + 6 s): dropped, it would have made auction 1
            // the only hottest. Watermark B + 10 s closes [B - 2 s, B + 8 s) and [B, B + 10 s): three-way ties.
            q.push(bid(1, B + 5_000));
            q.push(bid(3, B + 6_000));
            q.push(bid(9, B + 14_000));
            q.step();
            assertEquals(Map.of(row(1, 2), 2L, row(2, 2), 2L, row(3, 2), 2L), q.delta().toMap());
            // Step 4: deleting the bid at B + 10 s (not late: at the watermark) before its windows close.
            q.push(bid(9, B + 10_000), -1);
            q.step();
            assertTrue(q.delta().isEmpty(), "a deletion does not move the watermark");
            // The end of input closes [B + 2 s, B + 12 s) .. [B + 14 s, B + 24 s).
            q.finish();
            assertEquals(Map.of(row(3, 2), 1L, row(3, 1), 2L, row(9, 1), 5L), q.delta().toMap());
            assertEquals(Map.of(row(1, 2), 4L, row(2, 2), 5L, row(3, 2), 3L, row(3, 1), 2L, row(9, 1), 5L),
                    q.integral().toMap());
            q.delta().forEach((r, w) -> assertTrue(w > 0, "final windows never retract"));
        }
    }

    @Test
    void windowStateIsForgottenOnceTheWatermarkPassesIt() {
        // 400 s of bids on 50 auctions, 20 per second, in steps of 1 s
        long maxState = QueryHarness.maxStateTuples(Q, QueryOptions.defaults(), 400, s -> IntStream.range(0, 20)
                .mapToObj(i -> bid(i % 50, B + s * 1_000L + i * 50L)).toList());
        // at any time: the counts of the ~7 open windows (at most 50 auctions each), their rows in the
        // traces of the closing steps, and the maxima; without GC the traces would keep every window
        assertTrue(maxState < 1_000, "live state " + maxState + " tuples for 8,000 bids");
    }

    @Test
    void matchesSql() {
        GeneratorConfig config = GeneratorConfig.builder().maxEvents(QueryHarness.ORACLE_EVENTS).firstEventRate(200).build();
        QueryHarness.assertMatchesSql(Q, QueryHarness.events(config), """
                WITH windowed AS (
                  SELECT auction, (dateTime // 2000) * 2000 - k * 2000 AS starttime
                  FROM bid, range(0, 5) AS r(k)),
                counts AS (SELECT auction, starttime, count(*) AS num FROM windowed GROUP BY auction, starttime),
                maxs AS (SELECT starttime, max(num) AS maxn FROM counts GROUP BY starttime)
                SELECT c.auction, c.num FROM counts c JOIN maxs m ON c.starttime = m.starttime AND c.num >= m.maxn
                """, QueryOptions.defaults());
    }

    /**
     * The order q5 sorts a window's rows by (each step that closes windows) is the rows' own order, with the
     * auction as a long prefix, so a sort compares rows only where two share an auction: against the natural
     * order, which calls {@code compareTo} about n log n times.
     */
    @Test
    void rowsSortByTheAuctionAsAPrefixInTheirOwnOrder() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        java.util.concurrent.atomic.AtomicLong ties = new java.util.concurrent.atomic.AtomicLong();
        java.util.Comparator<Q5.Row> counted = org.jdbsp.zset.Orders.byLong(Q5.Row::auction, (a, b) -> {
            ties.incrementAndGet();
            return Q5.Row.ORDER.compare(a, b);
        });
        org.jdbsp.zset.spi.BatchBuilder rows = new org.jdbsp.zset.spi.BatchBuilder(
                org.jdbsp.zset.Layout.indexed(org.jdbsp.zset.ColumnKind.LONG, null, org.jdbsp.zset.ColumnKind.OBJECT, counted));
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            Q5.Row a = row(random.nextLong(1_000_000), random.nextLong(1, 50));
            Q5.Row b = random.nextInt(4) == 0 ? row(a.auction(), random.nextLong(1, 50)) : row(random.nextLong(1_000_000), 3);
            assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(Q5.Row.ORDER.compare(a, b)), a + " vs " + b);
            rows.addLong(B, a, 1);
        }
        ties.set(0);
        org.jdbsp.zset.spi.Batch sorted = rows.build();
        assertTrue(ties.get() < n / 20, "row comparisons to sort " + n + " rows of one window: " + ties.get());
        for (int i = 1; i < sorted.size; i++) {
            assertTrue(((Q5.Row) sorted.value(i - 1)).compareTo((Q5.Row) sorted.value(i)) < 0, "sorted by auction, then count");
        }
    }
}
