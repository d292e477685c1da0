package org.jdbsp.bench.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that it is never seen half-written under its name: the content goes to a temporary file in the
 * same directory ({@code .NAME.RANDOM.tmp}), which is flushed to disk (fsync) and then renamed over the target in
 * one step. If writing fails or is interrupted, the temporary file is removed and the target is left as it was.
 */
public final class AtomicFile {
    private static final int NAME_ATTEMPTS = 8;
    private static final int BUFFER_CHARS = 1 << 16;

    private AtomicFile() {}

    /** What goes into the file: writes the whole content to {@code file} (a new, empty file). */
    @FunctionalInterface
    public interface Content {
        /** Writes the content to {@code file}. */
        void writeTo(Path file) throws IOException;
    }

    /**
     * Writes {@code target} with {@code content}, atomically.
     *
     * @throws IOException saying that {@code target} was not written and whether the temporary file was removed;
     *                     its cause is the original failure (a {@link ClosedByInterruptException} if interrupted)
     */
    public static void write(Path target, Content content) throws IOException {
        Path tmp = createTemporary(target);
        try {
            content.writeTo(tmp);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IOException(target + " not written (" + discard(tmp) + "): " + describe(e), e);
        } catch (RuntimeException | Error e) {
            e.addSuppressed(new IOException(target + " not written (" + discard(tmp) + ")"));
            throw e;
        }
        syncDirectory(target);
    }

    /**
     * A buffered UTF-8 writer on {@code file} (from its start) whose writes an interrupt of the writing thread stops:
     * the channel then closes and the write throws a {@link ClosedByInterruptException}. ({@code Files.newOutputStream}
     * is not interruptible on every JDK.)
     */
    public static Writer interruptibleWriter(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        return new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8),
            BUFFER_CHARS);
    }

    /**
     * What keeps {@code target} from being written atomically, checked by creating and removing a temporary file
     * next to it, or null if nothing does.
     */
    public static String problem(Path target) {
        Path dir = directory(target);
        if (!Files.exists(dir)) {
            return "the directory " + dir + " does not exist";
        }
        if (!Files.isDirectory(dir)) {
            return dir + " is not a directory";
        }
        if (Files.isDirectory(target)) {
            return "is a directory";
        }
        try {
            Files.delete(createTemporary(target));
            return null;
        } catch (IOException e) {
            return "cannot create a file in " + dir + ": " + describe(e);
        }
    }

    /** A one-line description of {@code e} without exception class names (for messages to a user). */
    public static String describe(IOException e) {
        if (e instanceof ClosedByInterruptException) {
            return "interrupted";
        }
        if (e instanceof FileSystemException f) {
            String reason = f.getReason();
            if (reason == null) {
                reason = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "no such file or directory"
                    : e instanceof FileAlreadyExistsException ? "already exists"
                    : e instanceof NotDirectoryException ? "not a directory" : "file system error";
            }
            return (f.getFile() == null ? "" : f.getFile() + ": ") + reason;
        }
        return e.getMessage() == null ? "I/O error" : e.getMessage();
    }

    private static Path directory(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        return dir == null ? target.toAbsolutePath().getRoot() : dir;
    }

    private static Path createTemporary(Path target) throws IOException {
        Path dir = directory(target);
        String name = "." + target.getFileName() + ".";
        for (int attempt = 1; ; attempt++) {
            Path tmp = dir.resolve(name + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static String discard(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
            return "the unfinished temporary file " + tmp + " was removed";
        } catch (IOException e) {
            return "could not remove the unfinished temporary file " + tmp + ": " + describe(e);
        }
    }

    /** Flushes the rename to disk; some systems cannot sync a directory, and then the rename stays in the cache. */
    private static void syncDirectory(Path target) {
        try (FileChannel dir = FileChannel.open(directory(target), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // the file is complete under its name; only its durability after a power cut is not assured
        }
    }
}
