package org.jdbsp.checkpoint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbsp.checkpoint.CheckpointException;
import org.jdbsp.checkpoint.CheckpointInfo;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.storage.internal.FileOps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faults injected into the file operations of a checkpoint (a full disk, a failing fsync or rename, of a batch
 * file, of a spilled batch file's link, of a state file): the checkpoint fails with a {@link CheckpointException}
 * naming the file, leaves nothing behind, the previous checkpoint stays the latest and restores exactly, and the
 * circuit goes on (its state is only read by a checkpoint) and checkpoints again once the fault is gone.
 */
@Timeout(60)
class CheckpointFaultTest {
    @TempDir
    Path dir;

    @AfterEach
    void resetOps() {
        CheckpointStore.ops = FileOps.SYSTEM;
    }

    /** Which file (by name prefix), which operation, and whether every batch is spilled (so that traces are linked). */
    record Fault(String file, String op, boolean spilled) {
        @Override
        public String toString() {
            return op + " of a " + file + " file" + (spilled ? " (spilled traces)" : "");
        }
    }

    static Stream<Arguments> faults() {
        return Stream.of(new Fault("batch-", "write", false), new Fault("batch-", "fsync", false),
                new Fault("batch-", "rename", false), new Fault("batch-", "fsync", true),
                new Fault("state-", "write", true), new Fault("state-", "fsync", false), new Fault("state-", "rename", true))
                .map(Arguments::of);
    }

    /** The real file system, but {@code fault.op()} fails on files whose name starts with {@code fault.file()}. */
    static FileOps failing(Fault fault) {
        return new FileOps() {
            private boolean hit(Path p) {
                String name = p.getFileName().toString();
                return name.startsWith(fault.file()) || name.startsWith("." + fault.file());
            }

            private IOException injected() {
                return new IOException("injected " + fault.op() + " failure" + (fault.op().equals("write") ? ": No space left on device" : ""));
            }

            @Override
            public WritableFile create(Path path) throws IOException {
                WritableFile f = SYSTEM.create(path);
                boolean hit = hit(path);
                return new WritableFile() {
                    @Override
                    public void write(ByteBuffer src, long position) throws IOException {
                        if (hit && fault.op().equals("write")) {
                            throw injected();
                        }
                        f.write(src, position);
                    }

                    @Override
                    public void force() throws IOException {
                        if (hit && fault.op().equals("fsync")) {
                            throw injected();
                        }
                        f.force();
                    }

                    @Override
                    public void close() throws IOException {
                        f.close();
                    }
                };
            }

            @Override
            public void moveAtomically(Path from, Path to) throws IOException {
                if (hit(to) && fault.op().equals("rename")) {
                    throw injected();
                }
                SYSTEM.moveAtomically(from, to);
            }

            @Override
            public void syncDirectory(Path d) throws IOException {
                SYSTEM.syncDirectory(d);
            }

            @Override
            public void syncFile(Path file) throws IOException {
                if (hit(file) && fault.op().equals("fsync")) {
                    throw injected();
                }
                SYSTEM.syncFile(file);
            }

            @Override
            public void link(Path existing, Path link) throws IOException {
                if (hit(link) && fault.op().equals("link")) {
                    throw injected();
                }
                SYSTEM.link(existing, link);
            }
        };
    }

    private static List<List<String>> run(CircuitHandle<CheckpointTest.Io> h, int from, int to) {
        List<List<String>> seen = new ArrayList<>();
        for (int s = from; s <= to; s++) {
            CheckpointTest.push(h.io(), s);
            h.step();
            List<String> outs = new ArrayList<>();
            h.io().outs().forEach(o -> outs.add(o.delta() + " | " + o.integral()));
            seen.add(outs);
        }
        return seen;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aFailedCheckpointNamesTheFileLeavesThePreviousOneAndTheCircuitGoesOn(Fault fault) throws IOException {
        List<List<String>> expected;
        try (CircuitHandle<CheckpointTest.Io> h = Circuit.build(CircuitConfig.defaults().withWorkers(2), CheckpointTest::build)) {
            expected = run(h, 1, 10);
        }
        CircuitConfig config = CircuitConfig.defaults().withWorkers(2).withStorage(dir);
        if (fault.spilled()) {
            config = config.withSpillThreshold(0);
        }
        try (CircuitHandle<CheckpointTest.Io> h = Circuit.build(config, CheckpointTest::build)) {
            run(h, 1, 4);
            CheckpointInfo first = h.checkpoint();
            run(h, 5, 6);
            CheckpointStore.ops = failing(fault);
            CheckpointException e = assertThrows(CheckpointException.class, h::checkpoint);
            CheckpointStore.ops = FileOps.SYSTEM;
            assertTrue(e.getMessage().contains("injected " + fault.op()), e.getMessage());
            String named = e.path().getFileName().toString();
            assertTrue(named.startsWith(fault.file()) || named.startsWith("." + fault.file()), "names the file (or its temporary name): " + e.path());
            assertEquals(List.of(first.id()), h.checkpoints().list().stream().map(CheckpointInfo::id).toList());
            assertOnlyReferencedFilesLeft();
            run(h, 7, 7);   // the circuit goes on
            h.checkpoint(Map.of("after", "fault"));   // and checkpoints once the fault is gone
        }
        CheckpointStore store = new CheckpointStore(dir);
        store.deleteManifest(store.ids().get(store.ids().size() - 1));
        try (CircuitHandle<CheckpointTest.Io> h = Circuit.restore(config, CheckpointTest::build)) {
            assertEquals(4, h.steps(), "the checkpoint before the failed one is the latest complete one");
            assertEquals(expected.subList(4, 10), run(h, 5, 10));
        }
    }

    /** Every file in the checkpoint directory is referenced by a kept checkpoint (nothing of the failed one is left). */
    private void assertOnlyReferencedFilesLeft() throws IOException {
        CheckpointStore store = new CheckpointStore(dir);
        List<String> kept = new ArrayList<>();
        for (String id : store.ids()) {
            for (Manifest.WorkerPart p : store.read(id).parts()) {
                kept.add(p.stateFile());
                p.batchIds().forEach(b -> kept.add(org.jdbsp.storage.spi.BatchFileNames.fileName(b)));
            }
        }
        for (int w = 0; w < 2; w++) {
            try (Stream<Path> files = java.nio.file.Files.list(store.root().resolve("worker-" + w))) {
                for (Path f : files.toList()) {
                    assertTrue(kept.contains(f.getFileName().toString()), "left behind by the failed checkpoint: " + f);
                }
            }
        }
    }
}
