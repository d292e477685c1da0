package org.jdbsp.bench.report;

/**
 * The checkpoints one query's run took ({@code --checkpoint-dir}): three columns of the table and of the CSV file.
 *
 * @param count checkpoints taken
 * @param nanos wall-clock time spent taking them (part of the run's elapsed time)
 * @param bytes bytes of the new files they wrote (files an earlier checkpoint wrote are referenced, not counted)
 */
public record CheckpointFigures(int count, long nanos, long bytes) {
    /** The table's headers of these figures, in order. */
    public static final java.util.List<String> HEADERS = java.util.List.of("Checkpoints", "Checkpoint time",
        "Checkpoint bytes");
    /** The CSV columns of these figures, in order. */
    public static final java.util.List<String> COLUMNS = java.util.List.of("checkpoints", "checkpoint_s",
        "checkpoint_bytes");
    /** The note under the table that says what the columns count. */
    static final String NOTE = "Checkpoints = checkpoints taken during the query (--checkpoint-interval-steps/-seconds);"
        + " Checkpoint time = wall clock spent taking them (included in Elapsed); Checkpoint bytes = bytes of the new"
        + " files they wrote (a batch file already in an earlier checkpoint is referenced, not written again).";

    /** The table's cells of these figures, or empty cells for a run without checkpoints ({@code f} null). */
    static String[] cells(CheckpointFigures f) {
        if (f == null) {
            return new String[] {"", "", ""};
        }
        return new String[] {Integer.toString(f.count), Units.seconds(f.nanos), Units.bytes(f.bytes)};
    }

    /** The CSV fields of these figures, or empty fields for a run without checkpoints ({@code f} null). */
    static String[] csv(CheckpointFigures f) {
        if (f == null) {
            return new String[] {"", "", ""};
        }
        return new String[] {Integer.toString(f.count), String.format(java.util.Locale.ROOT, "%.6f", f.nanos / 1e9),
            Long.toString(f.bytes)};
    }
}
