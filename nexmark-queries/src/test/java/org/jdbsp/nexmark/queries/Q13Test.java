package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;

class Q13Test {
    private static final Q13 Q = new Q13();

    private static Bid bid(long auction, long price) {
        return new Bid(auction, 2001, price, "Google", "https://x", 1_000 + price, "e");
    }

    @Test
    void sideInputMapsEveryKeyToItsDecimalText() {
        var side = Q13.sideInput();
        assertEquals(Q13.SIDE_INPUT_ROWS, side.size());
        assertEquals(ZSet.of("0"), side.lookup(0L));
        assertEquals(ZSet.of("9999"), side.lookup(9_999L));
        assertEquals(ZSet.of("1234"), side.lookup(1_234L));
        assertTrue(side.lookup(10_000L).isEmpty());
    }

    @Test
    void looksUpEveryBidByAuctionModulo10000AndRetracts() {
        try (QueryCircuit<Q13.Row> q = QueryCircuit.start(Q)) {
            q.push(bid(1_001, 5));
            q.push(bid(21_234, 6));
            q.step();
            assertEquals(Map.of(new Q13.Row(1_001, 2001, 5, 1_005, "1001"), 1L,
                    new Q13.Row(21_234, 2001, 6, 1_006, "1234"), 1L), q.delta().toMap());
            q.step();
            assertEquals(ZSet.empty(), q.delta(), "the side table is not re-inserted");
            q.push(bid(10_000, 7));
            q.push(bid(1_001, 5), -1);
            q.push(bid(-3, 8)); // SQL MOD keeps the sign: key -3 has no side row
            q.step();
            assertEquals(Map.of(new Q13.Row(10_000, 2001, 7, 1_007, "0"), 1L,
                    new Q13.Row(1_001, 2001, 5, 1_005, "1001"), -1L), q.delta().toMap());
        }
    }

    @Test
    void keepsOnlyTheSideTableAsState() {
        try (QueryCircuit<Q13.Row> q = QueryCircuit.start(Q, QueryOptions.defaults(),
                org.jdbsp.circuit.CircuitConfig.defaults(), false)) {
            for (Bid b : List.of(bid(1, 1), bid(2, 2), bid(3, 3))) {
                q.push(b);
            }
            q.step();
            q.push(bid(4, 4));
            q.step();
            assertEquals(Q13.SIDE_INPUT_ROWS, q.stateTuples(), "bids are never stored");
            assertEquals(4, q.outputChanges());
        }
    }

    @Test
    void matchesSql() {
        QueryHarness.assertMatchesSql(Q, QueryHarness.events(QueryHarness.ORACLE_EVENTS),
                List.of("CREATE TABLE side_input AS SELECT i AS key, CAST(i AS VARCHAR) AS value FROM range(10000) t(i)"),
                "SELECT B.auction, B.bidder, B.price, B.dateTime, S.value FROM bid AS B"
                        + " JOIN side_input AS S ON B.auction % 10000 = S.key",
                QueryOptions.defaults());
    }
}
