package org.jdbsp.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.generator.NexmarkGenerator;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.queries.Q20;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StateFootprint} counts the bids, the state's files and its heap: with every batch in a file the bytes are
 * mostly on disk, with every batch on the heap they are all on the heap (and a bid costs far more there).
 */
@Timeout(300)
class StateFootprintTest {
    private static final long EVENTS = 100_000;

    @TempDir
    Path dir;

    private static long bidsIn(long events) {
        long bids = 0;
        try (NexmarkGenerator g = NexmarkGenerator.create(GeneratorConfig.builder().maxEvents(events).build())) {
            while (g.hasNext()) {
                bids += g.next() instanceof Bid ? 1 : 0;
            }
        }
        return bids;
    }

    @Test
    void spilledStateIsCountedOnDiskAndHeapStateOnTheHeap() throws IOException {
        StateFootprint.Figures spilled = StateFootprint.measure(new Q20(), EVENTS, dir, 0);
        StateFootprint.Figures onHeap = StateFootprint.measure(new Q20(), EVENTS, dir, Long.MAX_VALUE);
        long bids = bidsIn(EVENTS);
        assertEquals(List.of(bids, bids), List.of(spilled.bids(), onHeap.bids()));
        assertTrue(spilled.diskBytes() > 40 * bids, "every bid is in a file: " + spilled);
        assertTrue(spilled.heapBytes() > 0 && spilled.heapBytes() < spilled.diskBytes() / 2,
            "the heap holds the files' indexes and tables only: " + spilled);
        assertTrue(onHeap.diskBytes() < 4096, "nothing but the lock file on disk: " + onHeap);
        assertTrue(onHeap.heapBytes() > 100 * bids, "a bid on the heap costs more than 100 bytes: " + onHeap);
        assertTrue(onHeap.bytesPerBid() > 1.5 * spilled.bytesPerBid(), onHeap + " vs " + spilled);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "the run directories are deleted");
        }
        assertThrows(IllegalArgumentException.class, () -> StateFootprint.measure(new Q20(), 0, dir, 0));
    }
}
