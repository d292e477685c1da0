package org.jdbsp.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbsp.storage.spi.BatchFile;

/**
 * A batch of a trace that lives in a batch file: the open file, shared by every fork of the trace that holds
 * it, and deleted when the last one lets it go (merged it away or closed). A checkpoint that wants to keep the
 * file must take a reference with {@link #retain} (or copy or hard-link it elsewhere) before then.
 */
public final class FileBatch {
    private final BatchFile file;
    private final KeyFilter keys;
    private final AtomicInteger references = new AtomicInteger(1);

    /** The batch in {@code file}, held once (by the trace that wrote it). */
    public FileBatch(BatchFile file) {
        this(file, null);
    }

    /** The batch in {@code file} with a filter of its keys (null: none), held once. */
    FileBatch(BatchFile file, KeyFilter keys) {
        this.file = file;
        this.keys = keys;
    }

    /** The filter of the file's keys, or null when it has none. */
    KeyFilter keyFilter() {
        return keys;
    }

    /** The open file. */
    public BatchFile file() {
        return file;
    }

    /** Number of tuples. */
    public int size() {
        return file.size();
    }

    /** Takes one more reference (a fork of the trace, a checkpoint). */
    public FileBatch retain() {
        references.incrementAndGet();
        return this;
    }

    /** Lets one reference go; the last one deletes the file (a cursor still reading the mapping keeps working). */
    public void release() {
        int left = references.decrementAndGet();
        if (left == 0) {
            try {
                Files.deleteIfExists(file.path());
            } catch (IOException e) {
                // the run directory is deleted on close, or as a crashed run's at the next start
            }
        } else if (left < 0) {
            throw new IllegalStateException("batch file " + file.path() + " released more often than retained");
        }
    }

    @Override
    public String toString() {
        return "FileBatch[" + file.path() + ", " + file.size() + " tuples]";
    }
}
