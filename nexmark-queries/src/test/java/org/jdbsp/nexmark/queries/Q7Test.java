package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.IntStream;

import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.model.Bid;
import org.junit.jupiter.api.Test;

class Q7Test {
    private static final Q7 Q = new Q7();
    /** A multiple of 10 s: a window starts there. */
    private static final long B = 1_000_000;

    private static Bid bid(long auction, long price, long time) {
        return new Bid(auction, 3000 + auction, price, "Google", "https://x", time, "e" + auction);
    }

    private static Q7.Row row(Bid b) {
        return new Q7.Row(b.auction(), b.price(), b.bidder(), b.dateTime(), b.extra());
    }

    @Test
    void emitsTheBidsAtEachWindowsMaximumIncludingOneExactlyAtItsEnd() {
        Bid a1 = bid(1, 50, B + 100);
        Bid a2 = bid(2, 70, B + 5_000);
        Bid a3 = bid(3, 70, B + 9_999);
        Bid a4 = bid(4, 70, B + 10_000);
        Bid a5 = bid(5, 30, B + 14_000);
        Bid a6 = bid(6, 70, B + 10_000);
        Bid a7 = bid(7, 70, B + 9_000);
        Bid a8 = bid(8, 20, B + 25_000);
        Bid a9 = bid(9, 70, B + 20_000);
        try (QueryCircuit<Q7.Row> q = QueryCircuit.start(Q)) {
            // Step 1: watermark B + 6 s, no window closed.
            q.push(a1);
            q.push(a2);
            q.push(a3);
            q.push(a4);
            q.step();
            assertTrue(q.delta().isEmpty(), q.delta().toString());
            // Step 2: watermark B + 10 s closes [B, B + 10 s) with maximum 70: the tie a2, a3 and a4, which
            // lies in the next window but at this one's end (BETWEEN is inclusive).
            q.push(a5);
            q.step();
            assertEquals(Map.of(row(a2), 1L, row(a3), 1L, row(a4), 1L), q.delta().toMap());
            // Step 3: a6 at the watermark (B + 10 s) still meets the closed window's maximum; a7, below the
            // watermark, does not count in the maximum but meets it; deleting a3 retracts its row.
            q.push(a6);
            q.push(a7);
            q.push(a3, -1);
            q.step();
            assertEquals(Map.of(row(a6), 1L, row(a7), 1L, row(a3), -1L), q.delta().toMap());
            // Step 4: watermark B + 21 s closes [B + 10 s, B + 20 s): maximum 70 of a4 and a6 (a7 was late).
            q.push(a8);
            q.step();
            assertEquals(Map.of(row(a4), 1L, row(a6), 1L), q.delta().toMap());
            // Step 5: a9 at B + 20 s is later than the watermark and the maximum of the window ending at its
            // time is forgotten: no row (the deviation from an unbounded join, documented in Q7).
            q.push(a9);
            q.step();
            assertTrue(q.delta().isEmpty(), q.delta().toString());
            // The end of input closes [B + 20 s, B + 30 s): only a8 (a9 was late), maximum 20.
            q.finish();
            assertEquals(Map.of(row(a8), 1L), q.delta().toMap());
            assertEquals(Map.of(row(a2), 1L, row(a4), 2L, row(a6), 2L, row(a7), 1L, row(a8), 1L), q.integral().toMap());
        }
    }

    @Test
    void bidsAreForgottenOnceTheWatermarkPassesTheirWindows() {
        // 400 s of bids, 20 per second, in steps of 1 s
        long maxState = QueryHarness.maxStateTuples(Q, QueryOptions.defaults(), 400, s -> IntStream.range(0, 20)
                .mapToObj(i -> bid(i, 100 + (s * 7L + i * 13L) % 97, B + s * 1_000L + i * 50L)).toList());
        // at any time: the bids of about two windows (keyed by end) and their maxima
        assertTrue(maxState < 1_000, "live state " + maxState + " tuples for 8,000 bids");
    }

    @Test
    void matchesSql() {
        // 100 events/s: 50,000 events span 500 s (50 windows), every event time a multiple of 10 ms, so
        // bids fall exactly on window ends
        GeneratorConfig config = GeneratorConfig.builder().maxEvents(QueryHarness.ORACLE_EVENTS).firstEventRate(100).build();
        QueryHarness.assertMatchesSql(Q, QueryHarness.events(config), """
                WITH maxima AS (
                  SELECT (dateTime // 10000) * 10000 + 10000 AS window_end, max(price) AS maxprice
                  FROM bid GROUP BY 1)
                SELECT B.auction, B.price, B.bidder, B.dateTime, B.extra
                FROM bid B JOIN maxima B1 ON B.price = B1.maxprice
                WHERE B.dateTime BETWEEN B1.window_end - 10000 AND B1.window_end
                """, QueryOptions.defaults());
    }
}
