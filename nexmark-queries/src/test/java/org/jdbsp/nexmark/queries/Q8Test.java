package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.nexmark.model.Person;
import org.junit.jupiter.api.Test;

class Q8Test {
    private static final Q8 Q = new Q8();
    /** A multiple of 10 s: a window starts there. */
    private static final long B = 1_000_000;

    private static Person person(long id, String name, long time) {
        return new Person(id, name, name + "@x.com", "1111 2222 3333 4444", "Bend", "OR", time, "p");
    }

    private static Auction auction(long id, long seller, long time) {
        return new Auction(id, "item", "desc", 100, 200, time, time + 1_000, seller, 10, "a");
    }

    private static Q8.Row row(long id, String name, long start) {
        return new Q8.Row(id, name, start);
    }

    @Test
    void joinsTheWindowsOfPersonsAndSellersOnceBothAreFinal() {
        try (QueryCircuit<Q8.Row> q = QueryCircuit.start(Q)) {
            // Step 1, window [B, B + 10 s): Ann and her auction; Bob, whose auction is exactly at the window's
            // end (so in the next window); Cy with two auctions (one row) and an auction of seller 11003, in Cy's
            // join bucket (11003 mod 10,000 = 1003) but not Cy. Watermark B + 6 s: nothing closes.
            q.push(person(1001, "Ann", B + 100));
            q.push(auction(1, 1001, B + 9_999));
            q.push(person(1002, "Bob", B + 5_000));
            q.push(auction(2, 1002, B + 10_000));
            q.push(person(1003, "Cy", B + 7_000));
            q.push(auction(3, 1003, B + 7_500));
            q.push(auction(4, 1003, B + 8_000));
            q.push(auction(5, 11003, B + 8_000));
            q.step();
            assertTrue(q.delta().isEmpty(), q.delta().toString());
            // Step 2: watermark B + 11 s closes [B, B + 10 s).
            q.push(person(1004, "Dan", B + 15_000));
            q.step();
            assertEquals(Map.of(row(1001, "Ann", B), 1L, row(1003, "Cy", B), 1L), q.delta().toMap());
            // Step 3: Eve registers later than the watermark (dropped), then opens an auction on time; Dan opens
            // an auction. Watermark B + 12 s.
            q.push(person(1006, "Eve", B + 10_500));
            q.push(auction(6, 1006, B + 12_000));
            q.push(auction(7, 1004, B + 16_000));
            q.step();
            assertTrue(q.delta().isEmpty(), q.delta().toString());
            // Step 4: Dan's auction is deleted before its window closes; Fay and her auction arrive in the
            // window's last millisecond and just before.
            q.push(auction(7, 1004, B + 16_000), -1);
            q.push(person(1007, "Fay", B + 19_999));
            q.push(auction(8, 1007, B + 19_000));
            q.step();
            assertTrue(q.delta().isEmpty(), q.delta().toString());
            // The end of input closes [B + 10 s, B + 20 s): Fay only (Bob registered in the previous window).
            q.finish();
            assertEquals(Map.of(row(1007, "Fay", B + 10_000), 1L), q.delta().toMap());
            assertEquals(Map.of(row(1001, "Ann", B), 1L, row(1003, "Cy", B), 1L, row(1007, "Fay", B + 10_000), 1L),
                    q.integral().toMap());
        }
    }

    @Test
    void windowStateIsForgottenOnceTheWatermarkPassesIt() {
        // 400 s: every second 5 new persons, each with 3 auctions
        long maxState = QueryHarness.maxStateTuples(Q, QueryOptions.defaults(), 400, s -> {
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long id = 1_000 + s * 5L + i;
                long t = B + s * 1_000L + i * 100L;
                events.add(person(id, "P" + id, t));
                for (int a = 0; a < 3; a++) {
                    events.add(auction(id * 10 + a, id, t + 10 * a));
                }
            }
            return events;
        });
        assertTrue(maxState < 1_000, "live state " + maxState + " tuples for 8,000 events");
    }

    @Test
    void matchesSql() {
        // 500 events/s: 50,000 events span 100 s (10 windows)
        GeneratorConfig config = GeneratorConfig.builder().maxEvents(QueryHarness.ORACLE_EVENTS).firstEventRate(500).build();
        QueryHarness.assertMatchesSql(Q, QueryHarness.events(config), """
                SELECT P.id, P.name, P.starttime
                FROM (SELECT DISTINCT id, name, (dateTime // 10000) * 10000 AS starttime FROM person) P
                JOIN (SELECT DISTINCT seller, (dateTime // 10000) * 10000 AS starttime FROM auction) A
                ON P.id = A.seller AND P.starttime = A.starttime
                """, QueryOptions.defaults());
    }
}
