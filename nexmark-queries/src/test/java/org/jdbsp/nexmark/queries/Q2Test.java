package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;

class Q2Test {
    private static final Q2 Q = new Q2();

    private static Bid bid(long auction, long price) {
        return new Bid(auction, 2001, price, "Google", "https://x", 1_000, "e");
    }

    @Test
    void keepsOnlyMultiplesOf123AndRetractsThem() {
        try (QueryCircuit<Q2.Row> q = QueryCircuit.start(Q)) {
            q.push(bid(1107, 10)); // 9 * 123
            q.push(bid(1108, 20));
            q.push(bid(1230, 30)); // 10 * 123
            q.push(bid(1229, 40));
            q.step();
            assertEquals(Map.of(new Q2.Row(1107, 10), 1L, new Q2.Row(1230, 30), 1L), q.delta().toMap());
            q.push(bid(1230, 30), -1);
            q.push(bid(1108, 20), -1);
            q.step();
            assertEquals(Map.of(new Q2.Row(1230, 30), -1L), q.delta().toMap());
            q.push(bid(0, 5));
            q.step();
            assertEquals(Map.of(new Q2.Row(0, 5), 1L), q.delta().toMap());
            q.step();
            assertEquals(ZSet.empty(), q.delta());
        }
    }

    @Test
    void matchesSql() {
        var events = QueryHarness.events(QueryHarness.ORACLE_EVENTS);
        assertTrue(events.size() >= QueryHarness.ORACLE_EVENTS);
        QueryHarness.assertMatchesSql(Q, events, "SELECT auction, price FROM bid WHERE auction % 123 = 0",
                QueryOptions.defaults());
    }
}
