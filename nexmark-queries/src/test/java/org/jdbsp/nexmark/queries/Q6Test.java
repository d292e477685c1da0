package org.jdbsp.nexmark.queries;

import static org.jdbsp.nexmark.queries.Q9Test.auction;
import static org.jdbsp.nexmark.queries.Q9Test.bid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;

class Q6Test {
    private static final Q6 Q = new Q6();
    private static final long SELLER = 1100;

    /** Auction {@code 1000 + n} of {@link #SELLER}, open from 1,000 until 1,000 + n. */
    private static Auction auction(int n) {
        return Q9Test.auction(1000 + n, 1_000, 1_000 + n, SELLER, 10);
    }

    private static Bid winning(int n, long price) {
        return bid(1000 + n, 2001, price, "Google", 1_000);
    }

    @Test
    void averagesTheWinningPricesOfTheLastTenAuctionsToClose() {
        try (QueryCircuit<Q6.Row> q = QueryCircuit.start(Q)) {
            for (int n = 1; n <= 10; n++) {
                q.push(auction(n));
                q.push(winning(n, 10 * n));
            }
            q.push(auction(11));
            q.push(Q9Test.auction(2000, 1_000, 1_005, 1200, 10));
            q.push(bid(2000, 2001, 7, "Google", 1_006));
            q.step();
            assertEquals(Map.of(new Q6.Row(SELLER, 55), 1L), q.delta().toMap(),
                    "(10 + ... + 100) / 10; an auction without a bid, or whose only bid came after it expired, has not sold");
            q.push(winning(11, 1_000));
            q.step();
            assertEquals(Map.of(new Q6.Row(SELLER, 55), -1L, new Q6.Row(SELLER, 154), 1L), q.delta().toMap(),
                    "auction 1011 closes last and pushes out 1001: (20 + ... + 100 + 1000) / 10 = 154");
            q.push(winning(3, 5));
            q.step();
            assertEquals(ZSet.empty(), q.delta(), "a lower bid does not change a winning price");
            q.push(winning(3, 45));
            q.step();
            assertEquals(Map.of(new Q6.Row(SELLER, 154), -1L, new Q6.Row(SELLER, 155), 1L), q.delta().toMap(),
                    "a better bid on one of the ten: 1555 / 10 truncates to 155");
            q.push(winning(11, 1_000), -1);
            q.step();
            assertEquals(Map.of(new Q6.Row(SELLER, 155), -1L, new Q6.Row(SELLER, 56), 1L), q.delta().toMap(),
                    "deleting 1011's only bid brings back 1001: 565 / 10");
        }
    }

    @Test
    void equalClosingTimesGoToTheHigherAuctionId() {
        try (QueryCircuit<Q6.Row> q = QueryCircuit.start(Q)) {
            for (int n = 1; n <= 10; n++) {
                q.push(Q9Test.auction(1000 + n, 1_000, 1_050, SELLER, 10));
                q.push(winning(n, n));
            }
            q.push(Q9Test.auction(1000, 1_000, 1_050, SELLER, 10));
            q.push(bid(1000, 2001, 1_000_000, "Google", 1_050));
            q.step();
            assertEquals(Map.of(new Q6.Row(SELLER, 5), 1L), q.integral().toMap(), "auction 1000 is the 11th: (1 + ... + 10) / 10");
        }
    }

    @Test
    void matchesSql() {
        QueryHarness.assertMatchesSql(Q, QueryHarness.events(QueryHarness.ORACLE_EVENTS),
                "WITH winners AS ("
                        + "  SELECT A.id, A.seller, A.expires, MAX(B.price) AS final FROM auction A, bid B"
                        + "  WHERE A.id = B.auction AND B.dateTime BETWEEN A.dateTime AND A.expires"
                        + "  GROUP BY A.id, A.seller, A.expires),"
                        + " ranked AS (SELECT seller, final,"
                        + "  ROW_NUMBER() OVER (PARTITION BY seller ORDER BY expires DESC, id DESC) AS rn FROM winners)"
                        + " SELECT seller, SUM(final) // COUNT(*) FROM ranked WHERE rn <= 10 GROUP BY seller",
                QueryOptions.defaults());
    }
}
