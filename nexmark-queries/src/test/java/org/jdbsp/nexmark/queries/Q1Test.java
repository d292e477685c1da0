package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;

import org.jdbsp.nexmark.model.Bid;
import org.junit.jupiter.api.Test;

class Q1Test {
    private static final Q1 Q = new Q1();

    private static Bid bid(long auction, long price, long time) {
        return new Bid(auction, 2001, price, "Google", "https://x", time, "e" + auction);
    }

    @Test
    void convertsEveryPriceExactlyWithScaleThree() {
        assertEquals("0.908", Q1.euros(1).toPlainString());
        assertEquals("908.000", Q1.euros(1000).toPlainString());
        assertEquals("0.000", Q1.euros(0).toPlainString());
        assertEquals("-90.800", Q1.euros(-100).toPlainString());
        long big = Long.MAX_VALUE / 908 + 1;
        assertEquals(BigDecimal.valueOf(big).multiply(new BigDecimal("0.908")), Q1.euros(big));
        assertEquals("8374821809464136432.756", Q1.euros(Long.MAX_VALUE).toPlainString());
        assertEquals(3, Q1.euros(Long.MIN_VALUE).scale());
    }

    @Test
    void projectsInsertionsAndRetractionsStepByStep() {
        Bid a = bid(1001, 1, 1_000);
        Bid b = bid(1002, 12_345, 1_001);
        try (QueryCircuit<Q1.Row> q = QueryCircuit.start(Q)) {
            q.push(a);
            q.push(b);
            q.step();
            assertEquals(Map.of(new Q1.Row(1001, 2001, new BigDecimal("0.908"), 1_000, "e1001"), 1L,
                    new Q1.Row(1002, 2001, new BigDecimal("11209.260"), 1_001, "e1002"), 1L), q.delta().toMap());
            q.push(a, -1);
            q.push(b, 2);
            q.step();
            assertEquals(Map.of(new Q1.Row(1001, 2001, new BigDecimal("0.908"), 1_000, "e1001"), -1L,
                    new Q1.Row(1002, 2001, new BigDecimal("11209.260"), 1_001, "e1002"), 2L), q.delta().toMap());
            assertEquals(Map.of(new Q1.Row(1002, 2001, new BigDecimal("11209.260"), 1_001, "e1002"), 3L),
                    q.integral().toMap());
        }
    }

    @Test
    void oracleComputesTheSameDecimalType() throws Exception {
        try (SqlOracle oracle = SqlOracle.load(QueryHarness.events(100))) {
            assertEquals(Map.of("DECIMAL(23,3)", 1L),
                    oracle.rows("SELECT DISTINCT typeof(CAST(0.908 AS DECIMAL(4, 3)) * price) FROM bid"));
        }
    }

    @Test
    void matchesSql() {
        QueryHarness.assertMatchesSql(Q, QueryHarness.events(QueryHarness.ORACLE_EVENTS),
                "SELECT auction, bidder, CAST(0.908 AS DECIMAL(4, 3)) * price AS price, dateTime, extra FROM bid",
                QueryOptions.defaults());
    }
}
