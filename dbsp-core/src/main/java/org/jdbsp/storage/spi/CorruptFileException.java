package org.jdbsp.storage.spi;

import java.nio.file.Path;

/**
 * A storage file is damaged: truncated, not a storage file at all, or a checksum does not match. Nothing
 * of it was decoded into records; a checkpoint layer may fall back to an older copy.
 */
public final class CorruptFileException extends StorageException {
    private static final long serialVersionUID = 1L;

    /** {@code path} is damaged as {@code message} says. */
    public CorruptFileException(Path path, String message) {
        super(path, "corrupt storage file: " + message, null);
    }
}
