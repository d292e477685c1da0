package org.jdbsp.nexmark.queries;

import static org.jdbsp.nexmark.queries.Q15Test.MIDNIGHT;
import static org.jdbsp.nexmark.queries.Q15Test.bid;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void matchesSql() {
        QueryHarness.assertMatchesSql(Q, Q15Test.eventsAcrossMidnight(),
                "SELECT channel, strftime(epoch_ms(dateTime), '%Y-%m-%d') AS day,"
                        + " max(strftime(epoch_ms(dateTime), '%H:%M')), " + Q15Test.measuresSql()
                        + " FROM bid GROUP BY channel, day",
                QueryOptions.defaults());
    }
}
