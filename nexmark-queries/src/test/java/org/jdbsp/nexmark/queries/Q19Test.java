package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;

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
        try (QueryCircuit<Q19.Row> q = QueryCircuit.start(Q)) {
            Map<Q19.Row, Long> expected = new HashMap<>();
            for (int price = 1; price <= 11; price++) {
                bids[price] = bid(1001, price, 1_000 + price);
                q.push(bids[price]);
                if (price >= 2) {
                    expected.put(row(bids[price], 12 - price), 1L);
                }
            }
            q.step();
            assertEquals(expected, q.delta().toMap(), "prices 11..2 ranked 1..10; price 1 is 11th");
            Bid earlierSix = bid(1001, 6, 900);
            q.push(earlierSix);
            q.step();
            assertEquals(Map.of(row(earlierSix, 6), 1L, row(bids[6], 6), -1L, row(bids[6], 7), 1L,
                    row(bids[5], 7), -1L, row(bids[5], 8), 1L, row(bids[4], 8), -1L, row(bids[4], 9), 1L,
                    row(bids[3], 9), -1L, row(bids[3], 10), 1L, row(bids[2], 10), -1L), q.delta().toMap(),
                    "an equal price placed earlier ranks first; every row below moves down one rank");
            Bid laterThree = bid(1001, 3, 2_000);
            q.push(laterThree);
            q.step();
            assertEquals(ZSet.empty(), q.delta(), "a later bid equal to the 10th stays out");
            q.push(bids[11], -1);
            q.step();
            Map<Q19.Row, Long> up = new HashMap<>();
            up.put(row(bids[11], 1), -1L);
            Bid[] order = {bids[10], bids[9], bids[8], bids[7], earlierSix, bids[6], bids[5], bids[4], bids[3], laterThree};
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
    void matchesSql() {
        QueryHarness.assertMatchesSql(Q, QueryHarness.events(QueryHarness.ORACLE_EVENTS),
                "SELECT auction, bidder, price, channel, url, dateTime, extra, rank_number FROM ("
                        + "  SELECT *, ROW_NUMBER() OVER (PARTITION BY auction"
                        + "    ORDER BY price DESC, dateTime ASC, bidder ASC, channel ASC, url ASC, extra ASC) AS rank_number"
                        + "  FROM bid"
                        + ") WHERE rank_number <= 10",
                QueryOptions.defaults());
    }
}
