package org.jdbsp.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jdbsp.codec.ByteSource;
import org.jdbsp.codec.Codec;
import org.jdbsp.codec.Codecs;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.generator.NexmarkGenerator;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.storage.spi.BatchFile;
import org.jdbsp.storage.spi.BatchFileInfo;
import org.jdbsp.storage.spi.BatchFileWriter;
import org.jdbsp.zset.Layout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The CPU cost of storage per Nexmark bid: {@code encode} writes the first {@value #BIDS} generated bids as the
 * values of a batch file keyed 0..n-1 (the derived {@code Bid} codec, the file's table of repeated strings);
 * {@code transcode} copies the values of such a file, encoded, into a new one ({@link BatchFileWriter#addTranscoded},
 * as a merge of file batches does); {@code encodeHot} writes the first {@value #HOT_BIDS} bids, whose records are in
 * the CPU's caches after the first time, to {@value #HOT_FILES} files one after the other (as a trace encoding each
 * batch when it is inserted would), so that it measures the encoding rather than the misses of reading a million
 * records. Files are transient and deleted after each invocation. Score: nanoseconds per bid.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class StorageEncodeBenchmark {
    static final int BIDS = 1_000_000;
    static final int HOT_BIDS = 10_000;
    static final int HOT_FILES = 100;

    private Bid[] bids;
    private Codec<Bid> codec;
    private Path dir;
    private BatchFile source;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        bids = new Bid[BIDS];
        NexmarkGenerator g = NexmarkGenerator.create(GeneratorConfig.builder().build());
        for (int n = 0; n < BIDS; ) {
            Event e = g.next();
            if (e instanceof Bid b) {
                bids[n++] = b;
            }
        }
        codec = Codecs.defaults().codecFor(Bid.class);
        dir = Files.createTempDirectory("jdbsp-encode-bench");
        BatchFileInfo info = write();
        source = BatchFile.open(info.path(), Layout.longToObjects(), null, codec);
    }

    private BatchFileInfo write() {
        return write(bids.length);
    }

    private BatchFileInfo write(int n) {
        try (BatchFileWriter w = BatchFileWriter.createTransient(dir, Layout.longToObjects(), null, codec).trustValueOrder()) {
            Bid[] b = bids;
            for (int i = 0; i < n; i++) {
                w.addLong(i, b[i], 1);
            }
            return w.finish();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Benchmark
    @OperationsPerInvocation(BIDS)
    public long encode() throws IOException {
        BatchFileInfo info = write();
        Files.delete(info.path());
        return info.bytes();
    }

    @Benchmark
    @OperationsPerInvocation(HOT_BIDS * HOT_FILES)
    public long encodeHot() throws IOException {
        long bytes = 0;
        for (int f = 0; f < HOT_FILES; f++) {
            BatchFileInfo info = write(HOT_BIDS);
            Files.delete(info.path());
            bytes += info.bytes();
        }
        return bytes;
    }

    @Benchmark
    @OperationsPerInvocation(BIDS)
    public long transcode() throws IOException {
        BatchFileInfo info;
        ByteSource scratch = new ByteSource(ByteBuffer.allocate(0));
        try (BatchFileWriter w = BatchFileWriter.createTransient(dir, Layout.longToObjects(), null, codec).trustValueOrder()) {
            int n = source.size();
            for (int i = 0; i < n; i++) {
                w.addTranscoded(i, null, source.valueBytes(i, scratch), 1);
            }
            info = w.finish();
        }
        Files.delete(info.path());
        return info.bytes();
    }
}
