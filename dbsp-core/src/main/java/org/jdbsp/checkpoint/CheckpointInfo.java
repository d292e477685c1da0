package org.jdbsp.checkpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A complete checkpoint: what {@link org.jdbsp.circuit.CircuitHandle#checkpoint()} wrote, or what a restore
 * loaded.
 *
 * @param id           the checkpoint's name in its directory (a zero-padded sequence number; later
 *                     checkpoints have larger ones)
 * @param step         the number of steps the circuit had run when it was taken; a restored circuit
 *                     continues with step {@code step + 1}
 * @param workers      the number of workers of the circuit that took it
 * @param bytesWritten bytes of new files it wrote (batch files already written by an earlier checkpoint and
 *                     referenced again are not counted)
 * @param duration     the time taken to write it
 * @param created      when it was written
 * @param metadata     the caller's own entries (for example the input offsets consumed), as given
 */
public record CheckpointInfo(String id, long step, int workers, long bytesWritten, Duration duration, Instant created,
        Map<String, String> metadata) {
    /** Copies the metadata. */
    public CheckpointInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(created, "created");
        metadata = Map.copyOf(metadata);
    }
}
