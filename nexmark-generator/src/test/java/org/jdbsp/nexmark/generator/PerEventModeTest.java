package org.jdbsp.nexmark.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.nexmark.model.Person;
import org.junit.jupiter.api.Test;

class PerEventModeTest {

    private static final int EVENTS = 100_000;

    @Test
    void eventKComputedAloneEqualsTheKthOfASequentialRun() {
        GeneratorConfig config = GeneratorConfig.builder().maxEvents(EVENTS).build();
        List<Event> sequential = new ArrayList<>();
        NexmarkGenerator gen = NexmarkGenerator.create(config);
        while (gen.hasNext()) {
            sequential.add(gen.next());
        }
        long seed = System.nanoTime();
        System.out.println("PerEventModeTest random access seed = " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        NexmarkGenerator alone = NexmarkGenerator.create(config);
        for (int i = 0; i < 2_000; i++) {
            int k = random.nextInt(EVENTS);
            assertEquals(sequential.get(k), alone.eventAt(k), "event " + k + " (seed " + seed + ")");
        }
        assertEquals(sequential.get(EVENTS - 1), alone.eventAt(EVENTS - 1));
        assertEquals(0, alone.eventsCountSoFar());
        assertThrows(IndexOutOfBoundsException.class, () -> alone.eventAt(EVENTS));
    }

    @Test
    void sharesTheReferenceFieldLogicWithOtherDraws() {
        NexmarkGenerator perEvent = NexmarkGenerator.create(GeneratorConfig.builder().maxEvents(EVENTS).build());
        NexmarkGenerator reference = NexmarkGenerator.create(
            GeneratorConfig.builder().rngMode(RngMode.REFERENCE).maxEvents(EVENTS).build());
        int differentPrices = 0;
        for (int k = 0; k < EVENTS; k++) {
            Event p = perEvent.next();
            Event r = reference.next();
            assertEquals(r.getClass(), p.getClass(), "kind of event " + k);
            assertEquals(r.dateTime(), p.dateTime(), "time of event " + k);
            if (p instanceof Person pp) {
                assertEquals(((Person) r).id(), pp.id());
                assertExtraLength(8 + pp.name().length() + pp.emailAddress().length() + pp.creditCard().length()
                    + pp.city().length() + pp.state().length(), 200, pp.extra());
                assertEquals(19, pp.creditCard().length());
            } else if (p instanceof Auction pa) {
                Auction ra = (Auction) r;
                assertEquals(ra.id(), pa.id());
                assertTrue(pa.expires() > pa.dateTime() && pa.expires() <= pa.dateTime() + 333);
                assertTrue(pa.category() >= 10 && pa.category() <= 14);
                assertTrue(pa.reserve() >= pa.initialBid());
                assertExtraLength(48 + pa.itemName().length() + pa.description().length(), 500, pa.extra());
            } else {
                Bid pb = (Bid) p;
                assertExtraLength(32, 100, pb.extra());
                assertTrue(pb.bidder() >= 2000);
                assertTrue(pb.price() >= 100 && pb.price() <= 100_000_000);
                if (pb.price() != ((Bid) r).price()) {
                    differentPrices++;
                }
            }
        }
        assertTrue(differentPrices > EVENTS / 2, "the per-event stream differs from the reference stream");
    }

    private static void assertExtraLength(int size, int average, String extra) {
        int wanted = average - size;
        int delta = (int) Math.round(wanted * 0.2);
        int max = delta == 0 ? wanted : wanted + delta - 1;
        assertTrue(extra.length() >= wanted - delta && extra.length() <= max,
            "extra of length " + extra.length() + " outside [" + (wanted - delta) + ", " + max + "]");
    }

    @Test
    void theEventSeedChangesTheEvents() {
        Event a = NexmarkGenerator.create(GeneratorConfig.defaults()).eventAt(10);
        Event b = NexmarkGenerator.create(GeneratorConfig.builder().eventSeed(4).build()).eventAt(10);
        assertNotEquals(a, b);
        assertThrows(IllegalStateException.class,
            () -> NexmarkGenerator.create(GeneratorConfig.builder().rngMode(RngMode.REFERENCE).build()).eventAt(1));
    }

    @Test
    void batchesStopAtMaxEvents() {
        NexmarkGenerator gen = NexmarkGenerator.create(GeneratorConfig.builder().maxEvents(10).build());
        Event[] batch = new Event[4];
        assertEquals(4, gen.nextBatch(batch));
        assertEquals(4, gen.nextBatch(batch));
        assertEquals(2, gen.nextBatch(batch));
        assertEquals(0, gen.nextBatch(batch));
    }
}
