package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.testkit.ZSetAssertions;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every query restarts where it stopped: run to step k, checkpoint, go on to the end; a fresh circuit restored
 * from that checkpoint and fed the same later events gives every step's change and the final integral exactly
 * as the uninterrupted run, on 1, 2 and 4 workers, restored on the same number of workers and on another one
 * (1 -> 2, 2 -> 4, 4 -> 1).
 */
class CheckpointRestoreTest {
    private static final List<Event> EVENTS = QueryHarness.events(GeneratorConfig.builder().maxEvents(6_000).firstEventRate(500).build());
    private static final int STEP = 700;
    private static final int CHECKPOINT_AFTER_STEP = 4;
    private static final long CLOCK_START = 1_436_918_400_000L;
    /** The other number of workers each checkpoint is also restored on (its keyed state cut again by key). */
    private static final Map<Integer, Integer> RESTORED_ON = Map.of(1, 2, 2, 4, 4, 1);
    /** Queries whose state cannot be saved yet, and what their refusal names: none any more. */
    private static final Map<String, String> NOT_YET_SAVED = Map.of();

    static List<NexmarkQuery<?>> queries() {
        return NexmarkQueries.all();
    }

    /** A processing clock that reads the same at the same step of every run. */
    private static LongSupplier clockFrom(long step) {
        long[] now = {CLOCK_START + step * 1_300};
        return () -> now[0] += 1_300;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void aRestoredQueryGoesOnExactlyAsTheUninterruptedRun(NexmarkQuery<?> query, @TempDir Path dir) throws Exception {
        for (int w : new int[] {1, 2, 4}) {
            Path storage = Files.createDirectories(dir.resolve("w" + w));
            CircuitConfig config = CircuitConfig.defaults().withWorkers(w).withStorage(storage);
            String refusal = NOT_YET_SAVED.get(query.name());
            if (refusal != null) {
                assertCheckpointRefusedClearly(query, config, storage, refusal);
                continue;
            }
            List<ZSet<?>> uninterrupted = new ArrayList<>();
            ZSet<?> finalIntegral;
            try (QueryCircuit<?> run = QueryCircuit.start(query, options(storage, 0), config, true)) {
                int steps = steps();
                for (int s = 0; s < steps; s++) {
                    push(run, s);
                    run.step();
                    uninterrupted.add(run.delta());
                    if (s == CHECKPOINT_AFTER_STEP) {
                        run.checkpoint(Map.of("events", String.valueOf((s + 1) * STEP)));
                    }
                }
                run.finish();
                finalIntegral = run.integral();
            }
            for (int w2 : new int[] {w, RESTORED_ON.get(w)}) {
                String on = w2 == w ? w + " workers" : w + " workers restored on " + w2;
                CircuitConfig restoredConfig = CircuitConfig.defaults().withWorkers(w2).withStorage(storage);
                try (QueryCircuit<?> restored = QueryCircuit.restore(query, options(storage, CHECKPOINT_AFTER_STEP + 1), restoredConfig, true)) {
                    assertEquals(String.valueOf((CHECKPOINT_AFTER_STEP + 1) * STEP), restored.restoredFrom().orElseThrow().metadata().get("events"));
                    for (int s = CHECKPOINT_AFTER_STEP + 1; s < steps(); s++) {
                        push(restored, s);
                        restored.step();
                        ZSetAssertions.assertZSetEquals(query.name() + " change at step " + s + " after a restore on " + on,
                                uninterrupted.get(s), restored.delta());
                    }
                    restored.finish();
                    ZSetAssertions.assertZSetEquals(query.name() + " final integral on " + on, finalIntegral, restored.integral());
                }
            }
        }
    }

    private static QueryOptions options(Path storage, long step) {
        return QueryOptions.defaults().withQ10Directory(storage.resolve("q10")).withProcessingClock(clockFrom(step));
    }

    private static int steps() {
        return (EVENTS.size() + STEP - 1) / STEP;
    }

    private static void push(QueryCircuit<?> c, int step) {
        for (Event e : EVENTS.subList(step * STEP, Math.min(EVENTS.size(), (step + 1) * STEP))) {
            c.push(e);
        }
    }

    /** A checkpoint of a query whose state cannot be saved yet is refused naming what cannot be saved. */
    private static void assertCheckpointRefusedClearly(NexmarkQuery<?> query, CircuitConfig config, Path storage,
            String named) {
        try (QueryCircuit<?> run = QueryCircuit.start(query, options(storage, 0), config, true)) {
            push(run, 0);
            run.step();
            RuntimeException e = assertThrows(RuntimeException.class, () -> run.checkpoint(Map.of()));
            assertTrue(e.getMessage().contains(named), e.getMessage());
            push(run, 1);
            run.step(); // the circuit goes on after a refused checkpoint
        }
    }
}
