package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.jdbsp.nexmark.model.Bid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** q15's packed (day, kind, id) member keys: exact within their ranges, a clear error outside. */
class DayCodesTest {
    @Test
    void aKeyKeepsItsDayAndKindAndOrdersByDayThenKindThenId() {
        long day = BidBands.day(Q15Test.MIDNIGHT);
        Bid bid = Q15Test.bid(1, 2, 3, "c", Q15Test.MIDNIGHT);
        long maxId = (1L << DayCodes.ID_BITS) - 1;
        long[] keys = {DayCodes.key(day, 0, 0, bid), DayCodes.key(day, 0, maxId, bid), DayCodes.key(day, 1, 0, bid),
            DayCodes.key(day, 1, maxId, bid), DayCodes.key(day + 1, 0, 0, bid)};
        for (int i = 0; i < keys.length; i++) {
            assertEquals(i < 4 ? day : day + 1, DayCodes.day(keys[i]));
            assertEquals(i == 2 || i == 3 ? BandCodes.AUCTIONS : BandCodes.BIDDERS, DayCodes.base(keys[i]));
            if (i > 0) {
                assertTrue(keys[i - 1] < keys[i], "key " + i + " sorts after key " + (i - 1));
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBidWhoseIdOrDayDoesNotFitFailsNamingIt() {
        Bid bigBidder = Q15Test.bid(1, 1L << DayCodes.ID_BITS, 5, "c", Q15Test.MIDNIGHT);
        Bid negativeAuction = Q15Test.bid(-1, 2, 5, "c", Q15Test.MIDNIGHT);
        Bid before1970 = Q15Test.bid(1, 2, 5, "c", -1);
        for (Bid bad : new Bid[] {bigBidder, negativeAuction, before1970}) {
            try (QueryCircuit<Q15.Row> q = QueryCircuit.start(new Q15())) {
                q.push(bad);
                RuntimeException e = assertThrows(RuntimeException.class, q::step);
                assertTrue(messages(e).contains("q15 holds days") && messages(e).contains(bad.toString()),
                        "the failure names the range and the bid: " + messages(e));
            }
        }
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" / ");
        }
        return all.toString();
    }
}
