package org.jdbsp.operators.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.Wiring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The work a step of a trace that forgets values by time does stays in proportion to the step's input while the
 * trace's state grows a thousandfold: its periodic compaction is spread over the steps after it instead of
 * merging the whole state in one step. Work is counted as key comparisons (a counting key order), never timed.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ForgetValuesStepWorkTest {
    /** An event: its id (the key) and the time after which it may be forgotten. */
    record Ev(long id, long time) {}

    record Io(ZSetInput<Ev> events, ZSetInput<Long> clock, IntegralTrace trace) {}

    private static final long NEVER = Long.MAX_VALUE / 2;

    @Test
    void noStepComparesMoreThanItsInputTimesTheLevelsWhileTheStateGrows() {
        long[] comparisons = new long[1];
        Comparator<Long> countingIds = (a, b) -> {
            comparisons[0]++;
            return Long.compare(a, b);
        };
        Comparator<Ev> byTimeThenId = Comparator.comparingLong(Ev::time).thenComparingLong(Ev::id);
        try (CircuitHandle<Io> h = Circuit.build(b -> {
            ZSetInput<Ev> events = b.zsetInput("events");
            ZSetInput<Long> clock = b.zsetInput("clock");
            Watermark wm = Watermarks.watermark(clock.stream(), t -> t, 0);
            IndexedZSetStream<Long, Ev> byId = events.stream().index(Ev::id, e -> e, countingIds, byTimeThenId);
            Watermarks.forgetValuesBelow(byId, wm, Ev::time, 0);
            return new Io(events, clock, Wiring.integralTrace(byId.shard()));
        })) {
            int n = 64;
            int steps = 3_000;
            long worst = 0;
            long worstStored = 0;
            for (int step = 0; step < steps; step++) {
                for (int i = 0; i < n; i++) {
                    long id = (long) step * n + i;
                    // half the events may be forgotten once the clock passes this step, half stay forever
                    h.io().events().push(new Ev(id, i % 2 == 0 ? step : NEVER));
                }
                h.io().clock().push((long) step);
                comparisons[0] = 0;
                h.step();
                worst = Math.max(worst, comparisons[0]);
                long live = (long) (step + 1) * n / 2;
                long stored = h.io().trace().stateTuples();
                worstStored = Math.max(worstStored, stored);
                assertTrue(stored <= 4 * live + 4_096, "step " + step + ": " + stored + " tuples stored for " + live + " live ones");
            }
            long live = (long) steps * n / 2;
            assertTrue(worstStored >= live, "the state grew to " + worstStored + " tuples");
            // sorting the step's input, plus 8 units of fuel per tuple (rounded up to a power of two) for each merge
            // in progress (one a level) and for finishing the merge its own level starts, plus the compaction's share
            int levels = 1 + 64 - Long.numberOfLeadingZeros(worstStored);
            long bound = 24L * n * levels;
            assertTrue(worst <= bound, "a step of " + n + " tuples made " + worst + " key comparisons (bound " + bound
                    + ", " + worstStored + " tuples stored at most)");
            assertEquals(steps, h.steps(), "every step ran");
        }
    }
}
