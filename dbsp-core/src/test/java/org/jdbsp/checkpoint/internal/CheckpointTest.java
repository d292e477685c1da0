package org.jdbsp.checkpoint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jdbsp.checkpoint.CheckpointException;
import org.jdbsp.checkpoint.CheckpointInfo;
import org.jdbsp.checkpoint.Restore;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitBuilder;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.SequencedInput;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.circuit.spi.Wiring;
import org.jdbsp.storage.internal.FileOps;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.ZSet;
import org.jdbsp.zset.spi.Batch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checkpoints of core circuits: a circuit restored from step k continues exactly as the one that never
 * stopped (every step's change, every integral, the step count, the arrival positions), on 1, 2 and 4
 * workers, and on another number of workers than it was taken with; and a checkpoint that is damaged, of another circuit or of another version is refused naming what.
 */
@Timeout(60)
class CheckpointTest {
    /** A record with a derived codec. */
    record Word(String text, long n) {}

    record Io(ZSetInput<Long> nums, ZSetInput<Word> words, SequencedInput<String> arrivals, List<ZSetOutput<?>> outs) {}

    static Io build(CircuitBuilder b) {
        ZSetInput<Long> nums = b.longZSetInput("nums");
        ZSetInput<Word> words = b.zsetInput("words");
        SequencedInput<String> arrivals = b.sequencedInput("arrivals");
        List<ZSetOutput<?>> outs = new ArrayList<>();
        outs.add(nums.stream().mapToLong(x -> x % 5).integrate().output());
        outs.add(nums.stream().delay().output());
        outs.add(words.stream().map(w -> w.text().length()).differentiate().output());
        outs.add(words.stream().filter(w -> w.n() > 2).plus(b.table("seed", ZSet.of(new Word("seed", 9)))).output());
        outs.add(arrivals.stream().map(s -> s.seq() + ":" + s.value()).output());
        return new Io(nums, words, arrivals, outs);
    }

    /** The pushes of step {@code s} (1-based): deterministic, with retractions. */
    static void push(Io io, int s) {
        for (int i = 0; i < 7; i++) {
            io.nums().push((long) (s * 13 + i * 7) % 23, i % 3 == 0 && s > 2 ? -1 : 1);
        }
        io.words().push(new Word("w" + (s % 4), s % 5), s % 3 == 0 ? -1 : 1);
        io.arrivals().push("a" + s);
    }

    private static List<String> observe(Io io) {
        List<String> seen = new ArrayList<>();
        for (ZSetOutput<?> o : io.outs()) {
            seen.add(o.delta().toString() + " | " + o.integral().toString());
        }
        return seen;
    }

    /** Runs steps [from, to] on {@code h}, returning what every output showed after each. */
    private static List<List<String>> run(CircuitHandle<Io> h, int from, int to) {
        List<List<String>> seen = new ArrayList<>();
        for (int s = from; s <= to; s++) {
            push(h.io(), s);
            h.step();
            seen.add(observe(h.io()));
        }
        return seen;
    }

    @TempDir
    Path dir;

    @AfterEach
    void resetOps() {
        CheckpointStore.ops = FileOps.SYSTEM;
    }

    private CircuitConfig config(int w) {
        return CircuitConfig.defaults().withWorkers(w).withStorage(dir);
    }

    @ParameterizedTest(name = "W = {0}")
    @ValueSource(ints = {1, 2, 4})
    void aRestoredCircuitContinuesExactlyAsOneThatNeverStopped(int w) {
        int k = 6;
        int n = 12;
        List<List<String>> expected;
        try (CircuitHandle<Io> h = Circuit.build(CircuitConfig.defaults().withWorkers(w), CheckpointTest::build)) {
            expected = run(h, 1, n);
        }
        CheckpointInfo saved;
        try (CircuitHandle<Io> h = Circuit.build(config(w), CheckpointTest::build)) {
            run(h, 1, k - 2);
            h.checkpoint();   // an older one, referenced batches shared with the next
            run(h, k - 1, k);
            saved = h.checkpoint(Map.of("offset", "42"));
            run(h, k + 1, k + 3);   // state after the checkpoint must not leak into the restore
        }
        assertEquals(k, saved.step());
        assertEquals(w, saved.workers());
        assertTrue(saved.bytesWritten() > 0);
        try (CircuitHandle<Io> h = Circuit.restore(config(w), CheckpointTest::build)) {
            assertEquals(k, h.steps());
            assertEquals(Map.of("offset", "42"), h.restoredFrom().orElseThrow().metadata());
            assertEquals(saved.id(), h.restoredFrom().orElseThrow().id());
            assertEquals(expected.get(k - 1), observe(h.io()), "outputs right after the restore");
            assertEquals(expected.subList(k, n), run(h, k + 1, n));
            assertEquals(n, h.steps());
        }
    }

    @Test
    void aSecondCheckpointReferencesBatchesTheFirstWroteAndOnlyTheLastTwoAreKept() throws IOException {
        try (CircuitHandle<Io> h = Circuit.build(config(1), CheckpointTest::build)) {
            run(h, 1, 8);
            CheckpointInfo first = h.checkpoint();
            CheckpointInfo second = h.checkpoint();
            assertTrue(second.bytesWritten() < first.bytesWritten(),
                    "nothing changed: the second writes only its state file and manifest (" + second.bytesWritten() + " vs "
                            + first.bytesWritten() + ")");
            h.checkpoint();
            assertEquals(2, h.checkpoints().list().size());
            assertEquals(List.of(second.id()), h.checkpoints().list().subList(0, 1).stream().map(CheckpointInfo::id).toList());
            h.checkpoints().keepLast(1);
            assertEquals(1, h.checkpoints().list().size());
            // every file left is referenced by the one kept checkpoint
            Manifest m = new CheckpointStore(dir).read(h.checkpoints().list().get(0).id());
            try (Stream<Path> files = Files.list(dir.resolve("checkpoints/worker-0"))) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    assertTrue(name.equals(m.parts().get(0).stateFile()) || m.parts().get(0).batchIds().contains(
                            org.jdbsp.storage.spi.BatchFileNames.idOf(name)), "unreferenced file left: " + name);
                }
            }
        }
    }

    @Test
    void aCheckpointWithPendingPushesOrWithoutStorageIsRefused() {
        try (CircuitHandle<Io> h = Circuit.build(config(2), CheckpointTest::build)) {
            h.io().nums().push(1L, 1);
            IllegalStateException e = assertThrows(IllegalStateException.class, h::checkpoint);
            assertTrue(e.getMessage().contains("pushed since the last step"), e.getMessage());
        }
        try (CircuitHandle<Io> h = Circuit.build(CheckpointTest::build)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, h::checkpoint);
            assertTrue(e.getMessage().contains("withStorage"), e.getMessage());
        }
    }

    /** An operator with state that does not implement snapshot. */
    static final class Counting implements UnaryOperator {
        long seen;

        @Override
        public Batch apply(Batch input) {
            seen += input.size;
            return input;
        }
    }

    @Test
    void anOperatorWithStateButNoSnapshotMakesTheCheckpointFailNamingIt() {
        try (CircuitHandle<ZSetOutput<Long>> h = Circuit.build(config(1), b -> {
            ZSetInput<Long> in = b.longZSetInput("in");
            return Wiring.<Long>addStream("counting", new Counting(), Layout.LONGS, in.stream()).output();
        })) {
            h.step();
            IllegalStateException e = assertThrows(IllegalStateException.class, h::checkpoint);
            assertTrue(e.getMessage().contains("counting#") && e.getMessage().contains(Counting.class.getName()), e.getMessage());
            assertTrue(new CheckpointStore(dir).ids().isEmpty(), "nothing written");
        }
    }

    @ParameterizedTest(name = "{0} failure")
    @ValueSource(strings = {"fsync", "rename"})
    void aFailedCheckpointLeavesThePreviousOneLoadable(String what) {
        List<List<String>> expected;
        try (CircuitHandle<Io> h = Circuit.build(CircuitConfig.defaults(), CheckpointTest::build)) {
            expected = run(h, 1, 8);
        }
        try (CircuitHandle<Io> h = Circuit.build(config(2), CheckpointTest::build)) {
            run(h, 1, 4);
            h.checkpoint();
            run(h, 5, 6);
            CheckpointStore.ops = CheckpointFaultTest.failing(new CheckpointFaultTest.Fault("checkpoint-", what, false));
            CheckpointException e = assertThrows(CheckpointException.class, h::checkpoint);
            assertTrue(e.getMessage().contains("injected " + what), e.getMessage());
            assertTrue(e.path().toString().contains("manifest"), "names the file: " + e.path());
            CheckpointStore.ops = FileOps.SYSTEM;
            assertEquals(1, h.checkpoints().list().size());
            run(h, 7, 7);   // the circuit still runs
        }
        try (CircuitHandle<Io> h = Circuit.restore(config(2), CheckpointTest::build)) {
            assertEquals(4, h.steps());
            assertEquals(expected.subList(4, 8), run(h, 5, 8));
        }
    }

    /** Takes checkpoints after steps 3 and 6 (W = 2); returns the second's manifest. */
    private Manifest twoCheckpoints() {
        try (CircuitHandle<Io> h = Circuit.build(config(2), CheckpointTest::build)) {
            run(h, 1, 3);
            h.checkpoint();
            run(h, 4, 6);
            return new CheckpointStore(dir).read(h.checkpoint().id());
        }
    }

    private Path aBatchFileOf(Manifest m) {
        return dir.resolve("checkpoints/worker-1").resolve(
                org.jdbsp.storage.spi.BatchFileNames.fileName(m.parts().get(1).batchIds().get(m.parts().get(1).batchIds().size() - 1)));
    }

    private static void flipByte(Path f, long at) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, at);
            b.flip();
            b.put(0, (byte) (b.get(0) ^ 0x10));
            ch.write(b, at);
        }
    }

    private void assertRefusedNaming(Path damaged, Function<CircuitConfig, CircuitHandle<Io>> restore) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> restore.apply(config(2)).close());
        assertTrue(e.corrupt(), e.getMessage());
        assertEquals(damaged, e.path(), e.getMessage());
        assertTrue(e.getMessage().contains(damaged.toString()), e.getMessage());
    }

    @Test
    void aBitFlipInABatchFileIsFoundNamingItAndFallbackLoadsThePreviousCheckpoint() throws IOException {
        Manifest m = twoCheckpoints();
        Path batch = aBatchFileOf(m);
        List<String> older = new CheckpointStore(dir).read(new CheckpointStore(dir).ids().get(0)).parts().get(1).batchIds();
        // damage a file only the newer checkpoint references, so that the older one stays whole
        String onlyNewer = m.parts().get(1).batchIds().stream().filter(id -> !older.contains(id)).findFirst().orElseThrow();
        batch = dir.resolve("checkpoints/worker-1").resolve(org.jdbsp.storage.spi.BatchFileNames.fileName(onlyNewer));
        flipByte(batch, Files.size(batch) / 2);
        assertRefusedNaming(batch, c -> Circuit.restore(c, CheckpointTest::build));
        try (CircuitHandle<Io> h = Circuit.restore(config(2), Restore.latest().withFallback(), CheckpointTest::build)) {
            assertEquals(3, h.steps());
        }
    }

    @Test
    void aTruncatedStateFileAndADeletedBatchFileAreFoundNamingThem() throws IOException {
        Manifest m = twoCheckpoints();
        Path state = dir.resolve("checkpoints/worker-0").resolve(m.parts().get(0).stateFile());
        byte[] bytes = Files.readAllBytes(state);
        Files.write(state, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertRefusedNaming(state, c -> Circuit.restore(c, CheckpointTest::build));
        Files.write(state, bytes);
        Path batch = aBatchFileOf(m);
        Files.delete(batch);
        assertRefusedNaming(batch, c -> Circuit.restore(c, CheckpointTest::build));
        Path manifest = new CheckpointStore(dir).manifestPath(m.id());
        flipByte(manifest, Files.size(manifest) / 2);
        assertRefusedNaming(manifest, c -> Circuit.restore(c, CheckpointTest::build));
    }

    @Test
    void aCheckpointOfAnotherCircuitIsRefusedNamingTheFirstDifferingOperator() {
        twoCheckpoints();
        CheckpointException e = assertThrows(CheckpointException.class, () -> Circuit.restore(config(2), b -> {
            Io io = build(b);
            io.nums().stream().filter(x -> x > 3).output();
            return io;
        }).close());
        assertFalse(e.corrupt());
        assertTrue(e.getMessage().contains("another circuit") && e.getMessage().contains("extra here is #"), e.getMessage());
        CheckpointException renamed = assertThrows(CheckpointException.class, () -> Circuit.restore(config(2), b -> {
            ZSetInput<Long> nums = b.longZSetInput("numbers");
            return new Io(nums, b.zsetInput("words"), b.sequencedInput("arrivals"), List.of());
        }).close());
        assertTrue(renamed.getMessage().contains("operator 1 of") && renamed.getMessage().contains("'input 'nums''")
                && renamed.getMessage().contains("'input 'numbers''"), renamed.getMessage());
    }

    /**
     * {@link #build} plus keyed state: a sharded stream's integral and delay, and an indexed stream's integral
     * sharded by its key (kept per key on its owner).
     */
    static Io buildKeyed(CircuitBuilder b) {
        Io io = build(b);
        io.outs().add(io.nums().stream().shard().integrate().output());
        io.outs().add(io.words().stream().shard().delay().output());
        io.outs().add(io.words().stream().index(Word::text, Word::n).shard().integrate().delay().map((t, c) -> t + "=" + c).output());
        return io;
    }

    @ParameterizedTest(name = "W = {0} restored on W' = {1}")
    @org.junit.jupiter.params.provider.CsvSource({"1, 2", "2, 1", "2, 4", "4, 3"})
    void aCheckpointRestoredOnAnotherNumberOfWorkersContinuesExactlyAsOneThatNeverStopped(int w, int w2) {
        int k = 6;
        int n = 12;
        List<List<String>> expected;
        try (CircuitHandle<Io> h = Circuit.build(CircuitConfig.defaults().withWorkers(w), CheckpointTest::buildKeyed)) {
            expected = run(h, 1, n);
        }
        CheckpointInfo saved;
        try (CircuitHandle<Io> h = Circuit.build(config(w), CheckpointTest::buildKeyed)) {
            run(h, 1, k);
            saved = h.checkpoint(Map.of("offset", "7"));
        }
        try (CircuitHandle<Io> h = Circuit.restore(config(w2), CheckpointTest::buildKeyed)) {
            assertEquals(k, h.steps());
            assertEquals(saved.id(), h.restoredFrom().orElseThrow().id());
            assertEquals(expected.get(k - 1), observe(h.io()), "outputs right after the restore");
            assertEquals(expected.subList(k, n), run(h, k + 1, n));
            // and its own checkpoint, on W', restores on W' again
            CheckpointInfo again = h.checkpoint();
            assertEquals(w2, again.workers());
        }
        try (CircuitHandle<Io> h = Circuit.restore(config(w2), CheckpointTest::buildKeyed)) {
            assertEquals(expected.get(n - 1), observe(h.io()));
        }
        try (Stream<Path> dirs = Files.list(dir.resolve("checkpoints"))) {
            long workerDirsWithFiles = dirs.filter(d -> d.getFileName().toString().startsWith("worker-")).filter(d -> {
                try (Stream<Path> f = Files.list(d)) {
                    return f.findAny().isPresent();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).count();
            assertTrue(workerDirsWithFiles <= Math.max(w, w2), "no stray worker directory: " + workerDirsWithFiles);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A user operator that keeps nothing. */
    static final class PassItOn implements UnaryOperator {
        @Override
        public Batch apply(Batch input) {
            return input;
        }

        @Override
        public boolean hasState() {
            return false;
        }
    }

    /** {@link #buildKeyed} plus a user operator of a kind with spaces (and a default name) after an exchange. */
    static Io buildSpacedKind(CircuitBuilder b) {
        Io io = buildKeyed(b);
        io.outs().add(Wiring.<Long>addStream("pass it on", new PassItOn(), Layout.LONGS, io.nums().stream().shard()).integrate().output());
        return io;
    }

    @ParameterizedTest(name = "W = {0} restored on W' = {1}")
    @org.junit.jupiter.params.provider.CsvSource({"2, 1", "1, 2"})
    void anOperatorKindWithSpacesRestoresOnOneWorkerAndFromOne(int w, int w2) {
        int k = 5;
        List<List<String>> expected;
        try (CircuitHandle<Io> h = Circuit.build(CircuitConfig.defaults().withWorkers(w), CheckpointTest::buildSpacedKind)) {
            expected = run(h, 1, k + 3);
        }
        try (CircuitHandle<Io> h = Circuit.build(config(w), CheckpointTest::buildSpacedKind)) {
            run(h, 1, k);
            h.checkpoint();
        }
        try (CircuitHandle<Io> h = Circuit.restore(config(w2), CheckpointTest::buildSpacedKind)) {
            assertEquals(k, h.steps());
            assertEquals(expected.get(k - 1), observe(h.io()), "outputs right after the restore");
            assertEquals(expected.subList(k, k + 3), run(h, k + 1, k + 3));
        }
    }

    /** A user operator with state that it saves, but whose state's cut among workers it does not declare. */
    static final class SavedCounting implements UnaryOperator {
        long seen;

        @Override
        public Batch apply(Batch input) {
            seen += input.size;
            return input;
        }

        @Override
        public void snapshot(org.jdbsp.circuit.spi.StateWriter out) {
            out.writeLong(seen);
        }

        @Override
        public void restore(org.jdbsp.circuit.spi.StateReader in) {
            seen = in.readLong();
        }
    }

    @Test
    void anOperatorWhoseStateCannotMoveBetweenWorkersRestoresOnlyOnTheSameNumberNamingItOtherwise() {
        Function<CircuitBuilder, ZSetOutput<Long>> build = b -> {
            ZSetInput<Long> in = b.longZSetInput("in");
            return Wiring.<Long>addStream("counting", new SavedCounting(), Layout.LONGS, in.stream()).output();
        };
        try (CircuitHandle<ZSetOutput<Long>> h = Circuit.build(config(2), build::apply)) {
            h.step();
            h.checkpoint();
        }
        CheckpointException e = assertThrows(CheckpointException.class, () -> Circuit.restore(config(3), build::apply).close());
        assertFalse(e.corrupt());
        assertTrue(e.getMessage().contains("2 worker(s) and this circuit has 3") && e.getMessage().contains("counting#")
                && e.getMessage().contains(SavedCounting.class.getName()) && e.getMessage().contains("statePartitioning"),
                e.getMessage());
        try (CircuitHandle<ZSetOutput<Long>> h = Circuit.restore(config(2), build::apply)) {
            assertEquals(1, h.steps());
        }
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(ints = {99, Manifest.VERSION - 1})
    void aManifestOfAnUnknownFormatVersionIsRefusedSayingSo(int version) throws IOException {
        Manifest m = twoCheckpoints();
        Path manifest = new CheckpointStore(dir).manifestPath(m.id());
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(manifest)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(8, version);
        b.putInt(b.limit() - 4, Manifest.crc(b.duplicate().position(0).limit(b.limit() - 4)));
        Files.write(manifest, b.array());
        CheckpointException e = assertThrows(CheckpointException.class, () -> Circuit.restore(config(2), CheckpointTest::build).close());
        assertFalse(e.corrupt());
        assertTrue(e.getMessage().contains("format version " + version) && e.getMessage().contains("reads version " + Manifest.VERSION), e.getMessage());
    }

    @Test
    void aStateFileOfThePreviousFormatVersionIsRefusedSayingSo() throws IOException {
        Manifest m = twoCheckpoints();
        Manifest.WorkerPart part = m.parts().get(0);
        Path state = dir.resolve("checkpoints/worker-0").resolve(part.stateFile());
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(state)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(StateFileWriter.MAGIC.length, StateFileWriter.VERSION - 1);
        int crc = Manifest.crc(b.duplicate().position(0).limit(b.limit() - 4));
        b.putInt(b.limit() - 4, crc);
        Files.write(state, b.array());
        List<Manifest.WorkerPart> parts = new ArrayList<>(m.parts());
        parts.set(0, new Manifest.WorkerPart(part.stateFile(), part.stateLength(), crc, part.batchIds()));
        Manifest edited = new Manifest(m.id(), m.step(), m.workers(), m.createdMillis(), m.durationNanos(),
                m.bytesWritten(), m.metadata(), m.fingerprint(), m.positions(), parts);
        ByteBuffer encoded = edited.encode();
        byte[] bytes = new byte[encoded.remaining()];
        encoded.duplicate().get(bytes);
        Files.write(new CheckpointStore(dir).manifestPath(m.id()), bytes);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Circuit.restore(config(2), CheckpointTest::build).close());
        assertFalse(e.corrupt());
        assertTrue(e.getMessage().contains("format version " + (StateFileWriter.VERSION - 1))
                && e.getMessage().contains("reads version " + StateFileWriter.VERSION), e.getMessage());
    }

    @Test
    void restoringFromAnEmptyDirectoryFailsOrBuildsAFreshCircuitWhenAsked() {
        CheckpointException e = assertThrows(CheckpointException.class, () -> Circuit.restore(config(1), CheckpointTest::build));
        assertTrue(e.getMessage().contains("no complete checkpoint"), e.getMessage());
        try (CircuitHandle<Io> h = Circuit.restore(config(1), Restore.latest().orEmpty(), CheckpointTest::build)) {
            assertEquals(0, h.steps());
            assertTrue(h.restoredFrom().isEmpty());
        }
    }
}
