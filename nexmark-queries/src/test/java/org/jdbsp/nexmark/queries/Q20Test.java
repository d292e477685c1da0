package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;

class Q20Test {
    private static final Q20 Q = new Q20();

    private static Auction auction(long id, long category) {
        return new Auction(id, "item" + id, "desc", 100, 200, 1_000, 1_100, 1100, category, "ax");
    }

    private static Bid bid(long auction, long price, long time) {
        return new Bid(auction, 2001, price, "Google", "https://u", time, "bx" + price);
    }

    private static Q20.Row row(Bid b, Auction a) {
        return new Q20.Row(b.auction(), b.bidder(), b.price(), b.channel(), b.url(), b.dateTime(), b.extra(),
                a.itemName(), a.description(), a.initialBid(), a.reserve(), a.dateTime(), a.expires(), a.seller(),
                a.category(), a.extra());
    }

    @Test
    void rowHasTheSixteenColumnsInSelectOrder() {
        Q20.Row r = row(bid(1001, 50, 1_005), auction(1001, 10));
        assertEquals(16, Q.columns().size());
        assertEquals("1001|2001|50|Google|https://u|1005|bx50|item1001|desc|100|200|1000|1100|1100|10|ax",
                ResultFormat.columns(r));
    }

    @Test
    void joinsBidsWithCategory10AuctionsInEitherOrderAndRetracts() {
        Auction a10 = auction(1001, 10);
        Auction b10 = auction(1002, 10);
        Auction c11 = auction(1003, 11);
        Bid early = bid(1001, 50, 990);
        Bid late = bid(1002, 60, 1_010);
        Bid other = bid(1003, 70, 1_011);
        try (QueryCircuit<Q20.Row> q = QueryCircuit.start(Q)) {
            // Step 1: a bid before its auction, an auction before its bid, a category-11 auction.
            q.push(early);
            q.push(b10);
            q.push(c11);
            q.step();
            assertEquals(ZSet.empty(), q.delta());
            q.push(a10);
            q.push(late);
            q.push(other);
            q.step();
            assertEquals(Map.of(row(early, a10), 1L, row(late, b10), 1L), q.delta().toMap());
            // Step 3: a bid and its (already known) auction's second bid in one step, and a retracted auction.
            Bid again = bid(1001, 80, 1_020);
            q.push(again);
            q.push(b10, -1);
            q.step();
            assertEquals(Map.of(row(again, a10), 1L, row(late, b10), -1L), q.delta().toMap());
            assertEquals(Map.of(row(early, a10), 1L, row(again, a10), 1L), q.integral().toMap());
        }
    }

    @Test
    void matchesSql() {
        QueryHarness.assertMatchesSql(Q, QueryHarness.events(QueryHarness.ORACLE_EVENTS),
                "SELECT B.auction, B.bidder, B.price, B.channel, B.url, B.dateTime, B.extra,"
                        + " A.itemName, A.description, A.initialBid, A.reserve, A.dateTime, A.expires, A.seller,"
                        + " A.category, A.extra FROM bid AS B JOIN auction AS A ON B.auction = A.id WHERE A.category = 10",
                QueryOptions.defaults());
    }
}
