package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
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

@Timeout(300)
class Q19Test {
    private static final Q19 Q = new Q19();

    private static Bid bid(long auction, long price, long dateTime) {
        return new Bid(auction, 2001, price, "Google", "https://u", dateTime, "x" + price);
    }

    private static Q19.Row row(Bid b, long rank) {
        return Q19.Row.of(b, rank);
    }

    @Test
    void ranksTheTenHighestBidsAndRenumbersTheRowsBelowANewcomer() {
        Bid[] bids = new Bid[12];
        long[] at = new long[12];
        try (QueryCircuit<Q19.Row> q = QueryCircuit.start(Q)) {
            Map<Q19.Row, Long> expected = new HashMap<>();
            for (int price = 1; price <= 11; price++) {
                bids[price] = bid(1001, price, 1_000 + price);
                at[price] = q.push(bids[price]);
                if (price >= 2) {
                    expected.put(row(bids[price], 12 - price), 1L);
                }
            }
            q.step();
            assertEquals(expected, q.delta().toMap(), "prices 11..2 ranked 1..10; price 1 is 11th");
            Bid earlierSix = bid(1001, 6, 900);
            q.push(earlierSix);
            q.step();
            assertEquals(Map.of(row(earlierSix, 7), 1L,
                    row(bids[5], 7), -1L, row(bids[5], 8), 1L, row(bids[4], 8), -1L, row(bids[4], 9), 1L,
                    row(bids[3], 9), -1L, row(bids[3], 10), 1L, row(bids[2], 10), -1L), q.delta().toMap(),
                    "an equal price arriving later ranks after the earlier arrival, whatever its dateTime;"
                            + " every row below moves down one rank");
            Bid laterThree = bid(1001, 3, 2_000);
            q.push(laterThree);
            q.step();
            assertEquals(ZSet.empty(), q.delta(), "a later bid equal to the 10th stays out");
            q.pushStamped(new Sequenced<>(at[11], bids[11]), -1);
            q.step();
            Map<Q19.Row, Long> up = new HashMap<>();
            up.put(row(bids[11], 1), -1L);
            Bid[] order = {bids[10], bids[9], bids[8], bids[7], bids[6], earlierSix, bids[5], bids[4], bids[3], laterThree};
            for (int i = 0; i < order.length; i++) {
                if (i + 2 <= 10) {
                    up.merge(row(order[i], i + 2), -1L, Long::sum);
                }
                up.merge(row(order[i], i + 1), 1L, Long::sum);
            }
            up.values().removeIf(w -> w == 0);
            assertEquals(up, q.delta().toMap(), "deleting the best bid moves every row up; the later price-3 bid enters at rank 10");
        }
    }

    @Test
    void identicalBidsTakeConsecutiveRanks() {
        Bid b = bid(1002, 50, 1_000);
        try (QueryCircuit<Q19.Row> q = QueryCircuit.start(Q)) {
            q.push(b, 2);
            q.step();
            assertEquals(Map.of(row(b, 1), 1L, row(b, 2), 1L), q.delta().toMap());
        }
    }

    @Test
    void equalPricesRankByArrivalWhateverTheirOtherFields() {
        Bid first = new Bid(1003, 9_999, 70, "Zeta", "https://z", 2_000, "z");
        Bid second = new Bid(1003, 1, 70, "Apple", "https://a", 1_000, "a");
        try (QueryCircuit<Q19.Row> q = QueryCircuit.start(Q)) {
            q.push(first);
            q.push(second);
            q.step();
            assertEquals(Map.of(row(first, 1), 1L, row(second, 2), 1L), q.delta().toMap(), "the earlier arrival ranks first");
        }
    }

    /** Flink's rule as SQL: price descending, ties to the earlier position in the event stream. */
    private static final String ARRIVAL_SQL = "SELECT auction, bidder, price, channel, url, dateTime, extra, rank_number FROM ("
            + "  SELECT b.*, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC, o.seq ASC) AS rank_number"
            + "  FROM bid b JOIN event_order o ON o.kind = 'bid' AND o.kind_row = b.rowid"
            + ") WHERE rank_number <= 10";

    private static TreeMap<String, Long> arrivalSql(List<Event> events) {
        try (SqlOracle oracle = SqlOracle.load(events)) {
            oracle.addEventOrder(events);
            return oracle.rows(ARRIVAL_SQL);
        }
    }

    @Test
    void matchesSqlOrderedByArrivalOnEveryWorkerCountAndBatchSize() {
        List<Event> events = QueryHarness.events(QueryHarness.ORACLE_EVENTS);
        TreeMap<String, Long> expected = arrivalSql(events);
        assertTrue(!expected.isEmpty(), "the SQL result is empty: the test would prove nothing");
        for (int workers : new int[] {1, 2, 4}) {
            for (int batchSize : new int[] {7, 1_000, QueryHarness.ORACLE_EVENTS}) {
                TreeMap<String, Long> actual = QueryHarness.run(Q, events, batchSize, QueryOptions.defaults(),
                        CircuitConfig.defaults().withWorkers(workers));
                QueryHarness.assertSameLines("q19 on " + workers + " workers with batches of " + batchSize, expected, actual);
            }
        }
    }

    /** On the reference stream (skipped when {@code shared/} is absent), q19 ranks as Flink does. */
    @Test
    void matchesFlinksRuleOnTheReferenceStream() {
        List<Event> events = ReferenceEvents.load("events-default-200k.psv.gz");
        TreeMap<String, Long> expected = arrivalSql(events);
        for (int workers : new int[] {1, 4}) {
            TreeMap<String, Long> actual = QueryHarness.run(Q, events, 10_000, QueryOptions.defaults(),
                    CircuitConfig.defaults().withWorkers(workers));
            QueryHarness.assertSameLines("q19 on the reference stream on " + workers + " workers", expected, actual);
        }
    }
}
