package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.Sequenced;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(300)
class Q18Test {
    private static final Q18 Q = new Q18();

    /** Flink's rule as SQL: the latest dateTime, ties to the later position in the event stream. */
    static final String ARRIVAL_SQL = "SELECT auction, bidder, price, channel, url, dateTime, extra FROM ("
            + "  SELECT b.*, ROW_NUMBER() OVER (PARTITION BY bidder, auction ORDER BY dateTime DESC, o.seq DESC)"
            + "    AS rank_number"
            + "  FROM bid b JOIN event_order o ON o.kind = 'bid' AND o.kind_row = b.rowid"
            + ") WHERE rank_number <= 1";

    /**
     * The number of pairs whose latest dateTime is shared by several bids, and of those where the later arrival
     * is not the bid the former rule (the highest price, then the least channel, url, extra) kept.
     */
    private static final String TIES_SQL = "WITH r AS (SELECT"
            + "  ROW_NUMBER() OVER (PARTITION BY bidder, auction ORDER BY dateTime DESC, o.seq DESC) AS by_arrival,"
            + "  ROW_NUMBER() OVER (PARTITION BY bidder, auction"
            + "    ORDER BY dateTime DESC, price DESC, channel, url, extra) AS by_price,"
            + "  COUNT(*) OVER (PARTITION BY bidder, auction, dateTime) AS same_time,"
            + "  dateTime = MAX(dateTime) OVER (PARTITION BY bidder, auction) AS latest"
            + "  FROM bid b JOIN event_order o ON o.kind = 'bid' AND o.kind_row = b.rowid)"
            + " SELECT COUNT(*) FILTER (WHERE by_arrival = 1 AND same_time > 1),"
            + "  COUNT(*) FILTER (WHERE by_arrival = 1 AND by_price <> 1) FROM r";

    private static Bid bid(long bidder, long auction, long price, String channel, long dateTime) {
        return new Bid(auction, bidder, price, channel, "https://u", dateTime, "x");
    }

    private static Q18.Row row(Bid b) {
        return Q18.Row.of(b);
    }

