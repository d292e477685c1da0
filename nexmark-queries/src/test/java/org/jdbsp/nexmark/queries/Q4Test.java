package org.jdbsp.nexmark.queries;

import static org.jdbsp.nexmark.queries.Q9Test.auction;
import static org.jdbsp.nexmark.queries.Q9Test.bid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;

class Q4Test {
    private static final Q4 Q = new Q4();

    @Test
    void averagesTheWinningPricesOfEachCategoryWithTruncation() {
        Auction a = auction(1001, 1_000, 1_100, 1100, 10);
        Auction b = auction(1002, 1_000, 1_050, 1100, 10);
        Auction c = auction(1003, 1_000, 1_050, 1100, 11);
        try (QueryCircuit<Q4.Row> q = QueryCircuit.start(Q)) {
            q.push(a);
            q.push(bid(1001, 2001, 10, "Google", 1_000));
            q.push(bid(1001, 2001, 7, "Google", 1_001));
            q.step();
            assertEquals(Map.of(new Q4.Row(10, 10), 1L), q.delta().toMap(), "the max of an auction's bids");
            q.push(bid(1002, 2001, 15, "Google", 1_020));
            q.push(bid(1003, 2001, 15, "Google", 1_020));
            q.step();
            assertEquals(Map.of(), q.delta().toMap(), "bids before their auctions change nothing yet");
            q.push(b);
            q.push(c);
            q.step();
            assertEquals(Map.of(new Q4.Row(10, 10), -1L, new Q4.Row(10, 12), 1L, new Q4.Row(11, 15), 1L),
                    q.delta().toMap(), "(10 + 15) / 2 truncates to 12");
            q.push(bid(1002, 2001, 1_000, "Google", 1_051));
            q.step();
            assertEquals(ZSet.empty(), q.delta(), "a bid after the auction expired is not a winning bid");
            q.push(bid(1001, 2001, 20, "Google", 1_100));
            q.step();
            assertEquals(Map.of(new Q4.Row(10, 12), -1L, new Q4.Row(10, 17), 1L), q.delta().toMap());
            q.push(c, -1);
            q.step();
            assertEquals(Map.of(new Q4.Row(11, 15), -1L), q.delta().toMap(), "a category without auctions has no row");
        }
    }

    @Test
    void twoAuctionsWithTheSameWinningPriceBothCount() {
        try (QueryCircuit<Q4.Row> q = QueryCircuit.start(Q)) {
            q.push(auction(1001, 1_000, 1_100, 1100, 12));
            q.push(auction(1002, 1_000, 1_100, 1100, 12));
            q.push(auction(1003, 1_000, 1_100, 1100, 12));
            q.push(bid(1001, 2001, 10, "Google", 1_000));
            q.push(bid(1002, 2001, 10, "Google", 1_000));
            q.push(bid(1003, 2001, 41, "Google", 1_000));
            q.step();
            assertEquals(Map.of(new Q4.Row(12, 20), 1L), q.integral().toMap(), "(10 + 10 + 41) / 3");
        }
    }

    @Test
    void matchesSql() {
        QueryHarness.assertMatchesSql(Q, QueryHarness.events(QueryHarness.ORACLE_EVENTS),
                "SELECT Q.category, CAST(SUM(Q.final) // COUNT(*) AS BIGINT) FROM ("
                        + "  SELECT MAX(B.price) AS final, A.category FROM auction A, bid B"
                        + "  WHERE A.id = B.auction AND B.dateTime BETWEEN A.dateTime AND A.expires"
                        + "  GROUP BY A.id, A.category"
                        + ") Q GROUP BY Q.category",
                QueryOptions.defaults());
    }
}
