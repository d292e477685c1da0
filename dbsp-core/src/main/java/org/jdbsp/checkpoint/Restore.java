package org.jdbsp.checkpoint;

/**
 * Which checkpoint {@link org.jdbsp.circuit.Circuit#restore} loads.
 *
 * @param id         the checkpoint to load, or null for the latest complete one
 * @param fallback   when the chosen checkpoint is torn or damaged ({@link CheckpointException#corrupt()}), try
 *                   the previous complete one, and so on, instead of failing (off by default: a damaged
 *                   checkpoint is reported, never skipped silently)
 * @param allowEmpty when the storage directory holds no checkpoint at all, build a fresh circuit instead of
 *                   failing (for an application's first start)
 */
public record Restore(String id, boolean fallback, boolean allowEmpty) {
    /** The latest complete checkpoint; no fallback; fails if there is none. */
    public static Restore latest() {
        return new Restore(null, false, false);
    }

    /** The checkpoint named {@code id}. */
    public static Restore named(String id) {
        return new Restore(java.util.Objects.requireNonNull(id, "id"), false, false);
    }

    /** A copy that falls back to earlier complete checkpoints when the chosen one is damaged. */
    public Restore withFallback() {
        return new Restore(id, true, allowEmpty);
    }

    /** A copy that builds a fresh circuit when there is no checkpoint at all. */
    public Restore orEmpty() {
        return new Restore(id, fallback, true);
    }
}
