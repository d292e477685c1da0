package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;

class Q9Test {
    private static final Q9 Q = new Q9();

    static Auction auction(long id, long dateTime, long expires, long seller, long category) {
        return new Auction(id, "item" + id, "desc" + id, 100, 200, dateTime, expires, seller, category, "ax" + id);
    }

    static Bid bid(long auction, long bidder, long price, String channel, long dateTime) {
        return new Bid(auction, bidder, price, channel, "https://u", dateTime, "bx" + price);
    }

    private static Q9.Row row(Auction a, Bid b) {
        return Q9.Row.of(a, b);
    }

    @Test
    void rowHasTheAuctionColumnsThenTheBidColumns() {
        Auction a = auction(1001, 1_000, 1_100, 1100, 10);
        assertEquals("1001|item1001|desc1001|100|200|1000|1100|1100|10|ax1001|1001|2001|50|1005|bx50",
                ResultFormat.columns(row(a, bid(1001, 2001, 50, "Google", 1_005))));
        assertEquals(15, Q.columns().size());
    }

    @Test
    void keepsTheBestBidInsideTheAuctionsTimeRange() {
        Auction a = auction(1001, 1_000, 1_100, 1100, 10);
        Bid atOpen = bid(1001, 3000, 50, "Google", 1_000);
        Bid tooEarly = bid(1001, 3000, 999, "Google", 999);
        Bid atClose = bid(1001, 3000, 60, "Google", 1_100);
        Bid tooLate = bid(1001, 3000, 1_000, "Google", 1_101);
        Bid earlierTie = bid(1001, 3000, 60, "Google", 1_050);
        Bid smallerBidder = bid(1001, 2500, 60, "Google", 1_050);
        // The channel is not an output column: a larger extra makes this bid's row visible, yet the channel decides.
        Bid smallerChannel = new Bid(1001, 2500, 60, "Apple", "https://u", 1_050, "zz");
        try (QueryCircuit<Q9.Row> q = QueryCircuit.start(Q)) {
            q.push(a);
            q.push(atOpen);
            q.push(tooEarly);
            q.step();
            assertEquals(Map.of(row(a, atOpen), 1L), q.delta().toMap(), "both ends of the range are inclusive");
            q.push(atClose);
            q.push(tooLate);
            q.step();
            assertEquals(Map.of(row(a, atOpen), -1L, row(a, atClose), 1L), q.delta().toMap());
            q.push(earlierTie);
            q.step();
            assertEquals(Map.of(row(a, atClose), -1L, row(a, earlierTie), 1L), q.delta().toMap(),
                    "equal prices: the earlier bid wins");
            q.push(smallerBidder);
            q.step();
            assertEquals(Map.of(row(a, earlierTie), -1L, row(a, smallerBidder), 1L), q.delta().toMap(),
                    "equal price and time: the smaller bidder wins");
            q.push(smallerChannel);
            q.step();
            assertEquals(Map.of(row(a, smallerBidder), -1L, row(a, smallerChannel), 1L), q.delta().toMap(),
                    "then the smaller channel");
            q.push(smallerChannel, -1);
            q.push(smallerBidder, -1);
            q.step();
            assertEquals(Map.of(row(a, smallerChannel), -1L, row(a, earlierTie), 1L), q.delta().toMap(),
                    "retracting the winners brings back the next best bid");
            q.push(a, -1);
            q.step();
            assertEquals(Map.of(row(a, earlierTie), -1L), q.delta().toMap());
            assertEquals(ZSet.empty(), q.integral());
        }
    }

    @Test
    void joinsABidThatArrivesBeforeItsAuction() {
        Auction a = auction(1002, 1_200, 1_300, 1100, 11);
        Bid b = bid(1002, 2001, 70, "Baidu", 1_200);
        try (QueryCircuit<Q9.Row> q = QueryCircuit.start(Q)) {
            q.push(b);
            q.step();
            assertEquals(ZSet.empty(), q.delta());
            q.push(a);
            q.step();
            assertEquals(Map.of(row(a, b), 1L), q.delta().toMap());
        }
    }

    @Test
    void dropsBidsAndAuctionsBehindTheWatermark() {
        Auction a = auction(1003, 10_000, 10_100, 1100, 10);
        Bid inTime = bid(1003, 2001, 50, "Google", 10_050);
        try (QueryCircuit<Q9.Row> q = QueryCircuit.start(Q)) {
            q.push(a);
            q.push(bid(9999, 2001, 1, "Google", 20_000));
            q.step();
            assertEquals(ZSet.empty(), q.delta());
            q.push(inTime);
            q.push(auction(1004, 15_000, 17_000, 1100, 10));
            q.push(bid(1004, 2001, 60, "Google", 16_000));
            q.step();
            assertEquals(ZSet.empty(), q.delta(), "the watermark is 16,000: a bid at 10,050 and an auction from 15,000 are late");
        }
    }

    @Test
    void forgetsClosedAuctionsSoStateStaysBounded() {
        int steps = 300;
        List<Event> events = QueryHarness.events(steps * 1_000);
        long max = QueryHarness.maxStateTuples(Q, QueryOptions.defaults(), steps, s -> events.subList(s * 1_000, (s + 1) * 1_000));
        assertTrue(max < 150_000, "q9 kept at most " + max + " tuples for " + events.size() + " events");
    }

    @Test
    void matchesSql() {
        QueryHarness.assertMatchesSql(Q, QueryHarness.events(QueryHarness.ORACLE_EVENTS),
                "SELECT id, itemName, description, initialBid, reserve, dateTime, expires, seller, category, extra,"
                        + " auction, bidder, price, bid_dateTime, bid_extra FROM ("
                        + "  SELECT A.*, B.auction, B.bidder, B.price, B.dateTime AS bid_dateTime, B.extra AS bid_extra,"
                        + "    ROW_NUMBER() OVER (PARTITION BY A.id ORDER BY B.price DESC, B.dateTime ASC,"
                        + "      B.bidder ASC, B.channel ASC, B.url ASC, B.extra ASC) AS rownum"
                        + "  FROM auction A, bid B"
                        + "  WHERE A.id = B.auction AND B.dateTime BETWEEN A.dateTime AND A.expires"
                        + ") WHERE rownum <= 1",
                QueryOptions.defaults());
    }
}
