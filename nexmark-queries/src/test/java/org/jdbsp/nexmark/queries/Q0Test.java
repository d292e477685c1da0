package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;

class Q0Test {
    private static final Q0 Q = new Q0();

    @Test
    void projectsEveryBidAndRetractsDeletedOnes() {
        Bid a = new Bid(1001, 2001, 50, "Google", "https://x", 1_000, "e1");
        Bid b = new Bid(1002, 2002, 70, "Apple", "https://y", 1_001, "e2");
        try (QueryCircuit<Q0.Row> q = QueryCircuit.start(Q)) {
            q.push(a);
            q.push(b);
            q.step();
            assertEquals(Map.of(new Q0.Row(1001, 2001, 50, 1_000, "e1"), 1L,
                    new Q0.Row(1002, 2002, 70, 1_001, "e2"), 1L), q.delta().toMap());
            q.step();
            assertEquals(ZSet.empty(), q.delta(), "a step without input changes nothing");
            assertEquals(2, q.integral().size());
            assertEquals(2, q.outputChanges());
        }
    }

    @Test
    void matchesSql() {
        QueryHarness.assertMatchesSql(Q, QueryHarness.events(QueryHarness.ORACLE_EVENTS),
                "SELECT auction, bidder, price, dateTime, extra FROM bid", QueryOptions.defaults());
    }
}
