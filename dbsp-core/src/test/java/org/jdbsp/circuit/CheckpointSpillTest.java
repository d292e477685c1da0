package org.jdbsp.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jdbsp.checkpoint.CheckpointInfo;
import org.jdbsp.checkpoint.internal.CheckpointStore;
import org.jdbsp.checkpoint.internal.Manifest;
import org.jdbsp.storage.spi.BatchFileNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checkpoints of circuits whose traces are spilled (storage forced: spill threshold 0): a trace's batch files are
 * referenced by the checkpoint (hard links), not read and written again, so a checkpoint writes far fewer bytes
 * than it references; a restore opens them in place in the run's directory instead of loading them onto the heap;
 * files no kept checkpoint references leave the checkpoint directory; results are those of an uninterrupted run.
 */
@Timeout(120)
class CheckpointSpillTest {
    @TempDir
    Path dir;

    record Io(ZSetInput<String> words, List<ZSetOutput<?>> outs) {}

    /** A distinct over a large shared trace (spilled), with a small output (whose integral is kept on the heap). */
    static Io build(CircuitBuilder b) {
        ZSetInput<String> words = b.zsetInput("words");
        List<ZSetOutput<?>> outs = new ArrayList<>();
        outs.add(MultiWorkerTest.distinct(words.stream()).map(String::length).output());
        return new Io(words, outs);
    }

    static void push(Io io, int s) {
        for (int i = 0; i < 400; i++) {
            io.words().push("w" + (s * 1_000 + i * (s % 3 + 1)), s > 3 && i % 5 == 0 ? 2 : 1);
        }
    }

    private static List<String> run(CircuitHandle<Io> h, int from, int to) {
        List<String> seen = new ArrayList<>();
        for (int s = from; s <= to; s++) {
            push(h.io(), s);
            h.step();
            for (ZSetOutput<?> o : h.io().outs()) {
                seen.add(s + ": " + o.delta() + " | " + o.integral());
            }
        }
        return seen;
    }

    private CircuitConfig config(int w) {
        return CircuitConfig.defaults().withWorkers(w).withStorage(dir).withSpillThreshold(0);
    }

    private long referencedBytes(Manifest m) throws IOException {
        long n = 0;
        for (int w = 0; w < m.parts().size(); w++) {
            for (String id : m.parts().get(w).batchIds()) {
                n += Files.size(dir.resolve("checkpoints/worker-" + w).resolve(BatchFileNames.fileName(id)));
            }
        }
        return n;
    }

    /** The batch files in the run directories of {@link #dir}, by name. */
    private Set<String> runFiles() throws IOException {
        Set<String> names = new HashSet<>();
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(p -> p.getParent().getFileName().toString().startsWith("run-"))
                    .forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    @ParameterizedTest(name = "W = {0}")
    @ValueSource(ints = {1, 2})
    void spilledBatchesAreReferencedNotRewrittenAndARestoreOpensThemInPlace(int w) throws IOException {
        List<String> expected;
        try (CircuitHandle<Io> h = Circuit.build(CircuitConfig.defaults().withWorkers(w), CheckpointSpillTest::build)) {
            expected = run(h, 1, 10);
        }
        CheckpointInfo saved;
        CheckpointStore store = new CheckpointStore(dir);
        try (CircuitHandle<Io> h = Circuit.build(config(w), CheckpointSpillTest::build)) {
            run(h, 1, 6);
            saved = h.checkpoint();
            long referenced = referencedBytes(store.read(saved.id()));
            assertTrue(saved.bytesWritten() * 4 < referenced, "a checkpoint of spilled traces writes " + saved.bytesWritten()
                    + " bytes for " + referenced + " bytes of batch files: they must be linked, not written");
            run(h, 7, 8);
        }
        Manifest m = store.read(saved.id());
        try (CircuitHandle<Io> h = Circuit.restore(config(w), CheckpointSpillTest::build)) {
            Set<String> inRun = runFiles();
            long adopted = 0;
            for (int w2 = 0; w2 < m.parts().size(); w2++) {
                for (String id : m.parts().get(w2).batchIds()) {
                    String name = BatchFileNames.fileName(id);
                    adopted += inRun.contains(name) ? Files.size(dir.resolve("checkpoints/worker-" + w2).resolve(name)) : 0;
                }
            }
            assertTrue(adopted * 2 > referencedBytes(m), "the restored traces read most of the checkpoint's bytes in place ("
                    + adopted + " bytes in the run directory, " + referencedBytes(m) + " referenced)");
            assertEquals(expected.subList(6 * h.io().outs().size(), expected.size()), run(h, 7, 10));
            CheckpointInfo again = h.checkpoint();
            assertTrue(again.bytesWritten() * 4 < referencedBytes(store.read(again.id())), "a restored trace's files are referenced again");
        }
    }

    @Test
    void filesLeaveTheCheckpointDirectoryWhenNoKeptCheckpointReferencesThem() throws IOException {
        CheckpointStore store = new CheckpointStore(dir);
        try (CircuitHandle<Io> h = Circuit.build(config(1), CheckpointSpillTest::build)) {
            h.checkpoints().keepLast(1);
            for (int s = 1; s <= 8; s++) {
                run(h, s, s);
                h.checkpoint();
                Manifest m = store.read(store.ids().get(0));
                Set<String> kept = new HashSet<>();
                kept.add(m.parts().get(0).stateFile());
                m.parts().get(0).batchIds().forEach(id -> kept.add(BatchFileNames.fileName(id)));
                try (Stream<Path> files = Files.list(store.root().resolve("worker-0"))) {
                    assertEquals(kept, new HashSet<>(files.map(p -> p.getFileName().toString()).toList()), "after step " + s);
                }
            }
        }
        assertTrue(runFiles().isEmpty(), "the run's files are deleted on close, the checkpoint keeps its own names");
        try (CircuitHandle<Io> h = Circuit.restore(config(1), CheckpointSpillTest::build)) {
            assertEquals(8, h.steps());
        }
    }
}
