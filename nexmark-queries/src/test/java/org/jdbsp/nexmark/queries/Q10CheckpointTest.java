package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.model.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * q10's files across a checkpoint and a crash: rows written after the checkpoint are dropped by the restore and
 * written again once, so the files equal those of a run that never stopped (no row lost or duplicated).
 */
@Timeout(120)
class Q10CheckpointTest {
    private static final List<Event> EVENTS = QueryHarness.events(GeneratorConfig.builder().maxEvents(3_000).firstEventRate(200).build());
    private static final int STEP = 300;
    private static final int CHECKPOINT_AFTER_STEP = 3;

    @TempDir
    Path dir;

    private static int steps() {
        return (EVENTS.size() + STEP - 1) / STEP;
    }

    private static void run(QueryCircuit<?> c, int from, int to) {
        for (int s = from; s < to; s++) {
            for (Event e : EVENTS.subList(s * STEP, Math.min(EVENTS.size(), (s + 1) * STEP))) {
                c.push(e);
            }
            c.step();
        }
    }

    private static QueryOptions options(Path q10) {
        return QueryOptions.defaults().withQ10Directory(q10);
    }

    /** Per partition, the contents of its files (one per sink, named by a random sink id), sorted. */
    private static Map<String, List<String>> files(Path q10) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(q10)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                out.computeIfAbsent(q10.relativize(f.getParent()).toString(), k -> new ArrayList<>()).add(Files.readString(f));
            }
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    @ParameterizedTest(name = "W = {0}")
    @ValueSource(ints = {1, 2})
    void filesAfterACrashAndARestoreEqualThoseOfAnUninterruptedRun(int w) throws IOException {
        Path plain = dir.resolve("plain");
        try (QueryCircuit<?> c = QueryCircuit.start(new Q10(), options(plain), CircuitConfig.defaults().withWorkers(w), true)) {
            run(c, 0, steps());
        }
        Path storage = Files.createDirectories(dir.resolve("storage"));
        CircuitConfig config = CircuitConfig.defaults().withWorkers(w).withStorage(storage);
        Path q10 = dir.resolve("q10");
        try (QueryCircuit<?> c = QueryCircuit.start(new Q10(), options(q10), config, true)) {
            run(c, 0, CHECKPOINT_AFTER_STEP + 1);
            c.checkpoint(Map.of());
            run(c, CHECKPOINT_AFTER_STEP + 1, CHECKPOINT_AFTER_STEP + 3);   // written, then the process "crashes"
        }
        Map<String, List<String>> beforeRestore = files(q10);
        try (QueryCircuit<?> c = QueryCircuit.restore(new Q10(), options(q10), config, true)) {
            run(c, CHECKPOINT_AFTER_STEP + 1, steps());
        }
        Map<String, List<String>> expected = files(plain);
        assertFalse(expected.isEmpty());
        assertNotEquals(expected, beforeRestore, "the run crashed before its end");
        assertEquals(expected, files(q10));
    }

    @Test
    void aFileCutBelowItsCheckpointedLengthFailsTheRestoreNamingIt() throws IOException {
        Path storage = Files.createDirectories(dir.resolve("storage"));
        CircuitConfig config = CircuitConfig.defaults().withStorage(storage);
        Path q10 = dir.resolve("q10");
        try (QueryCircuit<?> c = QueryCircuit.start(new Q10(), options(q10), config, true)) {
            run(c, 0, 2);
            c.checkpoint(Map.of());
        }
        Path file;
        try (Stream<Path> all = Files.walk(q10)) {
            file = all.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 1);
        }
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> QueryCircuit.restore(new Q10(), options(q10), config, true).close());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("lost"), e.getMessage());
    }
}
