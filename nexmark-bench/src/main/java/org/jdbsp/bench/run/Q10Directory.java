package org.jdbsp.bench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jdbsp.bench.report.AtomicFile;
import org.jdbsp.bench.report.Units;
import org.jdbsp.nexmark.generator.GeneratorConfig;

/**
 * Where q10 writes its log files during a run: the directory of {@code --q10-dir} (kept), or else a fresh temporary
 * directory deleted when the run ends, so repeated runs do not fill the disk with old logs.
 *
 * <p>q10 writes about {@value #BYTES_PER_BID} bytes per bid (measured: 99 at the default sizes); a run whose logs
 * would not fit the directory's file system, or that cannot create a file in the directory, is refused before it
 * starts.
 */
final class Q10Directory implements AutoCloseable {
    /** Estimated log bytes per bid at the default sizes, with a margin. */
    static final long BYTES_PER_BID = 110;

    private final Path path;
    private final boolean temporary;

    private Q10Directory(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    /**
     * The q10 directory of a run: {@code given}, or a new temporary directory if it is null.
     *
     * @throws IllegalArgumentException if it cannot be created or written, or the estimated logs of {@code events}
     *                                  events do not fit its file system
     */
    static Q10Directory open(Path given, GeneratorConfig config, long events) {
        if (given != null && Files.exists(given) && !Files.isDirectory(given)) {
            throw new IllegalArgumentException("--q10-dir " + given + ": is not a directory");
        }
        Path path;
        try {
            path = given != null ? Files.createDirectories(given) : Files.createTempDirectory("jdbsp-nexmark-q10-");
        } catch (IOException e) {
            throw new IllegalArgumentException("--q10-dir " + given + ": cannot create the directory: "
                + AtomicFile.describe(e), e);
        }
        Q10Directory dir = new Q10Directory(path, given == null);
        try {
            String problem = AtomicFile.problem(path.resolve("q10"));
            if (problem != null) {
                throw new IllegalArgumentException("--q10-dir " + path + ": " + problem);
            }
            long need = estimateBytes(config, events);
            long free = Files.getFileStore(path).getUsableSpace();
            if (need > free) {
                throw new IllegalArgumentException("q10 would write about " + Units.bytes(need) + " of logs under "
                    + path + " but only " + Units.bytes(free) + " is free there; give --q10-dir on a larger disk,"
                    + " lower --max-events or leave q10 out");
            }
        } catch (IOException e) {
            // the free space is unknown: let the run try
        } catch (IllegalArgumentException e) {
            dir.close();
            throw e;
        }
        return dir;
    }

    /** The estimated bytes of q10's logs for {@code events} events of {@code config}. */
    static long estimateBytes(GeneratorConfig config, long events) {
        double bids = (double) events * config.bidProportion() / config.totalProportion();
        double perBid = BYTES_PER_BID * Math.max(1.0, config.avgBidByteSize() / 100.0);
        return (long) Math.min(Long.MAX_VALUE, bids * perBid);
    }

    Path path() {
        return path;
    }

    boolean temporary() {
        return temporary;
    }

    /** Deletes the directory and its files if it is temporary. */
    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete q10's temporary directory " + path, e);
        }
    }
}
