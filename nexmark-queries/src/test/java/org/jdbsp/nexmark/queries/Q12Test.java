package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Event;
import org.junit.jupiter.api.Test;

class Q12Test {
    private static final Q12 Q = new Q12();
    private static final long B = 1_700_000_000_000L;

    private static Bid bid(long bidder, long eventTime) {
        return new Bid(1001, bidder, 100, "Google", "https://x", eventTime, "e");
    }

    private static Q11.Row row(long bidder, long count, long start) {
        return new Q11.Row(bidder, count, start, start + 10_000);
    }

    @Test
    void countsPerProcessingTimeWindowReadingTheClockOncePerStep() {
        AtomicLong now = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        QueryOptions options = QueryOptions.defaults().withProcessingClock(() -> {
            reads.incrementAndGet();
            return now.get();
        });
        try (QueryCircuit<Q11.Row> q = QueryCircuit.start(Q, options, CircuitConfig.defaults(), true)) {
            // Step 1 at B + 9 s: event times do not matter.
            now.set(B + 9_000);
            q.push(bid(7, 5));
            q.push(bid(7, 99_999_999));
            q.push(bid(8, 0));
            q.step();
            assertTrue(q.delta().isEmpty(), q.delta().toString());
            // Step 2 at B + 9.999 s: the window [B, B + 10 s) is still open.
            now.set(B + 9_999);
            q.push(bid(7, 1));
            q.step();
            assertTrue(q.delta().isEmpty(), q.delta().toString());
            // Step 3 at B + 10 s closes it; this step's bid belongs to the next window.
            now.set(B + 10_000);
            q.push(bid(8, 2));
            q.step();
            assertEquals(Map.of(row(7, 3, B), 1L, row(8, 1, B), 1L), q.delta().toMap());
            // Step 4: the clock goes back to B + 5 s; time stays at B + 10 s. A bid inserted and deleted in
            // the same window cancels.
            now.set(B + 5_000);
            q.push(bid(7, 3));
            q.push(bid(9, 4));
            q.step();
            now.set(B + 12_000);
            q.push(bid(9, 4), -1);
            q.step();
            assertTrue(q.delta().isEmpty(), q.delta().toString());
            // Step 6 at B + 35 s, without bids, closes [B + 10 s, B + 20 s).
            now.set(B + 35_000);
            q.step();
            assertEquals(Map.of(row(7, 1, B + 10_000), 1L, row(8, 1, B + 10_000), 1L), q.delta().toMap());
            assertEquals(6, reads.get(), "one clock reading per step");
            // The end of input closes the window of the last bid.
            now.set(B + 36_000);
            q.push(bid(7, 5));
            q.finish();
            assertEquals(Map.of(row(7, 1, B + 30_000), 1L), q.delta().toMap());
            assertEquals(8, reads.get(), "finish() runs two steps");
            assertEquals(5, q.integral().size());
        }
    }

    /**
     * The oracle gives every bid the processing time of the step that carries it, computed in SQL from its
     * position in the input: with the test clock, the n-th reading (0-based, one per step) is
     * {@code B + n * ADVANCE}, and the event at position i is in step {@code i / batchSize}.
     */
    @Test
    void matchesSql() {
        long advance = 3_700;
        List<Event> events = QueryHarness.events(QueryHarness.ORACLE_EVENTS);
        try (SqlOracle oracle = SqlOracle.load(events)) {
            oracle.addEventOrder(events);
            for (int batchSize : new int[] {1_000, 7_000, 50_000}) {
                TreeMap<String, Long> expected = oracle.rows("""
                        WITH stamped AS (
                          SELECT b.bidder, %d + %d * (o.seq // %d) AS p_time
                          FROM bid b JOIN event_order o ON o.kind = 'bid' AND o.kind_row = b.rowid)
                        SELECT bidder, count(*) AS bid_count, (p_time // 10000) * 10000 AS starttime,
                               (p_time // 10000) * 10000 + 10000 AS endtime
                        FROM stamped GROUP BY bidder, p_time // 10000
                        """.formatted(B, advance, batchSize));
                assertFalse(expected.isEmpty());
                long bids = events.stream().filter(e -> e instanceof Bid).count();
                assertEquals(Map.of(Long.toString(bids), 1L),
                        oracle.rows("SELECT count(*) FROM bid b JOIN event_order o ON o.kind = 'bid' AND o.kind_row = b.rowid"),
                        "every bid found its position in the input");
                long[] readings = {0};
                QueryOptions options = QueryOptions.defaults().withProcessingClock(() -> B + advance * readings[0]++);
                TreeMap<String, Long> actual = QueryHarness.run(Q, events, batchSize, options);
                QueryHarness.assertSameLines("q12 with batches of " + batchSize, expected, actual);
            }
        }
    }
}