    @Test
    void keepsTheLatestBidOfEachBidderAndAuction() {
        Bid first = bid(2001, 1001, 10, "Google", 1_000);
        Bid otherAuction = bid(2001, 1002, 10, "Google", 1_000);
        Bid later = bid(2001, 1001, 5, "Google", 1_001);
        Bid sameTimeHigher = bid(2001, 1001, 7, "Google", 1_001);
        Bid older = bid(2001, 1001, 99, "Google", 999);
        Bid sameTimeLower = bid(2001, 1001, 1, "Apple", 1_001);
        try (QueryCircuit<Q18.Row> q = QueryCircuit.start(Q)) {
            q.push(first);
            q.push(otherAuction);
            q.step();
            assertEquals(Map.of(row(first), 1L, row(otherAuction), 1L), q.delta().toMap());
            q.push(later);
            q.step();
            assertEquals(Map.of(row(first), -1L, row(later), 1L), q.delta().toMap(), "the later bid wins, whatever its price");
            long higherAt = q.push(sameTimeHigher);
            q.step();
            assertEquals(Map.of(row(later), -1L, row(sameTimeHigher), 1L), q.delta().toMap(), "equal times: the later arrival");
            q.push(older);
            q.step();
            assertEquals(ZSet.empty(), q.delta(), "an older bid changes nothing, though it arrived last");
            q.pushStamped(new Sequenced<>(higherAt, sameTimeHigher), -1);
            q.step();
            assertEquals(Map.of(row(sameTimeHigher), -1L, row(later), 1L), q.delta().toMap(), "a deletion brings back the next");
            q.push(sameTimeLower);
            q.step();
            assertEquals(Map.of(row(later), -1L, row(sameTimeLower), 1L), q.delta().toMap(),
                    "equal times: the later arrival, though its price is lower");
        }
    }

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 2, 4})
    void ofBidsWithTheSameTimeTheLastArrivedWinsInOneStepOrAcrossSteps(int workers) {
        Bid high = bid(2001, 1001, 900, "Apple", 5_000);
        Bid low = bid(2001, 1001, 100, "Google", 5_000);
        Bid middle = bid(2001, 1001, 500, "Baidu", 5_000);
        CircuitConfig config = CircuitConfig.defaults().withWorkers(workers);
        try (QueryCircuit<Q18.Row> q = QueryCircuit.start(Q, QueryOptions.defaults(), config, true)) {
            q.push(high);
            q.push(low);
            q.step();
            assertEquals(Map.of(row(low), 1L), q.integral().toMap(), "pushed in one step: the second pushed wins");
            q.push(middle);
            q.step();
            assertEquals(Map.of(row(low), -1L, row(middle), 1L), q.delta().toMap(), "a later step: its bid wins");
            q.push(high);
            q.step();
            assertEquals(Map.of(row(middle), -1L, row(high), 1L), q.delta().toMap(),
                    "a bid equal to an earlier one is a new arrival and wins");
        }
    }

    @Test
    void aStampedBidIsDeletedByItsStampOnly() {
        Bid b = bid(2001, 1001, 10, "Google", 1_000);
        try (QueryCircuit<Q18.Row> q = QueryCircuit.start(Q)) {
            long at = q.push(b);
            q.step();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> q.push(b, -1));
            assertTrue(e.getMessage().contains("pushStamped"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> q.pushStamped(new Sequenced<>(at + 1, b), -1));
            q.pushStamped(new Sequenced<>(at, b), -1);
            q.step();
            assertEquals(ZSet.empty(), q.integral());
        }
    }

    @Test
    void matchesSqlOrderedByArrivalOnEveryWorkerCountAndBatchSize() {
        List<Event> events = QueryHarness.events(QueryHarness.ORACLE_EVENTS);
        TreeMap<String, Long> expected;
        long[] ties;
        try (SqlOracle oracle = SqlOracle.load(events)) {
            oracle.addEventOrder(events);
            expected = oracle.rows(ARRIVAL_SQL);
            ties = ties(oracle);
        }
        assertTrue(ties[1] > 0, "the events have no pair where the later arrival differs from the highest price:"
                + " the test would not tell the rules apart");
        for (int workers : new int[] {1, 2, 4}) {
            for (int batchSize : new int[] {7, 1_000, QueryHarness.ORACLE_EVENTS}) {
                TreeMap<String, Long> actual = QueryHarness.run(Q, events, batchSize, QueryOptions.defaults(),
                        CircuitConfig.defaults().withWorkers(workers));
                QueryHarness.assertSameLines("q18 on " + workers + " workers with batches of " + batchSize, expected, actual);
            }
        }
    }

    /** The two counts of {@link #TIES_SQL}. */
    static long[] ties(SqlOracle oracle) {
        String[] counts = oracle.rows(TIES_SQL).firstKey().split("\\|");
        return new long[] {Long.parseLong(counts[0]), Long.parseLong(counts[1])};
    }

    /**
     * On the reference stream of the Flink suite's generator (skipped when {@code shared/} is absent), q18 keeps
     * of each pair the bid Flink keeps: the latest, ties to the later position in the stream.
     */
    @Test
    void matchesFlinksRuleOnTheReferenceStream() {
        List<Event> events = ReferenceEvents.load("events-default-200k.psv.gz");
        TreeMap<String, Long> expected;
        long[] ties;
        try (SqlOracle oracle = SqlOracle.load(events)) {
            oracle.addEventOrder(events);
            expected = oracle.rows(ARRIVAL_SQL);
            ties = ties(oracle);
        }
        System.out.println("q18 on the reference stream: " + expected.size() + " pairs, " + ties[0]
                + " whose latest time has several bids, " + ties[1] + " where the later arrival is not the highest price");
        assertTrue(ties[1] > 0, "the reference stream has no tie that tells the rules apart");
        for (int workers : new int[] {1, 4}) {
            TreeMap<String, Long> actual = QueryHarness.run(Q, events, 10_000, QueryOptions.defaults(),
                    CircuitConfig.defaults().withWorkers(workers));
            QueryHarness.assertSameLines("q18 on the reference stream on " + workers + " workers", expected, actual);
        }
    }

    /**
     * q18's result rows sort by a long prefix: 20,000 rows of a few hot auctions and bidders are compared as
     * whole rows only where the prefixes tie (the record's natural order compared them, by hash code of three
     * strings each, about n log n times), and the order sorts and consolidates them.
     */
    @Test
    void resultRowsSortByTheirLongPrefix() {
        java.util.concurrent.atomic.AtomicLong comparisons = new java.util.concurrent.atomic.AtomicLong();
        java.util.Comparator<Q18.Row> order = Q18.rowOrder((a, b) -> {
            comparisons.incrementAndGet();
            return Q18.ROW_FIELDS.compare(a, b);
        });
        org.jdbsp.zset.spi.BatchBuilder b = new org.jdbsp.zset.spi.BatchBuilder(org.jdbsp.zset.Layout.zset(order));
        java.util.Random r = new java.util.Random(18);
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            b.add(new Q18.Row(1_000 + r.nextInt(20), 2_000 + r.nextInt(20), r.nextInt(1_000), "Google",
                    "https://x/" + r.nextInt(5), 1_600_000_000_000L + i / 10, "extra"), 1);
        }
        org.jdbsp.zset.spi.Batch sorted = b.build();
        assertTrue(comparisons.get() < n / 2, "row comparisons while sorting " + n + " rows: " + comparisons.get());
        for (int i = 1; i < sorted.size; i++) {
            assertTrue(order.compare((Q18.Row) sorted.key(i - 1), (Q18.Row) sorted.key(i)) < 0, "sorted and consolidated");
        }
    }
}
