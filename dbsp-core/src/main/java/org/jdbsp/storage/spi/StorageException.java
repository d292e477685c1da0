package org.jdbsp.storage.spi;

import java.nio.file.Path;

/**
 * A storage file could not be written or read: an I/O error, a file of another type or format version.
 * The message and {@link #path} name the file.
 */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    /** A failure concerning {@code path}; the message is prefixed with the path. */
    public StorageException(Path path, String message, Throwable cause) {
        super(path + ": " + message, cause);
        this.path = path;
    }

    /** The file concerned. */
    public Path path() {
        return path;
    }
}
