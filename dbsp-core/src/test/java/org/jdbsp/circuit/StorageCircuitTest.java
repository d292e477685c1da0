package org.jdbsp.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jdbsp.circuit.spi.Wiring;
import org.jdbsp.storage.spi.BatchFileNames;
import org.jdbsp.storage.spi.CorruptFileException;
import org.jdbsp.storage.spi.StorageException;
import org.jdbsp.testing.Seeded;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Circuits with storage: the same results as on the heap with every batch in a file, the storage directory
 * checked when the circuit is built, one run directory per circuit (deleted on close, a dead process's removed at
 * the next build), streams without a codec refused as early as their type is known, and I/O errors and corrupted
 * files failing the step and the circuit, naming the path; a checkpoint with every batch in a file restored onto
 * another number of workers continues as a run that never stopped.
 */
@Timeout(120)
class StorageCircuitTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    @TempDir
    Path storage;

    private CircuitConfig spilling(int workers) {
        return CircuitConfig.defaults().withWorkers(workers).withValidation(true).withName("st" + NAMES.incrementAndGet())
                .withStorage(storage).withSpillThreshold(0);
    }

    private List<Path> runDirectories() throws IOException {
        try (Stream<Path> s = Files.list(storage)) {
            return s.filter(p -> p.getFileName().toString().startsWith("run-")).toList();
        }
    }

    private List<Path> batchFiles() throws IOException {
        try (Stream<Path> s = Files.walk(storage)) {
            return s.filter(p -> BatchFileNames.isBatchFile(p.getFileName().toString())).toList();
        }
    }

    @Test
    void keyedOperatorsGiveTheHeapResultsWithEveryBatchInAFile() {
        Seeded.trials("linear and keyed operators, state in files", 6, r -> MultiWorkerTest.linearAndKeyed(r, List.of(
                CircuitConfig.defaults().withValidation(true).withName("heap" + NAMES.incrementAndGet()),
                spilling(1), spilling(2), spilling(4), spilling(2).withMergeThreads(0))));
    }

    @Test
    void mergeThreadsMergeFilesWhileStepsGoOnAndStopWhenTheCircuitCloses() throws InterruptedException {
        CircuitConfig threaded = spilling(2).withMergeThreads(2);
        CircuitConfig inSteps = spilling(2).withMergeThreads(0);
        String prefix = "jdbsp-merge-" + threaded.name() + "-";
        List<Thread> seen;
        java.util.SplittableRandom r = new java.util.SplittableRandom(17);
        try (MultiWorkerTest.Lockstep run = new MultiWorkerTest.Lockstep(List.of(
                CircuitConfig.defaults().withName("heap" + NAMES.incrementAndGet()), threaded, inSteps), true,
                b -> s -> List.of(MultiWorkerTest.join(s.indexByLong(x -> x % 50, x -> x),
                        s.indexByLong(x -> x % 40, x -> x + 1)).output()))) {
            for (int t = 0; t < 40; t++) {
                for (int i = 1 + r.nextInt(40); i > 0; i--) {
                    run.push(r.nextInt(400), r.nextInt(5) - 2);
                }
                run.stepAndCompare("after step " + t);
            }
            seen = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).toList();
            assertTrue(!seen.isEmpty(), "merges ran on the circuit's merge threads");
            assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith(
                    "jdbsp-merge-" + inSteps.name() + "-")), "mergeThreads 0: no merge thread");
        }
        for (Thread t : seen) {
            t.join(10_000);
            assertFalse(t.isAlive(), t.getName() + " ended with the circuit");
        }
    }

    @Test
    void mergeThreadsAreValidated() {
        for (int n : new int[] {-1, CircuitConfig.MAX_MERGE_THREADS + 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CircuitConfig.defaults().withMergeThreads(n));
            assertTrue(e.getMessage().contains("mergeThreads = " + n), e.getMessage());
        }
        assertEquals(CircuitConfig.DEFAULT_MERGE_THREADS, CircuitConfig.defaults().mergeThreads());
    }

    @Test
    void recursionWithItsStateInFilesReachesTheFixedPoint() throws IOException {
        Seeded.trials("reachability, state in files", 4, r -> MultiWorkerTest.reachability(r, List.of(spilling(1), spilling(2)), 8));
        assertEquals(List.of(), runDirectories(), "every run directory is deleted on close");
    }

    private static CircuitHandle<ZSetInput<Long>> trivial(CircuitConfig config) {
        return Circuit.build(config, b -> b.longZSetInput("numbers"));
    }

    @Test
    void theStorageDirectoryIsCheckedWhenTheCircuitIsBuilt() throws IOException {
        Path missing = storage.resolve("missing");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trivial(CircuitConfig.defaults().withStorage(missing)));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
        Path file = Files.writeString(storage.resolve("a-file"), "x");
        e = assertThrows(IllegalArgumentException.class, () -> trivial(CircuitConfig.defaults().withStorage(file)));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not a directory"), e.getMessage());
        assertEquals(List.of(), runDirectories());
    }

    @Test
    void aStorageDirectoryThatCannotBeWrittenIsRefusedWhenTheCircuitIsBuilt() throws IOException {
        Path readOnly = Files.createDirectory(storage.resolve("read-only"));
        assertTrue(readOnly.toFile().setWritable(false, false));
        try {
            Assumptions.assumeFalse(Files.isWritable(readOnly), "running as root: every directory is writable");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> trivial(CircuitConfig.defaults().withStorage(readOnly)));
            assertTrue(e.getMessage().contains(readOnly.toString()) && e.getMessage().contains("not writable"), e.getMessage());
        } finally {
            readOnly.toFile().setWritable(true, false);
        }
    }

    @Test
    void eachRunHasItsOwnDirectoryDeletedOnClose() throws IOException {
        CircuitHandle<ZSetInput<Long>> a = trivial(spilling(1));
        CircuitHandle<ZSetInput<Long>> b = trivial(spilling(2));
        List<Path> runs = runDirectories();
        assertEquals(2, runs.size(), runs.toString());
        for (Path run : runs) {
            assertTrue(run.getFileName().toString().startsWith("run-" + ProcessHandle.current().pid() + "-"), run.toString());
        }
        a.close();
        assertEquals(1, runDirectories().size());
        b.close();
        assertEquals(List.of(), runDirectories());
        assertThrows(IllegalStateException.class, () -> Circuit.build(spilling(1), bld -> {
            throw new IllegalStateException("the build function fails");
        }));
        assertEquals(List.of(), runDirectories(), "a failed build leaves no run directory");
    }

    @Test
    void runDirectoriesOfDeadProcessesAreDeletedAtTheNextBuildAndNothingElse() throws IOException {
        Path dead = Files.createDirectory(storage.resolve("run-999999999-0123abcd-crashed"));
        Files.writeString(dead.resolve("run.lock"), "999999999 2020-01-01T00:00:00Z\n");
        Files.writeString(dead.resolve("batch-" + java.util.UUID.randomUUID() + ".jbf"), "left by a crash");
        Path noLock = Files.createDirectory(storage.resolve("run-999999998-0123abcd-crashed-early"));
        ProcessHandle me = ProcessHandle.current();
        Path live = Files.createDirectory(storage.resolve("run-" + me.pid() + "-0123abcd-alive"));
        Files.writeString(live.resolve("run.lock"), me.pid() + " " + me.info().startInstant().map(Object::toString).orElse("?") + "\n");
        Path reused = Files.createDirectory(storage.resolve("run-" + me.pid() + "-4567abcd-pid-reused"));
        Files.writeString(reused.resolve("run.lock"), me.pid() + " 1999-01-01T00:00:00Z\n");
        Path checkpoints = Files.createDirectory(storage.resolve("checkpoints"));
        Files.writeString(checkpoints.resolve("manifest"), "kept");
        try (CircuitHandle<ZSetInput<Long>> h = trivial(spilling(1))) {
            assertEquals(CircuitState.RUNNING, h.state());
            assertFalse(Files.exists(dead), "a lock naming a dead process");
            assertFalse(Files.exists(noLock), "no lock, and the pid in the name is dead");
            assertFalse(Files.exists(reused), "a lock naming a live pid that started at another time");
            assertTrue(Files.exists(live.resolve("run.lock")), "a live process's run is kept");
            assertTrue(Files.exists(checkpoints.resolve("manifest")), "what is not a run directory is never touched");
        }
    }

    /** A class with a natural order and no codec. */
    static final class Opaque implements Comparable<Opaque> {
        final long n;

        Opaque(long n) {
            this.n = n;
        }

        @Override
        public int compareTo(Opaque o) {
            return Long.compare(n, o.n);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Opaque x && x.n == n;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(n);
        }
    }

    @Test
    void anInputWhoseTypeHasNoCodecIsRefusedWhenTheCircuitIsBuilt() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Circuit.build(spilling(1), b -> b.zsetInput("opaques", Opaque.class)));
        assertTrue(e.getMessage().contains("input 'opaques'") && e.getMessage().contains(Opaque.class.getTypeName()), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Circuit.build(spilling(2), b -> {
            SplitInput<Object> in = b.splitInput("mixed");
            in.part(String.class);
            return in.part(Opaque.class);
        }));
        assertTrue(e.getMessage().contains("input 'mixed'") && e.getMessage().contains(Opaque.class.getTypeName()), e.getMessage());
        assertEquals(List.of(), runDirectories());
        Circuit.build(CircuitConfig.defaults(), b -> b.zsetInput("opaques", Opaque.class)).close();
    }

    @Test
    void aStreamWhoseTypeHasNoCodecFailsItsFirstStepNamingTheStreamAndTheType() throws IOException {
        record Io(ZSetInput<Long> in, ZSetOutput<Opaque> out) {}
        try (CircuitHandle<Io> h = Circuit.build(spilling(1), b -> {
            ZSetInput<Long> in = b.longZSetInput("numbers");
            ZSetStream<Opaque> opaques = in.stream().map(Opaque::new);
            return new Io(in, Wiring.<Opaque>addStream("distinct", new TestOperators.Distinct(Wiring.integralTrace(opaques)),
                    opaques.layout(), Placement.ANY, opaques).output());
        })) {
            h.step();
            h.io().in().push(1L, 1);
            CircuitException e = assertThrows(CircuitException.class, h::step);
            assertEquals(2, e.step(), "the first step that gives the stream data");
            assertTrue(e.getMessage().contains("stream 'map") && e.getMessage().contains(Opaque.class.getTypeName()), e.getMessage());
            assertEquals(CircuitState.FAILED, h.state());
            assertEquals(List.of(), batchFiles(), "nothing was written");
        }
    }

    record KeyedIo(ZSetInput<Long> in, List<ZSetOutput<String>> outs) {}

    /** A distinct and a join, each reading its sharded input's integral trace. */
    private static KeyedIo keyedCircuit(CircuitBuilder b) {
        ZSetInput<Long> in = b.longZSetInput("numbers");
        ZSetStream<Long> s = in.stream();
        return new KeyedIo(in, List.of(MultiWorkerTest.distinct(s.map(x -> "w" + x % 37)).output(),
                MultiWorkerTest.join(s.indexByLong(x -> x % 11, x -> x), s.indexByLong(x -> x % 13, x -> x * 10)).output()));
    }

    /** Pushes step {@code t}'s numbers (more each step, with retractions), steps, and returns what the outputs show. */
    private static List<String> keyedStep(CircuitHandle<KeyedIo> h, int t) {
        for (int i = 0; i < 6 * t; i++) {
            h.io().in().push((long) (t * 31 + i * 17) % 211, i % 5 == 0 && t > 2 ? -1 : 1);
        }
        h.step();
        List<String> seen = new java.util.ArrayList<>();
        for (ZSetOutput<String> o : h.io().outs()) {
            seen.add(o.delta() + " | " + o.integral());
        }
        return seen;
    }

    /**
     * Restored onto another number of workers, each new worker's traces get heap batches re-cut from the saved
     * workers' files, several of one level, merged into files as they are placed: the storage must know the
     * codecs by then, although no batch was inserted yet.
     */
    @ParameterizedTest(name = "W = {0} restored on W' = {1}")
    @CsvSource({"2, 1", "2, 3", "4, 1"})
    void aCheckpointWithEveryBatchInAFileRestoresOntoAnotherNumberOfWorkers(int w, int w2) {
        int k = 7;
        int n = 12;
        List<List<String>> expected = new java.util.ArrayList<>();
        try (CircuitHandle<KeyedIo> h = Circuit.build(CircuitConfig.defaults(), StorageCircuitTest::keyedCircuit)) {
            for (int t = 1; t <= n; t++) {
                expected.add(keyedStep(h, t));
            }
        }
        CircuitConfig saved = CircuitConfig.defaults().withWorkers(w).withStorage(storage).withSpillThreshold(0);
        try (CircuitHandle<KeyedIo> h = Circuit.build(saved, StorageCircuitTest::keyedCircuit)) {
            for (int t = 1; t <= k; t++) {
                keyedStep(h, t);
            }
            h.checkpoint();
        }
        try (CircuitHandle<KeyedIo> h = Circuit.restore(saved.withWorkers(w2), StorageCircuitTest::keyedCircuit)) {
            assertEquals(k, h.steps());
            for (int t = k + 1; t <= n; t++) {
                assertEquals(expected.get(t - 1), keyedStep(h, t), "step " + t + " after the restore");
            }
        }
    }

    record JoinIo(ZSetInput<Long> a, ZSetInput<Long> b, ZSetOutput<String> out) {}

    private CircuitHandle<JoinIo> joinCircuit() {
        return joinCircuit(spilling(1));
    }

    private static CircuitHandle<JoinIo> joinCircuit(CircuitConfig config) {
        return Circuit.build(config, bld -> {
            ZSetInput<Long> a = bld.longZSetInput("a");
            ZSetInput<Long> b = bld.longZSetInput("b");
            return new JoinIo(a, b, MultiWorkerTest.join(a.stream().indexByLong(x -> x, x -> x),
                    b.stream().indexByLong(x -> x, x -> x)).output());
        });
    }

    private long sizeOfBatchFiles() throws IOException {
        long sum = 0;
        for (Path f : batchFiles()) {
            sum += Files.size(f);
        }
        return sum;
    }

    @Test
    void theHandleCountsTheBytesWrittenToStorageAndOnDisk() throws IOException {
        try (CircuitHandle<JoinIo> heap = Circuit.build(CircuitConfig.defaults(), bld -> {
            ZSetInput<Long> a = bld.longZSetInput("a");
            ZSetInput<Long> b = bld.longZSetInput("b");
            return new JoinIo(a, b, MultiWorkerTest.join(a.stream().indexByLong(x -> x, x -> x),
                    b.stream().indexByLong(x -> x, x -> x)).output());
        })) {
            heap.io().b().push(1L, 1);
            heap.step();
            assertEquals(0, heap.storageBytesWritten(), "no storage, nothing written");
            assertEquals(0, heap.storageBytesOnDisk());
        }
        // merges in the step thread: at the end of a step, no merge is writing a file
        CircuitHandle<JoinIo> h = joinCircuit(spilling(1).withMergeThreads(0));
        h.io().b().push(1L, 1);
        h.step();
        long first = h.storageBytesWritten();
        assertEquals(sizeOfBatchFiles(), first, "one step: the files on disk are all that was written");
        long lock = Files.size(runDirectories().get(0).resolve("run.lock"));
        assertEquals(first + lock, h.storageBytesOnDisk(), "on disk: the batch files and the lock");
        for (long k = 2; k < 20; k++) {   // levels of files merge 8 batches at once
            h.io().b().push(k, 1);
            h.step();
        }
        assertTrue(h.storageBytesWritten() > sizeOfBatchFiles(),
                "merges wrote files that are deleted since: " + h.storageBytesWritten() + " vs " + sizeOfBatchFiles());
        assertEquals(sizeOfBatchFiles() + lock, h.storageBytesOnDisk());
        h.close();
        assertEquals(0, h.storageBytesOnDisk(), "closed: its directory is gone");
    }

    @Test
    void anIoErrorWhileSpillingFailsTheStepAndTheCircuitNamingThePath() throws IOException {
        try (CircuitHandle<JoinIo> h = joinCircuit()) {
            h.io().b().push(1L, 1);
            h.step();
            Path run = runDirectories().get(0);
            assertFalse(batchFiles().isEmpty());
            for (Path f : batchFiles()) {
                Files.delete(f);
            }
            Files.delete(run.resolve("run.lock"));
            Files.delete(run);
            h.io().b().push(2L, 1);
            CircuitException e = assertThrows(CircuitException.class, h::step);
            assertInstanceOf(StorageException.class, e.getCause());
            assertTrue(e.getMessage().contains(run.toString()), e.getMessage());
            assertEquals(CircuitState.FAILED, h.state());
            assertThrows(IllegalStateException.class, h::step);
        }
    }

    @Test
    void aCorruptedBatchFileFailsTheStepNamingTheFileAndIsNeverDecoded() throws IOException {
        try (CircuitHandle<JoinIo> h = joinCircuit()) {
            for (long k = 0; k < 20_000; k++) {
                h.io().b().push(k, 1);
            }
            h.step();
            List<Path> files = batchFiles();
            assertEquals(1, files.size(), "b's integral, one file of 20,000 tuples");
            Path file = files.get(0);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                ch.read(header, 0);
                int headerLength = header.getInt(12);
                ByteBuffer weight = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
                ch.read(weight, headerLength);
                weight.putLong(0, weight.getLong(0) + 1).rewind();
                ch.write(weight, headerLength);
            }
            h.io().a().push(0L, 1);
            CircuitException e = assertThrows(CircuitException.class, h::step);
            assertInstanceOf(CorruptFileException.class, e.getCause());
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            assertEquals(CircuitState.FAILED, h.state());
        }
    }
}
