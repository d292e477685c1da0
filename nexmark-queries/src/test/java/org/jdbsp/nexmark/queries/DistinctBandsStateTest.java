package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Event;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * q15's and q16's distinct bidders and auctions, the part of their state that grows with the events, are held in
 * traces (which spill to files with storage on), bidders and auctions in one trace, and what they keep outside traces
 * is bounded by their groups.
 */
class DistinctBandsStateTest {
    private static final int STEP = 5_000;

    /** A run's state: tuples in traces, and the most tuples any operator keeps outside a trace. */
    private record State(long traceTuples, long traceBytes, long largestOutsideTraces, long largestTrace, long groups, long members) {}

    @ParameterizedTest
    @ValueSource(strings = {"q15", "q16"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theDistinctMembersAreInTracesAndTheGroupsKeepOnlyCounters(String name) {
        NexmarkQuery<?> query = NexmarkQueries.byName(name);
        Function<Bid, Object> group = name.equals("q15") ? b -> BidBands.day(b.dateTime())
                : b -> b.channel() + "/" + BidBands.day(b.dateTime());
        State small = run(query, QueryHarness.events(20_000), group);
        State large = run(query, QueryHarness.events(80_000), group);
        for (State s : List.of(small, large)) {
            assertTrue(s.traceTuples() >= s.members(), name + ": the traces hold every distinct (group, bidder) and"
                    + " (group, auction), " + s.members() + ", but " + s.traceTuples() + " tuples");
            assertTrue(s.largestTrace() >= s.members(), name + ": one trace holds the distinct bidders and auctions, "
                    + s.members() + ", but the largest has " + s.largestTrace() + " tuples");
            assertTrue(s.largestOutsideTraces() <= s.groups(), name + ": an operator keeps " + s.largestOutsideTraces()
                    + " tuples outside traces, more than the " + s.groups() + " groups");
        }
        assertTrue(large.members() > 2 * small.members(), "the larger input has more distinct members");
        assertTrue(large.traceTuples() > 2 * small.traceTuples(), name + ": the traces grow with the input: "
                + small.traceTuples() + " -> " + large.traceTuples());
        assertTrue(large.traceBytes() > 2 * small.traceBytes(), name + ": the traces' bytes grow with the input: "
                + small.traceBytes() + " -> " + large.traceBytes());
    }

    private static State run(NexmarkQuery<?> query, List<Event> events, Function<Bid, Object> group) {
        Set<List<Object>> members = new HashSet<>();
        for (Event e : events) {
            if (e instanceof Bid b) {
                members.add(List.of(group.apply(b), "bidder", b.bidder()));
                members.add(List.of(group.apply(b), "auction", b.auction()));
            }
        }
        try (QueryCircuit<?> q = QueryCircuit.start(query, QueryOptions.defaults(), CircuitConfig.defaults().withWorkers(2), true)) {
            Event[] all = events.toArray(Event[]::new);
            for (int i = 0; i < all.length; i += STEP) {
                q.push(all, i, Math.min(all.length, i + STEP));
                q.step();
            }
            long groups = q.integral().size();
            assertTrue(groups > 0, "the query has rows");
            TraceStateTotals totals = TraceStateTotals.of(q);
            return new State(totals.traceTuples(), totals.traceBytes(), totals.largestOutsideTraces(), totals.largestTrace(), groups,
                    members.size());
        }
    }
}
