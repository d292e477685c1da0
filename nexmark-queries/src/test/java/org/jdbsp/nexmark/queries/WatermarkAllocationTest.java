package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.SplitInput;
import org.jdbsp.nexmark.model.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The event-time watermark of the Nexmark streams reads the three streams in place: a step with it allocates
 * almost nothing more than the same step without it. Both circuits read every stream with an output of its
 * changes, so the split input does the same work in both; the difference is the watermark's. Counted in bytes
 * with the thread's allocation counter (one worker, on the stepping thread), not in time, so it holds on a
 * loaded machine. The bound, 4 bytes per event, is half a long: mapping each event to its time, consolidating
 * the times and adding the three streams costs well over 16 bytes per event (a long and a weight each).
 */
class WatermarkAllocationTest {
    private static final int EVENTS = 40_000;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theWatermarkAllocatesNothingPerEvent() {
        Event[] events = QueryHarness.events(EVENTS).toArray(new Event[0]);
        long without = fewestBytesPerStep(events, false);
        long with = fewestBytesPerStep(events, true);
        double perEvent = (double) (with - without) / EVENTS;
        assertTrue(perEvent < 4, "bytes the watermark allocates per event: " + perEvent
                + " (a step allocates " + with + " bytes with it, " + without + " without)");
    }

    /** The fewest bytes this thread allocates to push {@code events} and step, over a few rounds after a warm-up. */
    private static long fewestBytesPerStep(Event[] events, boolean watermark) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (CircuitHandle<SplitInput<Event>> handle = Circuit.build(CircuitConfig.defaults(), c -> {
            SplitInput<Event> input = c.splitInput("events");
            NexmarkStreams streams = new NexmarkStreams(c, input, QueryOptions.defaults());
            if (watermark) {
                streams.watermark();
            }
            streams.persons().outputDeltas();
            streams.auctions().outputDeltas();
            streams.bids().outputDeltas();
            return input;
        })) {
            SplitInput<Event> input = handle.io();
            for (int i = 0; i < 20; i++) {
                input.pushAll(events, 0, events.length);
                handle.step();
            }
            long fewest = Long.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                input.pushAll(events, 0, events.length);
                handle.step();
                fewest = Math.min(fewest, threads.getCurrentThreadAllocatedBytes() - before);
            }
            return fewest;
        }
    }
}
