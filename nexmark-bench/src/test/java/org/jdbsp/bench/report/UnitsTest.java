package org.jdbsp.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void formatsForPeople() {
        assertEquals("10,000,000", Units.count(10_000_000));
        assertEquals("1.500 s", Units.seconds(1_500_000_000L));
        assertEquals("n/a", Units.seconds(-1L));
        assertEquals("1.23 M/s", Units.rate(1_234_567, "/s"));
        assertEquals("45.7 K events/s", Units.rate(45_678, " events/s"));
        assertEquals("12/s", Units.rate(12.4, "/s"));
        assertEquals("n/a", Units.rate(Double.NaN, "/s"));
        assertEquals("1.50 GiB", Units.bytes(3L << 29));
        assertEquals("2.0 MiB", Units.bytes(2L << 20));
        assertEquals("17 B", Units.bytes(17));
        assertEquals("n/a", Units.bytes(-1));
        assertEquals("1:01:01", Units.clock(3661));
        assertEquals("0:59", Units.clock(59));
    }
}
