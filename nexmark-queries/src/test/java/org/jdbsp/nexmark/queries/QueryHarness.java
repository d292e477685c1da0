package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.generator.NexmarkGenerator;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.testkit.ZSetAssertions;

/**
 * Shared test machinery: generated events, running a query over them in batches, and comparing the
 * integrated result with the SQL oracle's.
 */
final class QueryHarness {
    /** The number of events of the differential tests. */
    static final int ORACLE_EVENTS = 50_000;

    private QueryHarness() {}

    /** The first {@code n} events of the default per-event generator. */
    static List<Event> events(int n) {
        return events(GeneratorConfig.builder().maxEvents(n).build());
    }

    /**
     * The events of {@code config}. A lower {@code firstEventRate} spreads the same number of events over
     * more event time (at the default 10,000 events/s, 50,000 events span only 5 s), so windowed queries
     * see many windows close.
     */
    static List<Event> events(GeneratorConfig config) {
        List<Event> events = new ArrayList<>();
        try (NexmarkGenerator g = NexmarkGenerator.create(config)) {
            while (g.hasNext()) {
                events.add(g.next());
            }
        }
        return events;
    }

    /** Runs {@code query} over {@code events}, {@code batchSize} events per step, and returns its final result. */
    static TreeMap<String, Long> run(NexmarkQuery<?> query, List<Event> events, int batchSize, QueryOptions options) {
        return run(query, events, batchSize, options, CircuitConfig.defaults());
    }

    /** As {@link #run(NexmarkQuery, List, int, QueryOptions)}, with a circuit configuration. */
    static TreeMap<String, Long> run(NexmarkQuery<?> query, List<Event> events, int batchSize, QueryOptions options,
                                     CircuitConfig config) {
        try (QueryCircuit<?> q = QueryCircuit.start(query, options, config, true)) {
            for (int i = 0; i < events.size(); i++) {
                q.push(events.get(i));
                if ((i + 1) % batchSize == 0) {
                    q.step();
                }
            }
            q.finish();
            return ResultFormat.lines(q.integral());
        }
    }

    /**
     * Runs {@code query} for {@code steps} steps without keeping its integral, pushing {@code stepEvents(s)}
     * before step {@code s}, and returns the largest number of state tuples the circuit held after a step
     * (for tests that state stays bounded).
     */
    static long maxStateTuples(NexmarkQuery<?> query, QueryOptions options, int steps, IntFunction<List<? extends Event>> stepEvents) {
        long max = 0;
        try (QueryCircuit<?> q = QueryCircuit.start(query, options, CircuitConfig.defaults(), false)) {
            for (int s = 0; s < steps; s++) {
                stepEvents.apply(s).forEach(q::push);
                q.step();
                max = Math.max(max, q.stateTuples());
            }
        }
        return max;
    }

    /**
     * Asserts that {@code query} over {@code events} in batches of 1,000 and of 50,000 gives exactly the
     * oracle's result for {@code sql}. Also fails if the SQL result is empty, since an empty comparison
     * proves nothing.
     */
    static void assertMatchesSql(NexmarkQuery<?> query, List<Event> events, String sql, QueryOptions options) {
        assertMatchesSql(query, events, List.of(), sql, options);
    }

    /**
     * As {@link #assertMatchesSql(NexmarkQuery, List, String, QueryOptions)}, running {@code setup} statements
     * (for example creating a side table) in the oracle before {@code sql}.
     */
    static void assertMatchesSql(NexmarkQuery<?> query, List<Event> events, List<String> setup, String sql,
                                 QueryOptions options) {
        TreeMap<String, Long> expected;
        try (SqlOracle oracle = SqlOracle.load(events)) {
            setup.forEach(oracle::execute);
            expected = oracle.rows(sql);
        }
        if (expected.isEmpty()) {
            fail("the SQL result of " + query.name() + " is empty: the test would prove nothing");
        }
        for (int batchSize : new int[] {1_000, 50_000}) {
            TreeMap<String, Long> actual = run(query, events, batchSize, options);
            assertSameLines(query.name() + " with batches of " + batchSize, expected, actual);
        }
    }

    /** Compares two results line by line; a failure lists the lines missing, extra and with another count (the test kit's diff). */
    static void assertSameLines(String what, Map<String, Long> expected, Map<String, Long> actual) {
        ZSetAssertions.assertWeightsEqual(what + ": results differ", expected, actual);
    }
}
