package org.jdbsp.storage.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import org.jdbsp.storage.spi.BatchFileNames;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The directory of one circuit run's files: made at build, deleted at close; those of dead processes are cleaned up. */
public final class RunDirectory implements AutoCloseable {
    static final String LOCK = "run.lock";
    private static final Pattern RUN = Pattern.compile("run-(\\d+)-[0-9a-f]{8}-.*");

    private final Path path;
    private final LongAdder written = new LongAdder();
    private volatile boolean closed;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /**
     * Checks {@code storage}, deletes the run directories that dead processes left in it, and makes a new one for
     * the circuit {@code circuitName}.
     *
     * @throws IllegalArgumentException naming the path when {@code storage} does not exist, is not a directory or
     *                                  cannot be written
     */
    public static RunDirectory open(Path storage, String circuitName) {
        checkUsable(storage);
        for (Path stale : staleRuns(storage)) {
            deleteTree(stale);
        }
        long pid = ProcessHandle.current().pid();
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path dir = storage.resolve("run-" + pid + "-" + id + "-" + sanitize(circuitName));
        try {
            Files.createDirectory(dir);
            Files.writeString(dir.resolve(LOCK), pid + " " + startOf(ProcessHandle.current()) + "\n");
        } catch (IOException e) {
            deleteTree(dir);
            throw new IllegalArgumentException("storage directory " + storage + " cannot be written: cannot create "
                    + dir.getFileName() + " in it (" + e + ")", e);
        }
        return new RunDirectory(dir);
    }

    /** Refuses a storage directory that is missing, not a directory or not writable, naming it. */
    static void checkUsable(Path storage) {
        if (!Files.exists(storage)) {
            throw new IllegalArgumentException("storage directory " + storage + " does not exist (create it first)");
        }
        if (!Files.isDirectory(storage)) {
            throw new IllegalArgumentException("storage directory " + storage + " is not a directory");
        }
        if (!Files.isWritable(storage)) {
            throw new IllegalArgumentException("storage directory " + storage + " is not writable");
        }
    }

    private static String sanitize(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    private static String startOf(ProcessHandle p) {
        return p.info().startInstant().map(Object::toString).orElse("?");
    }

    /** The run directories in {@code storage} whose process is gone (from a crash), which the next build deletes. */
    public static List<Path> staleRuns(Path storage) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(storage)) {
            for (Path p : entries) {
                Matcher m = RUN.matcher(p.getFileName().toString());
                if (m.matches() && Files.isDirectory(p) && !alive(p, Long.parseLong(m.group(1)))) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list storage directory " + storage, e);
        } catch (NumberFormatException e) {
            // a pid beyond a long: not ours
        }
        return out;
    }

    /** Whether the process that made run directory {@code dir} (whose name says pid {@code namePid}) still runs. */
    private static boolean alive(Path dir, long namePid) {
        String lock;
        try {
            lock = Files.readString(dir.resolve(LOCK)).trim();
        } catch (NoSuchFileException e) {
            return ProcessHandle.of(namePid).isPresent();
        } catch (IOException e) {
            return true;
        }
        String[] parts = lock.split(" ");
        long pid;
        try {
            pid = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty()) {
            return false;
        }
        String start = startOf(p.get());
        return parts.length < 2 || parts[1].equals("?") || start.equals("?") || parts[1].equals(start);
    }

    /** The directory. */
    public Path path() {
        return path;
    }

    /** The counter of the bytes of batch files written in this directory, for the workers' storages to add to. */
    public LongAdder writtenCounter() {
        return written;
    }

    /** The bytes of batch files written in this directory so far (files deleted since included). */
    public long bytesWritten() {
        return written.sum();
    }

    /**
     * The bytes of the files in this directory now (0 once closed), except the temporary files of batch files being
     * written (by a merge thread while the steps go on): complete files only, each counted in
     * {@link #bytesWritten()} too. Best effort while the workers write: a file deleted during the walk is skipped.
     */
    public long bytesOnDisk() {
        if (closed) {
            return 0;
        }
        long[] sum = {0};
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    boolean complete = attrs.isRegularFile() && !BatchFileNames.isTemporary(file.getFileName().toString());
                    sum[0] += complete ? attrs.size() : 0;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // the directory went away: nothing on disk
        }
        return sum[0];
    }

    /** Deletes the directory and everything in it; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            deleteTree(path);
        }
    }

    /** Deletes {@code dir} with its content, as far as it can (best effort: what is left is a stale run's). */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // left for the next start's clean-up
        }
    }

    @Override
    public String toString() {
        return "RunDirectory[" + path + "]";
    }
}
