package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.IntStream;

import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.model.Bid;
import org.junit.jupiter.api.Test;

class Q11Test {
    private static final Q11 Q = new Q11();
    private static final long B = 1_000_000;

    private static Bid bid(long bidder, long time) {
        return new Bid(1001, bidder, 100, "Google", "https://x", time, "e");
    }

    private static Q11.Row row(long bidder, long count, long start, long end) {
        return new Q11.Row(bidder, count, start, end);
    }

    @Test
    void emitsEachSessionOnceTheWatermarkRulesOutABidThatCouldJoinIt() {
        try (QueryCircuit<Q11.Row> q = QueryCircuit.start(Q)) {
            // Step 1: watermark B.
            q.push(bid(7, B));
            q.push(bid(7, B + 4_000));
            q.push(bid(8, B + 1_000));
            q.push(bid(8, B + 1_000)); // two bids in the same millisecond
            q.step();
            assertTrue(q.delta().isEmpty(), q.delta().toString());
            // Step 2: bidder 7 bids exactly 10 s after its last bid: the same session. Watermark B + 10 s.
            q.push(bid(7, B + 14_000));
            q.step();
            assertTrue(q.delta().isEmpty(), q.delta().toString());
            // Step 3: watermark B + 11 s = the end of bidder 8's session, where a bid could still join it.
            q.push(bid(9, B + 15_000));
            q.step();
            assertTrue(q.delta().isEmpty(), "a bid at B + 11 s would still join bidder 8's session");
            // Step 4: watermark B + 11.001 s closes it.
            q.push(bid(9, B + 15_001));
            q.step();
            assertEquals(Map.of(row(8, 2, B + 1_000, B + 11_000), 1L), q.delta().toMap());
            // Step 5: a late bid of bidder 8 (it would have joined the closed session) is dropped; bidder 8
            // starts a new session; bidder 7 again bids exactly 10 s after its last bid; bidder 9's bids are
            // deleted before their session closes. Watermark B + 20 s.
            q.push(bid(8, B + 10_500));
            q.push(bid(8, B + 20_000));
            q.push(bid(7, B + 24_000));
            q.push(bid(9, B + 15_000), -1);
            q.push(bid(9, B + 15_001), -1);
            q.step();
            assertTrue(q.delta().isEmpty(), q.delta().toString());
            q.finish();
            assertEquals(Map.of(row(7, 4, B, B + 34_000), 1L, row(8, 1, B + 20_000, B + 30_000), 1L), q.delta().toMap());
            assertEquals(3, q.integral().size());
        }
    }

    @Test
    void sessionStateIsForgottenOnceTheWatermarkPassesIt() {
        // 400 s: each second 20 bids; a bidder bids once a second for 3 s, then never again
        long maxState = QueryHarness.maxStateTuples(Q, QueryOptions.defaults(), 400, s -> IntStream.range(0, 20)
                .mapToObj(i -> bid(3_000 + (s / 3) * 20L + i, B + s * 1_000L + i * 50L)).toList());
        // at any time: the bidders of the last ~15 s (10 s gap + 4 s watermark delay), 3 bid times each
        assertTrue(maxState < 1_000, "live state " + maxState + " tuples for 8,000 bids");
    }

    @Test
    void matchesSql() {
        // 50 events/s: 50,000 events span 1,000 s, and 5 times a bidder bids exactly 10 s after its last bid
        GeneratorConfig config = GeneratorConfig.builder().maxEvents(QueryHarness.ORACLE_EVENTS).firstEventRate(50).build();
        QueryHarness.assertMatchesSql(Q, QueryHarness.events(config), """
                WITH flagged AS (
                  SELECT bidder, dateTime,
                         CASE WHEN dateTime - lag(dateTime) OVER (PARTITION BY bidder ORDER BY dateTime) <= 10000
                              THEN 0 ELSE 1 END AS is_new
                  FROM bid),
                numbered AS (
                  SELECT bidder, dateTime, sum(is_new) OVER (PARTITION BY bidder ORDER BY dateTime) AS session
                  FROM flagged)
                SELECT bidder, count(*) AS bid_count, min(dateTime) AS starttime, max(dateTime) + 10000 AS endtime
                FROM numbered GROUP BY bidder, session
                """, QueryOptions.defaults());
    }

    /**
     * q11's (bidder, time) pairs of a step are sorted by a long prefix: a step of 20,000 bids of hot bidders
     * compares whole pairs only for the few with equal prefixes (the natural order compared pairs about
     * n log n times), and the order is the pairs' own order wherever the prefixes tie.
     */
    @Test
    void aStepsBidderTimePairsSortByTheirLongPrefix() {
        java.util.concurrent.atomic.AtomicLong comparisons = new java.util.concurrent.atomic.AtomicLong();
        java.util.Comparator<Q11.BidderTime> order = Q11.timesOrder((a, b) -> {
            comparisons.incrementAndGet();
            return a.compareTo(b);
        });
        org.jdbsp.zset.spi.BatchBuilder b = new org.jdbsp.zset.spi.BatchBuilder(org.jdbsp.zset.Layout.zset(order));
        java.util.Random r = new java.util.Random(11);
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            // a few hot bidders, bids a millisecond or so apart, some repeated
            b.add(new Q11.BidderTime(1_000 + r.nextInt(50), B + i / 3), 1);
        }
        org.jdbsp.zset.spi.Batch sorted = b.build();
        assertTrue(comparisons.get() < n / 2, "pair comparisons while sorting " + n + " pairs: " + comparisons.get());
        for (int i = 1; i < sorted.size; i++) {
            assertTrue(order.compare((Q11.BidderTime) sorted.key(i - 1), (Q11.BidderTime) sorted.key(i)) < 0,
                    "sorted and consolidated");
        }
    }
}
