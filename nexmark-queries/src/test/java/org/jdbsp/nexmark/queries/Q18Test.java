package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;

class Q18Test {
    private static final Q18 Q = new Q18();

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
        Bid sameTimeSmallerChannel = bid(2001, 1001, 5, "Apple", 1_001);
        try (QueryCircuit<Q18.Row> q = QueryCircuit.start(Q)) {
            q.push(first);
            q.push(otherAuction);
            q.step();
            assertEquals(Map.of(row(first), 1L, row(otherAuction), 1L), q.delta().toMap());
            q.push(later);
            q.step();
            assertEquals(Map.of(row(first), -1L, row(later), 1L), q.delta().toMap(), "the later bid wins, whatever its price");
            q.push(sameTimeHigher);
            q.step();
            assertEquals(Map.of(row(later), -1L, row(sameTimeHigher), 1L), q.delta().toMap(), "equal times: the higher price");
            q.push(older);
            q.step();
            assertEquals(ZSet.empty(), q.delta(), "an older bid changes nothing");
            q.push(sameTimeHigher, -1);
            q.step();
            assertEquals(Map.of(row(sameTimeHigher), -1L, row(later), 1L), q.delta().toMap(), "a deletion brings back the next");
            q.push(sameTimeSmallerChannel);
            q.step();
            assertEquals(Map.of(row(later), -1L, row(sameTimeSmallerChannel), 1L), q.delta().toMap(),
                    "equal times and prices: the least channel");
        }
    }

    @Test
    void matchesSql() {
        QueryHarness.assertMatchesSql(Q, QueryHarness.events(QueryHarness.ORACLE_EVENTS),
                "SELECT auction, bidder, price, channel, url, dateTime, extra FROM ("
                        + "  SELECT *, ROW_NUMBER() OVER (PARTITION BY bidder, auction"
                        + "    ORDER BY dateTime DESC, price DESC, channel ASC, url ASC, extra ASC) AS rank_number FROM bid"
                        + ") WHERE rank_number <= 1",
                QueryOptions.defaults());
    }
}
