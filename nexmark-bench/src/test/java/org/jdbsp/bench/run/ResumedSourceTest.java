package org.jdbsp.bench.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.jdbsp.nexmark.generator.EventSource;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.generator.NexmarkGenerator;
import org.jdbsp.nexmark.generator.RngMode;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.nexmark.queries.NexmarkQueries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A resumed run's events: those of the whole run after the ones consumed, whatever the generator threads. */
class ResumedSourceTest {
    private static final int EVENTS = 5_000;

    @ParameterizedTest(name = "{0}, {1} generator thread(s), skipping {2}")
    @CsvSource({
        "PER_EVENT, 1, 0", "PER_EVENT, 1, 1234", "PER_EVENT, 3, 1234", "PER_EVENT, 4, 4999", "PER_EVENT, 2, 5000",
        "REFERENCE, 1, 1234", "REFERENCE, 1, 5000",
    })
    void aSourceSkippingTheConsumedEventsGivesTheRestOfTheStream(RngMode mode, int threads, int skip) {
        GeneratorConfig config = GeneratorConfig.builder().rngMode(mode).maxEvents(2 * EVENTS).firstEventId(7)
            .build().split(1, 2); // a split moves the ids and the seed: the skip must keep them
        Event[] all = new Event[(int) config.maxEvents()];
        try (NexmarkGenerator g = NexmarkGenerator.create(config)) {
            assertEquals(all.length, g.nextBatch(all));
        }
        RunSettings s = new RunSettings(NexmarkQueries.all(), config, threads, 1, 1_000, 300, false, null, null,
            null);
        Event[] rest = new Event[all.length];
        int n = 0;
        try (EventSource source = EventSources.open(s, skip)) {
            Event[] chunk = new Event[700];
            int got;
            while ((got = source.nextBatch(chunk)) > 0) {
                System.arraycopy(chunk, 0, rest, n, got);
                n += got;
            }
        }
        int expected = Math.max(0, all.length - skip);
        assertEquals(expected, n);
        assertArrayEquals(Arrays.copyOfRange(all, all.length - expected, all.length), Arrays.copyOf(rest, n));
    }
}
