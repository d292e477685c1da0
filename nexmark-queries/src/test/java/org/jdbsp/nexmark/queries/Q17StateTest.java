package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * q17's state, the prices of every (auction, day), is held in traces (which spill to files with storage on), and
 * what it keeps outside traces is bounded by the groups one step changes, not by all groups.
 */
class Q17StateTest {
    private static final int STEP = 1_000;

    /** A run's state: tuples and bytes in traces, the most tuples any other operator keeps, and counts of the input. */
    private record State(long traceTuples, long traceBytes, long largestOutsideTraces, long groups, long prices,
                         long changedGroupsPerStep) {}

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void thePricesAreInTracesAndOnlyAStepsGroupsAreHeldOutside() {
        State small = run(QueryHarness.events(20_000));
        State large = run(QueryHarness.events(80_000));
        for (State s : List.of(small, large)) {
            assertTrue(s.traceTuples() >= s.prices(), "the traces hold every distinct (auction, day, price), "
                    + s.prices() + ", but " + s.traceTuples() + " tuples");
            assertTrue(s.largestOutsideTraces() <= s.changedGroupsPerStep(), "an operator keeps " + s.largestOutsideTraces()
                    + " tuples outside traces, more than the " + s.changedGroupsPerStep() + " groups a step changes at most"
                    + " (of " + s.groups() + " groups)");
        }
        assertTrue(large.groups() > 2 * small.changedGroupsPerStep(), "the input has many more groups than a step changes");
        assertTrue(large.traceTuples() > 2 * small.traceTuples(), "the traces grow with the input: "
                + small.traceTuples() + " -> " + large.traceTuples());
        assertTrue(large.traceBytes() > 2 * small.traceBytes(), "the traces' bytes grow with the input: "
                + small.traceBytes() + " -> " + large.traceBytes());
    }

    private static State run(List<Event> events) {
        Set<List<Long>> prices = new HashSet<>();
        Set<List<Long>> groups = new HashSet<>();
        long changedPerStep = 0;
        Event[] all = events.toArray(Event[]::new);
        for (int i = 0; i < all.length; i += STEP) {
            Set<List<Long>> changed = new HashSet<>();
            for (int j = i; j < Math.min(all.length, i + STEP); j++) {
                if (all[j] instanceof Bid b) {
                    List<Long> group = List.of(b.auction(), BidBands.day(b.dateTime()));
                    changed.add(group);
                    groups.add(group);
                    prices.add(List.of(b.auction(), BidBands.day(b.dateTime()), b.price()));
                }
            }
            changedPerStep = Math.max(changedPerStep, changed.size());
        }
        try (QueryCircuit<?> q = QueryCircuit.start(new Q17(), QueryOptions.defaults(), CircuitConfig.defaults().withWorkers(2), false)) {
            for (int i = 0; i < all.length; i += STEP) {
                q.push(all, i, Math.min(all.length, i + STEP));
                q.step();
            }
            TraceStateTotals totals = TraceStateTotals.of(q);
            return new State(totals.traceTuples(), totals.traceBytes(), totals.largestOutsideTraces(), groups.size(), prices.size(), changedPerStep);
        }
    }
}
