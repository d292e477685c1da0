package org.jdbsp.nexmark.queries;

import static org.jdbsp.nexmark.queries.Q15Test.MIDNIGHT;
import static org.jdbsp.nexmark.queries.Q15Test.bid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jdbsp.nexmark.model.Bid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class Q17Test {
    private static final Q17 Q = new Q17();

    @Test
    void summarisesThePricesOfEachAuctionPerDay() {
        try (QueryCircuit<Q17.Row> q = QueryCircuit.start(Q)) {
            q.push(bid(1001, 2001, 7, "Google", MIDNIGHT - 1));
            q.push(bid(1001, 2001, 3, "Google", MIDNIGHT - 2));
            q.push(bid(1001, 2001, 5_000_000, "Google", MIDNIGHT));
            q.step();
            Q17.Row a14 = new Q17.Row(1001, "2015-07-14", 2, 2, 0, 0, 3, 7, 5, 10);
            Q17.Row a15 = new Q17.Row(1001, "2015-07-15", 1, 0, 0, 1, 5_000_000, 5_000_000, 5_000_000, 5_000_000);
            assertEquals(Map.of(a14, 1L, a15, 1L), q.delta().toMap());
            q.push(bid(1001, 2002, 10_000, "Apple", MIDNIGHT - 3));
            q.push(bid(1002, 2002, 1, "Apple", MIDNIGHT - 3));
            q.step();
            Q17.Row a14b = new Q17.Row(1001, "2015-07-14", 3, 2, 1, 0, 3, 10_000, 3_336, 10_010);
            Q17.Row b14 = new Q17.Row(1002, "2015-07-14", 1, 1, 0, 0, 1, 1, 1, 1);
            assertEquals(Map.of(a14, -1L, a14b, 1L, b14, 1L), q.delta().toMap(), "10,010 / 3 truncates to 3,336");
            q.push(bid(1001, 2001, 7, "Google", MIDNIGHT - 1));
            q.step();
            Q17.Row a14c = new Q17.Row(1001, "2015-07-14", 4, 3, 1, 0, 3, 10_000, 2_504, 10_017);
            assertEquals(Map.of(a14b, -1L, a14c, 1L), q.delta().toMap(), "a second identical bid counts twice");
        }
    }

    @Test
    void aDeletedBidLeavesItsGroupWithTheRemainingPrices() {
        Bid low = bid(1001, 2001, 3, "Google", MIDNIGHT - 2);
        Bid high = bid(1001, 2001, 5_000_000, "Google", MIDNIGHT - 1);
        try (QueryCircuit<Q17.Row> q = QueryCircuit.start(Q)) {
            q.push(low);
            q.push(bid(1001, 2001, 7, "Google", MIDNIGHT - 1));
            q.push(high);
            q.step();
            Q17.Row all = new Q17.Row(1001, "2015-07-14", 3, 2, 0, 1, 3, 5_000_000, 1_666_670, 5_000_010);
            assertEquals(Map.of(all, 1L), q.delta().toMap());
            q.push(low, -1);
            q.push(high, -1);
            q.step();
            Q17.Row left = new Q17.Row(1001, "2015-07-14", 1, 1, 0, 0, 7, 7, 7, 7);
            assertEquals(Map.of(all, -1L, left, 1L), q.delta().toMap(), "min and max come from the prices left");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBidWhoseAuctionOrDayDoesNotFitFailsNamingIt() {
        Bid bigAuction = bid(1L << Q17.AUCTION_BITS, 2, 5, "c", MIDNIGHT);
        Bid negativeAuction = bid(-1, 2, 5, "c", MIDNIGHT);
        Bid before1970 = bid(1, 2, 5, "c", -1);
        for (Bid bad : new Bid[] {bigAuction, negativeAuction, before1970}) {
            try (QueryCircuit<Q17.Row> q = QueryCircuit.start(Q)) {
                q.push(bad);
                RuntimeException e = assertThrows(RuntimeException.class, q::step);
                StringBuilder messages = new StringBuilder();
                for (Throwable t = e; t != null; t = t.getCause()) {
                    messages.append(t.getMessage()).append('\n');
                }
                assertTrue(messages.toString().contains("q17 holds auction ids") && messages.toString().contains(bad.toString()),
                        "the failure names the range and the bid: " + messages);
            }
        }
    }

    @Test
    void matchesSql() {
        QueryHarness.assertMatchesSql(Q, Q15Test.eventsAcrossMidnight(),
                "SELECT auction, strftime(epoch_ms(dateTime), '%Y-%m-%d') AS day, count(*),"
                        + " count(*) FILTER (WHERE price < 10000),"
                        + " count(*) FILTER (WHERE price >= 10000 AND price < 1000000),"
                        + " count(*) FILTER (WHERE price >= 1000000),"
                        + " min(price), max(price), sum(price) // count(*), sum(price)"
                        + " FROM bid GROUP BY auction, day",
                QueryOptions.defaults());
    }
}
