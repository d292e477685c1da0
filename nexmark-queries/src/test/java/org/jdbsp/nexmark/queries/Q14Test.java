package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;

import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.model.Bid;
import org.junit.jupiter.api.Test;

class Q14Test {
    private static final Q14 Q = new Q14();
    private static final long DAY = GeneratorConfig.DEFAULT_BASE_TIME; // 2015-07-15T00:00:00Z
    private static final long HOUR = 3_600_000L;

    @Test
    void priceBoundsAreTheExactDecimalComparisons() {
        BigDecimal low = new BigDecimal("1000000");
        BigDecimal high = new BigDecimal("50000000");
        for (long bound : new long[] {Q14.MIN_PRICE, Q14.MAX_PRICE}) {
            for (long p = bound - 3; p <= bound + 3; p++) {
                BigDecimal euros = new BigDecimal(p).multiply(new BigDecimal("0.908"));
                boolean sql = euros.compareTo(low) > 0 && euros.compareTo(high) < 0;
                assertEquals(sql, p >= Q14.MIN_PRICE && p <= Q14.MAX_PRICE, "price " + p);
            }
        }
        assertEquals(1_101_322, Q14.MIN_PRICE);
        assertEquals(55_066_079, Q14.MAX_PRICE);
    }

    @Test
    void labelsHoursOfTheUtcDay() {
        assertEquals("nightTime", Q14.bidTimeType(DAY));
        assertEquals("nightTime", Q14.bidTimeType(DAY + 7 * HOUR - 1));
        assertEquals("otherTime", Q14.bidTimeType(DAY + 7 * HOUR));
        assertEquals("otherTime", Q14.bidTimeType(DAY + 8 * HOUR - 1));
        assertEquals("dayTime", Q14.bidTimeType(DAY + 8 * HOUR));
        assertEquals("dayTime", Q14.bidTimeType(DAY + 19 * HOUR - 1));
        assertEquals("otherTime", Q14.bidTimeType(DAY + 19 * HOUR));
        assertEquals("otherTime", Q14.bidTimeType(DAY + 20 * HOUR - 1));
        assertEquals("nightTime", Q14.bidTimeType(DAY + 20 * HOUR));
        assertEquals("nightTime", Q14.bidTimeType(DAY + 24 * HOUR - 1));
        assertEquals("nightTime", Q14.bidTimeType(-1), "23:59:59.999 on 1969-12-31");
        assertEquals("otherTime", Q14.bidTimeType(-5 * HOUR), "19:00 on 1969-12-31");
    }

    @Test
    void filtersConvertsLabelsAndRetracts() {
        Bid cheap = new Bid(1001, 2001, Q14.MIN_PRICE - 1, "Google", "u", DAY + 9 * HOUR, "ccc");
        Bid day = new Bid(1002, 2001, Q14.MIN_PRICE, "Google", "u", DAY + 9 * HOUR, "acbc");
        Bid evening = new Bid(1003, 2002, Q14.MAX_PRICE, "Apple", "u", DAY + 19 * HOUR + 30, "x");
        Bid dear = new Bid(1004, 2002, Q14.MAX_PRICE + 1, "Apple", "u", DAY + 19 * HOUR, "c");
        Q14.Row dayRow = new Q14.Row(1002, 2001, new BigDecimal("1000000.376"), "dayTime", DAY + 9 * HOUR, "acbc", 2);
        Q14.Row eveningRow = new Q14.Row(1003, 2002, new BigDecimal("49999999.732"), "otherTime",
                DAY + 19 * HOUR + 30, "x", 0);
        try (QueryCircuit<Q14.Row> q = QueryCircuit.start(Q)) {
            q.push(cheap);
            q.push(day);
            q.push(dear);
            q.step();
            assertEquals(Map.of(dayRow, 1L), q.delta().toMap());
            q.push(evening);
            q.push(day, -1);
            q.step();
            assertEquals(Map.of(dayRow, -1L, eveningRow, 1L), q.delta().toMap());
            assertEquals(Map.of(eveningRow, 1L), q.integral().toMap());
        }
    }

    @Test
    void matchesSql() {
        // Half an event per second: 50,000 events span about 28 hours, so every label occurs.
        var events = QueryHarness.events(GeneratorConfig.builder().firstEventRate(0.5)
                .maxEvents(QueryHarness.ORACLE_EVENTS).build());
        String hour = "hour(epoch_ms(dateTime))";
        String euros = "CAST(0.908 AS DECIMAL(4, 3)) * price";
        try (SqlOracle oracle = SqlOracle.load(events)) {
            assertEquals(3, oracle.rows("SELECT DISTINCT " + hour + " IN (7, 19), " + hour + " BETWEEN 8 AND 18"
                    + " FROM bid WHERE " + euros + " > 1000000 AND " + euros + " < 50000000").size());
        }
        QueryHarness.assertMatchesSql(Q, events, "SELECT auction, bidder, " + euros + " AS price,"
                + " CASE WHEN " + hour + " >= 8 AND " + hour + " <= 18 THEN 'dayTime'"
                + " WHEN " + hour + " <= 6 OR " + hour + " >= 20 THEN 'nightTime' ELSE 'otherTime' END AS bidTimeType,"
                + " dateTime, extra, strlen(extra) - strlen(replace(extra, 'c', '')) AS c_counts"
                + " FROM bid WHERE " + euros + " > 1000000 AND " + euros + " < 50000000", QueryOptions.defaults());
    }
}
