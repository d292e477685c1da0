package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;

class Q15Test {
    private static final Q15 Q = new Q15();
    /** 2015-07-15T00:00:00Z. */
    static final long MIDNIGHT = GeneratorConfig.DEFAULT_BASE_TIME;

    static Bid bid(long auction, long bidder, long price, String channel, long dateTime) {
        return new Bid(auction, bidder, price, channel, "https://u", dateTime, "x" + price);
    }

    /**
     * 50,000 events over 500 s of event time starting 100 s before midnight UTC, so the per-day groups of
     * q15, q16 and q17 see a day boundary, and q16 several minutes on each side.
     */
    static List<Event> eventsAcrossMidnight() {
        return QueryHarness.events(GeneratorConfig.builder().baseTime(MIDNIGHT - 100_000).firstEventRate(100)
                .maxEvents(QueryHarness.ORACLE_EVENTS).build());
    }

    /** The twelve measures of q15 and q16 in DuckDB SQL. */
    static String measuresSql() {
        String[] bands = {"price < 10000", "price >= 10000 AND price < 1000000", "price >= 1000000"};
        StringBuilder sql = new StringBuilder("count(*)");
        for (String band : bands) {
            sql.append(", count(*) FILTER (WHERE ").append(band).append(')');
        }
        for (String column : new String[] {"bidder", "auction"}) {
            sql.append(", count(DISTINCT ").append(column).append(')');
            for (String band : bands) {
                sql.append(", count(DISTINCT ").append(column).append(") FILTER (WHERE ").append(band).append(')');
            }
        }
        return sql.toString();
    }

    @Test
    void countsBidsBiddersAndAuctionsPerDayAndBand() {
        Bid b1 = bid(1001, 2001, 9_999, "Google", MIDNIGHT - 1);
        Bid b2 = bid(1001, 2001, 10_000, "Google", MIDNIGHT - 1);
        Bid b3 = bid(1002, 2002, 1_000_000, "Google", MIDNIGHT);
        Bid b4 = bid(1002, 2001, 999_999, "Apple", MIDNIGHT - 86_400_000L + 1);
        try (QueryCircuit<Q15.Row> q = QueryCircuit.start(Q)) {
            q.push(b1);
            q.push(b2);
            q.push(b3);
            q.step();
            Q15.Row day14 = new Q15.Row("2015-07-14", 2, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0);
            Q15.Row day15 = new Q15.Row("2015-07-15", 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1);
            assertEquals(Map.of(day14, 1L, day15, 1L), q.delta().toMap(), "the last millisecond of a day and the first of the next");
            q.push(b4);
            q.step();
            Q15.Row day14b = new Q15.Row("2015-07-14", 3, 1, 2, 0, 1, 1, 1, 0, 2, 1, 2, 0);
            assertEquals(Map.of(day14, -1L, day14b, 1L), q.delta().toMap(), "bidder 2001 is counted once");
            q.push(b1, -1);
            q.step();
            Q15.Row day14c = new Q15.Row("2015-07-14", 2, 0, 2, 0, 1, 0, 1, 0, 2, 0, 2, 0);
            assertEquals(Map.of(day14b, -1L, day14c, 1L), q.delta().toMap(), "a deleted bid leaves its band's distinct sets");
            q.push(b3, -1);
            q.push(b3, -1);
            q.push(b3);
            q.step();
            assertEquals(Map.of(day15, -1L), q.delta().toMap(), "a day without bids has no row");
            q.step();
            assertEquals(ZSet.empty(), q.delta());
        }
    }

    @Test
    void theOracleEventsSpanTwoDaysAndManyMinutes() {
        List<Event> events = eventsAcrossMidnight();
        long first = events.stream().filter(e -> e instanceof Bid).mapToLong(e -> ((Bid) e).dateTime()).min().orElseThrow();
        long last = events.stream().filter(e -> e instanceof Bid).mapToLong(e -> ((Bid) e).dateTime()).max().orElseThrow();
        assertEquals("2015-07-14 23:58", Q10.dt(first) + " " + Q10.hm(first));
        assertEquals("2015-07-15 00:06", Q10.dt(last) + " " + Q10.hm(last));
    }

    @Test
    void matchesSql() {
        QueryHarness.assertMatchesSql(Q, eventsAcrossMidnight(),
                "SELECT strftime(epoch_ms(dateTime), '%Y-%m-%d') AS day, " + measuresSql() + " FROM bid GROUP BY day",
                QueryOptions.defaults());
    }
}
