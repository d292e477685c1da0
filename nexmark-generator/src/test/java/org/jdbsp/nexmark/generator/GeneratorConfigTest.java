package org.jdbsp.nexmark.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {

    @Test
    void defaultsAreTheReferenceDefaults() {
        GeneratorConfig c = GeneratorConfig.defaults();
        assertEquals(RngMode.PER_EVENT, c.rngMode());
        assertEquals(1, c.numEventGenerators());
        assertEquals(10_000.0, c.firstEventRate());
        assertEquals(100.0, c.interEventDelayUs());
        assertEquals(1, c.personProportion());
        assertEquals(3, c.auctionProportion());
        assertEquals(46, c.bidProportion());
        assertEquals(50, c.totalProportion());
        assertEquals(2, c.hotAuctionRatio());
        assertEquals(4, c.hotSellersRatio());
        assertEquals(4, c.hotBiddersRatio());
        assertEquals(1000, c.numActivePeople());
        assertEquals(100, c.numInFlightAuctions());
        assertEquals(200, c.avgPersonByteSize());
        assertEquals(500, c.avgAuctionByteSize());
        assertEquals(100, c.avgBidByteSize());
        assertEquals(1, c.firstEventId());
        assertEquals(1, c.firstEventNumber());
        assertEquals(1_436_918_400_000L, c.baseTime());
        assertEquals(368_934_881_474_191L, c.maxEvents());
        assertEquals(1, c.extraSeed());
        assertEquals(2, c.channelSeed());
        assertEquals(3, c.eventSeed());
    }

    @Test
    void timestampsFollowTheInterEventDelay() {
        GeneratorConfig c = GeneratorConfig.defaults();
        assertEquals(c.baseTime(), c.timestampForEventNumber(9));
        assertEquals(c.baseTime() + 1, c.timestampForEventNumber(10));
        GeneratorConfig slow = c.toBuilder().firstEventRate(1000).numEventGenerators(2).build();
        assertEquals(2000.0, slow.interEventDelayUs());
        assertEquals(c.baseTime() + 6, slow.timestampForEventNumber(3));
    }

    @Test
    void unboundedMaxEventsFollowsProportionsAndSizes() {
        GeneratorConfig c = GeneratorConfig.builder().avgAuctionByteSize(1000).build();
        assertEquals(Long.MAX_VALUE / (50 * 1000), c.maxEvents());
        assertEquals(7, c.toBuilder().maxEvents(7).build().maxEvents());
        assertEquals(368_934_881_474_191L,
            c.toBuilder().maxEvents(7).unboundedMaxEvents().avgAuctionByteSize(500).build().maxEvents());
    }

    @Test
    void splitFollowsFlinkSemantics() {
        GeneratorConfig c = GeneratorConfig.builder().maxEvents(10).build();
        GeneratorConfig s1 = c.split(1, 3);
        assertEquals(1 + 3, s1.firstEventId());
        assertEquals(3, s1.maxEvents());
        assertEquals(3, s1.numEventGenerators());
        assertEquals(300.0, s1.interEventDelayUs());
        assertEquals(4, s1.eventSeed());
        assertEquals(1, s1.firstEventNumber());
        GeneratorConfig s2 = c.split(2, 3);
        assertEquals(1 + 6, s2.firstEventId());
        assertEquals(4, s2.maxEvents());
        assertEquals(c.maxEvents(), c.split(0, 1).maxEvents());
        assertInvalid(() -> c.split(3, 3), "split index = 3 is invalid: must be in [0, 2]");
        assertInvalid(() -> c.split(0, 0), "split count = 0 is invalid: must be >= 1");
    }

    @Test
    void invalidValuesAreRejectedWithFieldValueAndRange() {
        assertRejects(b -> b.numEventGenerators(0), "numEventGenerators = 0 is invalid: must be >= 1");
        assertRejects(b -> b.firstEventRate(0), "firstEventRate = 0.0 is invalid: must be > 0 and finite");
        assertRejects(b -> b.firstEventRate(-5), "firstEventRate = -5.0 is invalid: must be > 0 and finite");
        assertRejects(b -> b.firstEventRate(Double.NaN), "firstEventRate = NaN is invalid: must be > 0 and finite");
        assertRejects(b -> b.maxEvents(-1), "maxEvents = -1 is invalid: must be >= 0");
        assertRejects(b -> b.personProportion(-1), "personProportion = -1 is invalid: must be >= 0");
        assertRejects(b -> b.auctionProportion(-2), "auctionProportion = -2 is invalid: must be >= 0");
        assertRejects(b -> b.bidProportion(-3), "bidProportion = -3 is invalid: must be >= 0");
        assertRejects(b -> b.personProportion(0).auctionProportion(0).bidProportion(0),
            "personProportion + auctionProportion + bidProportion = 0 is invalid: must be in [1, 2147483647]");
        assertRejects(b -> b.hotAuctionRatio(0), "hotAuctionRatio = 0 is invalid: must be >= 1");
        assertRejects(b -> b.hotSellersRatio(0), "hotSellersRatio = 0 is invalid: must be >= 1");
        assertRejects(b -> b.hotBiddersRatio(-1), "hotBiddersRatio = -1 is invalid: must be >= 1");
        assertRejects(b -> b.numActivePeople(0), "numActivePeople = 0 is invalid: must be >= 1");
        assertRejects(b -> b.numInFlightAuctions(0), "numInFlightAuctions = 0 is invalid: must be >= 1");
        assertRejects(b -> b.avgPersonByteSize(0), "avgPersonByteSize = 0 is invalid: must be >= 1");
        assertRejects(b -> b.avgAuctionByteSize(0), "avgAuctionByteSize = 0 is invalid: must be >= 1");
        assertRejects(b -> b.avgBidByteSize(0), "avgBidByteSize = 0 is invalid: must be >= 1");
        assertRejects(b -> b.firstEventId(-1), "firstEventId = -1 is invalid: must be >= 0");
        assertRejects(b -> b.firstEventNumber(-1), "firstEventNumber = -1 is invalid: must be >= 0");
        assertRejects(b -> b.baseTime(-1), "baseTime = -1 is invalid: must be >= 0");
        assertRejects(b -> b.rngMode(null), "rngMode = null is invalid: must be REFERENCE or PER_EVENT");
        assertRejects(b -> b.firstEventId(Long.MAX_VALUE).maxEvents(10), "firstEventId + firstEventNumber + "
            + "maxEvents = 9223372036854775807 + 1 + 10 is invalid: must be <= 9223372036854775807");
    }

    @Test
    void zeroProportionsAreAllowedWhileOneIsPositive() {
        GeneratorConfig bidsOnly = GeneratorConfig.builder().personProportion(0).auctionProportion(0).maxEvents(100)
            .build();
        NexmarkGenerator gen = NexmarkGenerator.create(bidsOnly);
        while (gen.hasNext()) {
            assertEquals("Bid", gen.next().getClass().getSimpleName());
        }
    }

    private static void assertRejects(UnaryOperator<GeneratorConfig.Builder> change, String message) {
        assertInvalid(() -> change.apply(GeneratorConfig.builder()).build(), message);
    }

    private static void assertInvalid(Runnable build, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertEquals(message, e.getMessage());
    }
}
