package org.jdbsp.bench.run;

import java.nio.file.Path;
import org.jdbsp.nexmark.queries.NexmarkQuery;

/**
 * The checkpoint options of a run ({@code --checkpoint-dir}, {@code --checkpoint-interval-steps},
 * {@code --checkpoint-interval-seconds}, {@code --resume}).
 *
 * @param directory       where each query keeps its checkpoints, in the subdirectory named after it; null when the
 *                        run takes none
 * @param intervalSteps   checkpoint after every this many steps; 0 for no step interval
 * @param intervalSeconds checkpoint after the first step that ends at least this many seconds after the previous
 *                        checkpoint (or the start); 0 for no time interval
 * @param resume          continue each query from the latest complete checkpoint in its subdirectory
 */
public record CheckpointSettings(Path directory, long intervalSteps, double intervalSeconds, boolean resume) {
    /** No checkpoints. */
    public static final CheckpointSettings NONE = new CheckpointSettings(null, 0, 0, false);

    /** Checks that the values belong together. */
    public CheckpointSettings {
        if (intervalSteps < 0) {
            throw new IllegalArgumentException("--checkpoint-interval-steps = " + intervalSteps
                + " is invalid: must be >= 1");
        }
        if (!(intervalSeconds >= 0) || Double.isInfinite(intervalSeconds)) {
            throw new IllegalArgumentException("--checkpoint-interval-seconds = " + intervalSeconds
                + " is invalid: must be > 0");
        }
        boolean interval = intervalSteps > 0 || intervalSeconds > 0;
        if (directory == null && (interval || resume)) {
            throw new IllegalArgumentException((resume ? "--resume" : intervalSteps > 0
                ? "--checkpoint-interval-steps" : "--checkpoint-interval-seconds")
                + " needs --checkpoint-dir DIR (where the checkpoints are)");
        }
        if (directory != null && !interval && !resume) {
            throw new IllegalArgumentException("--checkpoint-dir " + directory + " needs --checkpoint-interval-steps N"
                + " or --checkpoint-interval-seconds S (when to checkpoint), or --resume");
        }
    }

    /** Whether the run checkpoints or resumes at all. */
    public boolean enabled() {
        return directory != null;
    }

    /** Whether the run takes checkpoints (it may only resume). */
    public boolean periodic() {
        return intervalSteps > 0 || intervalSeconds > 0;
    }

    /** The directory of {@code query}'s checkpoints (its storage directory): {@code <directory>/<query name>}. */
    public Path directory(NexmarkQuery<?> query) {
        return directory.resolve(query.name());
    }
}
