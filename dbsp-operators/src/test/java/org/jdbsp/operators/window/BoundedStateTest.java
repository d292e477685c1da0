package org.jdbsp.operators.window;

import org.jdbsp.circuit.spi.Wiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.time.Watermarks;
import org.junit.jupiter.api.Test;

/** A sliding-window count over an endless stream keeps bounded state; a non-windowed join's state grows. */
class BoundedStateTest {
    record Event(long id, long key, long time) {}

    record Io(ZSetInput<Event> in, Watermark wm, WindowAggregation<Long, Long> counts, ZSetOutput<WindowResult<Long, Long>> out,
              IndexedZSetStream<Long, Event> joinSide) {}

    @Test
    void slidingWindowCountOverAMillionEventsKeepsItsLiveStateBelowAConstant() {
        int keys = 100;
        long size = 10_000;
        long slide = 2_000;
        long delay = 4_000;
        try (CircuitHandle<Io> h = Circuit.build(b -> {
            ZSetInput<Event> in = b.zsetInput("events");
            Watermark wm = Watermarks.watermark(in.stream(), Event::time, delay);
            WindowAggregation<Long, Long> counts = WindowedAggregates.count(in.stream(), Event::key, Event::time,
                    Windows.hopping(size, slide), wm);
            // the state a regular (non-windowed) join on the key would keep: the integral of one side
            IndexedZSetStream<Long, Event> joinSide = in.stream().indexByLong(Event::key, e -> e);
            Wiring.integralTrace(joinSide);
            return new Io(in, wm, counts, counts.stream().outputDeltas(), joinSide);
        })) {
            // windows open at once: those containing [watermark, max time], plus one per key per slide of disorder
            long bound = keys * ((size + delay) / slide + 2);
            long maxState = 0;
            long rows = 0;
            long previousJoinState = 0;
            int events = 1_000_000;
            int perStep = 2_000;
            for (int id = 0; id < events; ) {
                for (int i = 0; i < perStep; i++, id++) {
                    long time = id - (id * 7919L % 1_500);     // one event per ms, up to 1.5 s out of order
                    h.io().in().push(new Event(id, id % keys, time));
                }
                h.step();
                maxState = Math.max(maxState, h.io().counts().stateTuples());
                rows += h.io().out().delta().size();
                long joinState = Wiring.integralTrace(h.io().joinSide()).stateTuples();
                assertTrue(joinState > previousJoinState, "the join's state grows");
                previousJoinState = joinState;
            }
            assertTrue(maxState <= bound, "live tuples " + maxState + " above " + bound);
            assertTrue(h.io().counts().stateBytes() < 200 * bound);
            assertEquals(events, previousJoinState, "the join keeps every event");
            assertEquals(0, h.io().counts().droppedLate());
            assertTrue(rows > 0);
        }
    }
}
