package org.jdbsp.storage.internal;

import java.nio.file.Path;
import org.jdbsp.codec.Codec;
import org.jdbsp.storage.spi.BatchFileWriter;
import org.jdbsp.zset.Layout;

/**
 * Creates {@link BatchFileWriter}s on given {@link FileOps}, for the checkpoint writer (another package of this
 * module), whose writes tests make fail; the SPI itself offers only the real file system. {@code BatchFileWriter}
 * registers the factory when it is initialized.
 */
public final class BatchWriters {
    /** Makes a writer (BatchFileWriter's own constructor). */
    public interface Factory {
        /** A writer of a new batch file in {@code dir}, with the file system calls {@code ops}. */
        BatchFileWriter create(FileOps ops, Path dir, Layout layout, Codec<?> keyCodec, Codec<?> valueCodec);
    }

    private static volatile Factory factory;

    private BatchWriters() {}

    /** Called once by {@link BatchFileWriter}'s static initializer. */
    public static void register(Factory f) {
        factory = f;
    }

    /** A writer of a new batch file in {@code dir} whose file system calls are {@code ops}. */
    public static BatchFileWriter create(FileOps ops, Path dir, Layout layout, Codec<?> keyCodec, Codec<?> valueCodec) {
        if (factory == null) {
            try {
                Class.forName(BatchFileWriter.class.getName(), true, BatchFileWriter.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return factory.create(ops, dir, layout, keyCodec, valueCodec);
    }
}
