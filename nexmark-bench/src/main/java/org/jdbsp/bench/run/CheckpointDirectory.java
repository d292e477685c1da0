package org.jdbsp.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jdbsp.bench.report.AtomicFile;
import org.jdbsp.checkpoint.CheckpointException;
import org.jdbsp.checkpoint.CheckpointInfo;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitHandle;

/**
 * One query's checkpoint directory ({@code <--checkpoint-dir>/<query>}), read before the run: its latest complete
 * checkpoint, so that a {@code --resume} whose options differ, or that has nothing to resume, is refused before any
 * work. The checkpoints are listed through an empty circuit built on the directory (the library's listing).
 */
final class CheckpointDirectory {
    private CheckpointDirectory() {}

    /**
     * The latest complete checkpoint in {@code dir}, or empty if there is none (or no directory).
     *
     * @throws IllegalArgumentException if {@code dir} is not a directory or its checkpoints cannot be read
     */
    static Optional<CheckpointInfo> latest(Path dir) {
        if (!Files.exists(dir)) {
            return Optional.empty();
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--checkpoint-dir: " + dir + " is not a directory");
        }
        CircuitConfig config = CircuitConfig.defaults().withName("checkpoint-listing").withStorage(dir);
        try (CircuitHandle<Void> listing = Circuit.build(config, c -> null)) {
            List<CheckpointInfo> all = listing.checkpoints().list();
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        } catch (CheckpointException e) {
            throw new IllegalArgumentException("--checkpoint-dir: cannot read the checkpoints in " + dir + ": "
                + e.getMessage(), e);
        }
    }

    /**
     * Creates {@code dir} if needed for a query's checkpoints (whether it can be written is checked when a
     * circuit is built on it, by {@link #latest}).
     *
     * @throws IllegalArgumentException if it cannot be created
     */
    static void create(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("--checkpoint-dir: cannot create " + dir + ": " + AtomicFile.describe(e),
                e);
        }
    }
}
