package org.jdbsp.bench.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.generator.NexmarkGenerator;
import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Event;
import org.junit.jupiter.api.Test;

class EventTimeLimitTest {

    @Test
    void atTheLimitNoEventTimeOrExpiryWrapsAndOneMoreIsRefused() {
        GeneratorConfig[] configs = {
            GeneratorConfig.builder().maxEvents(3_000).build(),
            GeneratorConfig.builder().maxEvents(3_000).firstEventRate(0.001).build(), // 1,000 s apart
            GeneratorConfig.builder().maxEvents(3_000).firstEventRate(1e-12).build(), // offsets saturate
            GeneratorConfig.builder().maxEvents(3_000).numInFlightAuctions(1_000_000).firstEventRate(3).build(),
            GeneratorConfig.builder().maxEvents(3_000).firstEventRate(7).build().split(2, 3),
        };
        for (GeneratorConfig c : configs) {
            long limit = EventTimeLimit.maxBaseTime(c);
            assertTrue(limit > 0 && limit < Long.MAX_VALUE, c + ": " + limit);
            GeneratorConfig atLimit = c.toBuilder().baseTime(limit).build();
            assertDoesNotThrow(() -> EventTimeLimit.check(atLimit));
            long latestExpiry = Long.MIN_VALUE;
            try (NexmarkGenerator g = NexmarkGenerator.create(atLimit)) {
                while (g.hasNext()) {
                    Event e = g.next();
                    long time = e.dateTime();
                    assertTrue(time >= limit, c + ": event time wrapped: " + time);
                    if (e instanceof Auction a) {
                        assertTrue(a.expires() > time, c + ": expiry wrapped: " + a.expires());
                        latestExpiry = Math.max(latestExpiry, a.expires());
                    }
                }
            }
            GeneratorConfig beyond = c.toBuilder().baseTime(limit + 1).build();
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> EventTimeLimit.check(beyond));
            assertTrue(refused.getMessage().startsWith("--base-time = " + (limit + 1) + " is invalid")
                && refused.getMessage().endsWith("must be <= " + limit), refused.getMessage());
        }
    }

    @Test
    void theLimitIsTightAtTheDefaultRate() {
        GeneratorConfig c = GeneratorConfig.builder().maxEvents(100_000_000).build();
        long room = Long.MAX_VALUE - EventTimeLimit.maxBaseTime(c);
        long span = c.timestampForEventNumber(100_000_000) - c.baseTime(); // 10,000 s of events
        assertTrue(room >= span && room < span + 1_000, "room " + room + " for a span of " + span);
        assertEquals(Long.MAX_VALUE, EventTimeLimit.maxBaseTime(c.toBuilder().maxEvents(0).build()));
    }
}
