package org.jdbsp.storage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The file system calls of a writer, behind an interface so that tests can inject a full disk or a
 * failing fsync or rename; {@link #SYSTEM} is the real one.
 */
public interface FileOps {
    /** The real file system. */
    FileOps SYSTEM = new FileOps() {
        @Override
        public WritableFile create(Path path) throws IOException {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new WritableFile() {
                @Override
                public void write(ByteBuffer src, long position) throws IOException {
                    long p = position;
                    while (src.hasRemaining()) {
                        p += ch.write(src, p);
                    }
                }

                @Override
                public void force() throws IOException {
                    ch.force(true);
                }

                @Override
                public void close() throws IOException {
                    ch.close();
                }
            };
        }

        @Override
        public void moveAtomically(Path from, Path to) throws IOException {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void syncDirectory(Path dir) throws IOException {
            try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                ch.force(true);
            }
        }
    };

    /**
     * {@code ops} without fsyncs (of files and directories): for files that a crash makes garbage anyway, such
     * as a trace's spilled batches, which only need the temporary name and the atomic rename.
     */
    static FileOps withoutSync(FileOps ops) {
        return new FileOps() {
            @Override
            public WritableFile create(Path path) throws IOException {
                WritableFile f = ops.create(path);
                return new WritableFile() {
                    @Override
                    public void write(ByteBuffer src, long position) throws IOException {
                        f.write(src, position);
                    }

                    @Override
                    public void force() {
                        // not durable on purpose
                    }

                    @Override
                    public void close() throws IOException {
                        f.close();
                    }
                };
            }

            @Override
            public void moveAtomically(Path from, Path to) throws IOException {
                ops.moveAtomically(from, to);
            }

            @Override
            public void syncDirectory(Path dir) {
                // not durable on purpose
            }

            @Override
            public void syncFile(Path file) {
                // not durable on purpose
            }

            @Override
            public void link(Path existing, Path link) throws IOException {
                ops.link(existing, link);
            }
        };
    }

    /** Creates a new file (failing if it exists) for writing. */
    WritableFile create(Path path) throws IOException;

    /** Renames {@code from} to {@code to} atomically. */
    void moveAtomically(Path from, Path to) throws IOException;

    /** Makes the directory's entries (a rename) durable. */
    void syncDirectory(Path dir) throws IOException;

    /** Makes the content of an existing, closed file durable (fsync). */
    default void syncFile(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /**
     * Makes {@code link} a new name of the file {@code existing} (a hard link: the content is not copied, and it
     * stays until both names are deleted).
     *
     * @throws UnsupportedOperationException or an {@link IOException} when the file system cannot (another
     *     device, no hard links): callers copy instead
     */
    default void link(Path existing, Path link) throws IOException {
        Files.createLink(link, existing);
    }

    /** A file being written at explicit positions. */
    interface WritableFile extends AutoCloseable {
        /** Writes all remaining bytes of {@code src} at {@code position}. */
        void write(ByteBuffer src, long position) throws IOException;

        /** Makes what was written durable (fsync). */
        void force() throws IOException;

        @Override
        void close() throws IOException;
    }
}
