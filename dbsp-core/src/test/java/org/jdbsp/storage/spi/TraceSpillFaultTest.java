package org.jdbsp.storage.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbsp.codec.Codec;
import org.jdbsp.codec.Codecs;
import org.jdbsp.storage.runtime.WorkerStorage;
import org.jdbsp.trace.Trace;
import org.jdbsp.trace.TraceCursor;
import org.jdbsp.trace.TraceStorage;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A trace that spills through a failing file system (a full disk, a failing fsync or rename) fails the insert
 * with a {@link StorageException} naming the file, leaves no file of the failed write behind, and still holds
 * a consistent integral, read from the files that were written completely.
 */
class TraceSpillFaultTest {
    @TempDir
    Path dir;

    /** The real storage of a worker, whose writers go through {@code ops}. */
    private TraceStorage storage(BatchFileFaultTest.FaultyOps ops, Layout layout) {
        return storage(ops, layout, null);
    }

    /** As above, with merges into files handed to {@code mergeThreads} (null: fuelled by inserts). */
    private TraceStorage storage(BatchFileFaultTest.FaultyOps ops, Layout layout, Executor mergeThreads) {
        TraceStorage real = new WorkerStorage(dir, Codecs.defaults(), 0, Long.MAX_VALUE).forStream("stream 'faulty'", layout);
        return new TraceStorage() {
            @Override
            public long spillThreshold() {
                return real.spillThreshold();
            }

            @Override
            public void learnCodecs(Batch first) {
                real.learnCodecs(first);
            }

            @Override
            public Codec<?> keyCodec() {
                return real.keyCodec();
            }

            @Override
            public Codec<?> valueCodec() {
                return real.valueCodec();
            }

            @Override
            public BatchFileWriter newWriter() {
                return BatchFileWriter.create(ops, 1 << 16, dir, layout, real.keyCodec(), real.valueCodec());
            }

            @Override
            public Executor mergeThreads() {
                return mergeThreads;
            }

            @Override
            public void afterChange(Trace trace) {
                real.afterChange(trace);
            }

            @Override
            public void register(Trace trace) {
                real.register(trace);
            }
        };
    }

    private static Batch range(long from, long to) {
        BatchBuilder b = new BatchBuilder(Layout.longToLongs());
        for (long k = from; k < to; k++) {
            b.addLongLong(k, k * 2, 1);
        }
        return b.build();
    }

    private static List<Long> read(Trace t) {
        List<Long> out = new ArrayList<>();
        TraceCursor c = t.cursor();
        while (c.nextKey()) {
            while (c.nextValue()) {
                out.add(c.longKey() * 1000 + c.longValue() * 10 + c.weight());
            }
        }
        return out;
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"disk full", "fsync", "rename"})
    void aFailedWriteNamesTheFileAndLeavesNoHalfWrittenFile(String fault) throws IOException {
        BatchFileFaultTest.FaultyOps ops = new BatchFileFaultTest.FaultyOps();
        Trace t = new Trace(Layout.longToLongs(), storage(ops, Layout.longToLongs()));
        t.insert(range(0, 3_000));
        List<Long> before = read(t);
        List<String> filesBefore = names();
        assertEquals(1, filesBefore.size());
        Consumer<BatchFileFaultTest.FaultyOps> breakIt = switch (fault) {
            case "disk full" -> o -> o.writableBytes = 100;
            case "fsync" -> o -> o.failForce = true;
            default -> o -> o.failMove = true;
        };
        breakIt.accept(ops);
        StorageException e = assertThrows(StorageException.class, () -> t.insert(range(10_000, 10_010)));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains(".jbf"), e.getMessage());
        assertEquals(filesBefore, names(), "no file of the failed write is left, complete or not");
        List<Long> expected = new ArrayList<>(before);
        expected.addAll(read(traceOf(range(10_000, 10_010))));
        assertEquals(expected, read(t), "the trace holds the integral with the batch, its earlier files intact");
    }

    @ParameterizedTest
    @ValueSource(strings = {"disk full", "rename"})
    void aWriteFailingOnAMergeThreadFailsTheNextInsertNamingTheFileAndLosesNothing(String fault) throws Exception {
        BatchFileFaultTest.FaultyOps ops = new BatchFileFaultTest.FaultyOps();
        List<Runnable> handedOver = new ArrayList<>();
        Trace t = new Trace(Layout.longToLongs(), storage(ops, Layout.longToLongs(), handedOver::add));
        int n = 0;
        while (handedOver.isEmpty()) {  // threshold 0: every batch is a file; a level of eight starts a merge
            t.insert(range(n * 100L, n * 100L + 100));
            n++;
        }
        List<Long> before = read(t);
        // the merge's writer made its temporary file already
        List<String> filesBefore = names().stream().filter(f -> !BatchFileNames.isTemporary(f)).toList();
        assertEquals(filesBefore.size() + 1, names().size());
        if (fault.equals("disk full")) {
            ops.writableBytes = 200;
        } else {
            ops.failMove = true;
        }
        Thread mergeThread = new Thread(handedOver.get(0), "merge");
        mergeThread.start();
        mergeThread.join(30_000);
        assertEquals(filesBefore, names(), "the merge thread left no file of its failed write");
        ops.writableBytes = Long.MAX_VALUE;
        ops.failMove = false;
        StorageException e = assertThrows(StorageException.class, () -> t.insert(range(100_000, 100_010)));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains(".jbf"), e.getMessage());
        List<Long> expected = new ArrayList<>(before);
        expected.addAll(read(traceOf(range(100_000, 100_010))));
        assertEquals(expected, read(t), "the trace holds the integral with the batch, the merge's inputs intact");
        t.insert(range(200_000, 200_010));   // the disk has room again: the merge starts afresh
        assertEquals(expected.size() + 10, read(t).size());
        t.close();
        assertEquals(List.of(), names());
    }

    private static Trace traceOf(Batch b) {
        Trace t = new Trace(b.layout);
        t.insert(b);
        return t;
    }
}
