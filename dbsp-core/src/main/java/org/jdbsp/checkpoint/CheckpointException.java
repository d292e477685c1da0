package org.jdbsp.checkpoint;

import java.nio.file.Path;

/**
 * A checkpoint could not be written or loaded: an I/O error, a missing or damaged file, a checkpoint of
 * another circuit or format version. The message says what, and {@link #path()} names the file or directory
 * concerned (when one is).
 */
public class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final boolean corrupt;

    /** A failure about {@code path} (may be null); {@code corrupt} when a file is missing, cut or damaged. */
    public CheckpointException(Path path, String message, boolean corrupt, Throwable cause) {
        super(path == null ? message : message + " (" + path + ")", cause);
        this.path = path;
        this.corrupt = corrupt;
    }

    /** The file or directory concerned, or null. */
    public Path path() {
        return path;
    }

    /**
     * True when the checkpoint is torn or damaged (a missing file, a checksum mismatch, a truncation), as
     * opposed to refused (another circuit, another format version) or an I/O error while writing: a restore
     * asked to {@linkplain Restore#withFallback fall back} tries the previous checkpoint only in this case.
     */
    public boolean corrupt() {
        return corrupt;
    }
}
