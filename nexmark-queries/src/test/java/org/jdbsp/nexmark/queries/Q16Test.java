package org.jdbsp.nexmark.queries;

import static org.jdbsp.nexmark.queries.Q15Test.MIDNIGHT;
import static org.jdbsp.nexmark.queries.Q15Test.bid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.jdbsp.nexmark.model.Bid;
import org.junit.jupiter.api.Test;

class Q16Test {
    private static final Q16 Q = new Q16();

    @Test
    void groupsByChannelAndDayWithTheLatestMinute() {
        Bid g1 = bid(1001, 2001, 50, "Google", MIDNIGHT - 120_000);
        Bid g2 = bid(1002, 2001, 20_000, "Google", MIDNIGHT - 1);
        Bid a1 = bid(1001, 2002, 2_000_000, "Apple", MIDNIGHT - 60_000);
        Bid g3 = bid(1001, 2003, 60, "Google", MIDNIGHT);
        try (QueryCircuit<Q16.Row> q = QueryCircuit.start(Q)) {
            q.push(g1);
            q.push(a1);
            q.step();
            Q16.Row google1 = new Q16.Row("Google", "2015-07-14", "23:58", 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0);
            Q16.Row apple = new Q16.Row("Apple", "2015-07-14", "23:59", 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1);
            assertEquals(Map.of(google1, 1L, apple, 1L), q.delta().toMap());
            q.push(g2);
            q.push(g3);
            q.step();
            Q16.Row google2 = new Q16.Row("Google", "2015-07-14", "23:59", 2, 1, 1, 0, 1, 1, 1, 0, 2, 1, 1, 0);
            Q16.Row google15 = new Q16.Row("Google", "2015-07-15", "00:00", 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0);
            assertEquals(Map.of(google1, -1L, google2, 1L, google15, 1L), q.delta().toMap(),
                    "the latest minute moves to 23:59; midnight starts a new group");
            q.push(g2, -1);
            q.step();
            assertEquals(Map.of(google2, -1L, google1, 1L), q.delta().toMap(), "deleting the latest bid brings back 23:58");
        }
    }

    /**
     * "Aa" and "BB" have the same {@link String#hashCode}, so one bidder's members of the two channels share a key in
     * the member trace: they still count apart, and deleting one leaves the other.
     */
    @Test
    void channelsWhoseHashCodesCollideCountTheirMembersApart() {
        assertEquals("Aa".hashCode(), "BB".hashCode());
        long day = BidBands.day(MIDNIGHT);
        assertEquals(DistinctBands.key("Aa", day, DistinctBands.BIDDER, 2001), DistinctBands.key("BB", day, DistinctBands.BIDDER, 2001),
                "the members of the two channels share a key");
        Bid aa = bid(1001, 2001, 50, "Aa", MIDNIGHT + 60_000);
        Bid bb = bid(1001, 2001, 2_000_000, "BB", MIDNIGHT + 120_000);
        Q16.Row aaRow = new Q16.Row("Aa", "2015-07-15", "00:01", 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0);
        Q16.Row bbRow = new Q16.Row("BB", "2015-07-15", "00:02", 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1);
        try (QueryCircuit<Q16.Row> q = QueryCircuit.start(Q)) {
            q.push(aa);
            q.step();
            assertEquals(Map.of(aaRow, 1L), q.delta().toMap());
            q.push(bb);
            q.step();
            assertEquals(Map.of(bbRow, 1L), q.delta().toMap(), "BB's bidder and auction are new to BB; Aa is untouched");
            q.push(aa, -1);
            q.step();
            assertEquals(Map.of(aaRow, -1L), q.delta().toMap(), "deleting Aa's bid leaves BB's members");
            q.push(bb);
            q.step();
            Q16.Row bbTwice = new Q16.Row("BB", "2015-07-15", "00:02", 2, 0, 0, 2, 1, 0, 0, 1, 1, 0, 0, 1);
            assertEquals(Map.of(bbRow, -1L, bbTwice, 1L), q.delta().toMap(), "a second bid of BB's member adds no member");
        }
    }

    /** Member keys sort by id; ids outside 0 to 2^42 - 1 get hashed keys and still count exactly. */
    @Test
    void idsOutsideTheKeysRangeCountLikeOthers() {
        long day = BidBands.day(MIDNIGHT);
        assertTrue(DistinctBands.key("c", day, DistinctBands.BIDDER, 7) < DistinctBands.key("a", day, DistinctBands.BIDDER, 8),
                "keys sort by id first");
        long huge = 1L << 50;
        Bid b1 = bid(-3, huge, 50, "c", MIDNIGHT);
        Bid b2 = bid(-3, huge + 1, 50, "c", MIDNIGHT);
        Bid b3 = bid(4, huge, 20_000, "c", MIDNIGHT);
        try (QueryCircuit<Q16.Row> q = QueryCircuit.start(Q)) {
            q.push(b1);
            q.push(b2);
            q.push(b3);
            q.step();
            Q16.Row row = new Q16.Row("c", "2015-07-15", "00:00", 3, 2, 1, 0, 2, 2, 1, 0, 2, 1, 1, 0);
            assertEquals(Map.of(row, 1L), q.delta().toMap());
            q.push(b1, -1);
            q.step();
            Q16.Row after = new Q16.Row("c", "2015-07-15", "00:00", 2, 1, 1, 0, 2, 1, 1, 0, 2, 1, 1, 0);
            assertEquals(Map.of(row, -1L, after, 1L), q.delta().toMap(), "bidder 2^50 keeps its band-2 bid, auction -3 its other bid");
        }
    }

    /** A group key carries its order's prefix; one built with another prefix (a damaged checkpoint) is refused. */
    @Test
    void aGroupKeyWithTheWrongPrefixIsRefused() {
        Q16.ChannelDay key = new Q16.ChannelDay("Google", 16_631);
        assertEquals(key, new Q16.ChannelDay("Google", 16_631, key.prefix()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Q16.ChannelDay("Google", 16_631, key.prefix() + 1));
        assertTrue(e.getMessage().contains("prefix of (Google, 16631)"), e.getMessage());
    }

    @Test
    void matchesSql() {
        QueryHarness.assertMatchesSql(Q, Q15Test.eventsAcrossMidnight(),
                "SELECT channel, strftime(epoch_ms(dateTime), '%Y-%m-%d') AS day,"
                        + " max(strftime(epoch_ms(dateTime), '%H:%M')), " + Q15Test.measuresSql()
                        + " FROM bid GROUP BY channel, day",
                QueryOptions.defaults());
    }
}
