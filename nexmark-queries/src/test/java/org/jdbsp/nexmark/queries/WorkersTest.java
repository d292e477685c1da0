package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.testkit.TestStorage;
import org.jdbsp.testkit.WorkerCounts;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered query gives exactly the same output change in every step, and the same integral, on 1,
 * 2 and 4 workers: the same generated events are pushed into three circuits in lockstep, in steps of
 * different sizes, and the outputs are compared after every step and after the end of input. Queries
 * reading processing time get the same deterministic clock.
 */
class WorkersTest {
    private static final List<Integer> WORKERS = WorkerCounts.DEFAULT;
    /** Spread over event time (500 events/s) so that windows of 10 s open and close along the run. */
    private static final List<Event> EVENTS = QueryHarness.events(GeneratorConfig.builder().maxEvents(12_000).firstEventRate(500).build());
    /** Step sizes, used in turn: the steps cut the input at different places. */
    private static final int[] STEP_SIZES = {1_700, 300, 2_500, 1, 900};
    /** The processing clock's first reading (2015-07-15, as the generated events), and its advance per step. */
    private static final long CLOCK_START = 1_436_918_400_000L;
    private static final long CLOCK_TICK = 1_300;

    static List<NexmarkQuery<?>> queries() {
        return NexmarkQueries.all();
    }

    private static LongSupplier clock() {
        long[] now = {CLOCK_START};
        return () -> now[0] += CLOCK_TICK;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void queryGivesTheSameChangesOnEveryWorkerCount(NexmarkQuery<?> query, @TempDir Path q10) {
        List<QueryCircuit<?>> circuits = new ArrayList<>();
        try {
            for (int w : WORKERS) {
                QueryOptions options = QueryOptions.defaults().withQ10Directory(q10.resolve("w" + w)).withProcessingClock(clock());
                CircuitConfig config = CircuitConfig.defaults().withWorkers(w).withValidation(true);
                // with storage forced (TestStorage), the first worker count stays on the heap as the reference
                circuits.add(QueryCircuit.start(query, options, w == WORKERS.get(0) ? config : TestStorage.apply(config), true));
            }
            int step = 0;
            long changes = 0;
            for (int from = 0; from < EVENTS.size(); step++) {
                int to = Math.min(EVENTS.size(), from + STEP_SIZES[step % STEP_SIZES.length]);
                for (QueryCircuit<?> c : circuits) {
                    for (Event e : EVENTS.subList(from, to)) {
                        c.push(e);
                    }
                    c.step();
                }
                changes += circuits.get(0).delta().size();
                compare(query, circuits, "after step " + step + " (events " + from + " to " + to + ")");
                from = to;
            }
            for (QueryCircuit<?> c : circuits) {
                c.finish();
            }
            compare(query, circuits, "after the end of input");
            changes += circuits.get(0).integral().size();
            assertTrue(changes > 0, query.name() + " produced no output at all: the comparison would prove nothing");
        } finally {
            circuits.forEach(QueryCircuit::close);
        }
    }

    private static void compare(NexmarkQuery<?> query, List<QueryCircuit<?>> circuits, String when) {
        WorkerCounts.assertSameOnEvery("change of " + query.name() + " " + when, WORKERS, circuits.stream().map(QueryCircuit::delta).toList());
        WorkerCounts.assertSameOnEvery("integral of " + query.name() + " " + when, WORKERS, circuits.stream().map(QueryCircuit::integral).toList());
    }
}
