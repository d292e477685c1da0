package org.jdbsp.bench.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A CSV file that gets one row per query appended, with a header line when the file is new (or empty). Times are
 * in seconds, sizes in bytes, unknown values empty (the checkpoint columns of a run without checkpoints too).
 *
 * <p>Each append writes the old content and the new row to a temporary file and renames it over the file
 * ({@link AtomicFile}), so the file under its name is always a complete CSV, also if the run is killed meanwhile.
 */
public final class CsvLog {
    /** The header line's columns. */
    public static final List<String> COLUMNS = concat(List.of("timestamp", "query", "events", "cores", "generators",
        "pregenerated", "batch_size", "elapsed_s", "cores_x_elapsed_s", "throughput_per_core_events_s",
        "usr_cpu_s", "sys_cpu_s", "gc_s", "peak_heap_bytes", "peak_rss_bytes", "output_changes",
        "heap_after_gc_bytes", "storage_written_bytes", "storage_at_end_bytes", "step_p50_s", "step_p99_s",
        "step_max_s"),
        CheckpointFigures.COLUMNS);

    private static final String HEADER = String.join(",", COLUMNS);

    private final Path file;

    /** A log appending to {@code file}. */
    public CsvLog(Path file) {
        this.file = file;
    }

    /**
     * Checks, before a run, that the file can be appended to: a file can be created next to it (it is written
     * through a temporary file), it is not a directory, and an existing non-empty file starts with this log's header.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public void check() {
        String problem = AtomicFile.problem(file);
        if (problem != null) {
            throw new IllegalArgumentException("--csv " + file + ": " + problem);
        }
        try {
            if (Files.exists(file) && Files.size(file) > 0) {
                String first;
                try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    first = lines.findFirst().orElse("");
                }
                if (!first.equals(HEADER)) {
                    throw new IllegalArgumentException("--csv " + file + ": the file exists with other columns than "
                        + "this version writes; use a new file");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--csv " + file + ": cannot be read: " + AtomicFile.describe(e), e);
        }
    }

    /** Appends the row of {@code m}, after the header if the file is new or empty; atomically (see above). */
    public void append(QueryMeasurement m, int generators, boolean pregenerated, int batchSize) throws IOException {
        String row = row(m, generators, pregenerated, batchSize);
        AtomicFile.write(file, tmp -> {
            boolean header = !Files.exists(file) || Files.size(file) == 0;
            if (!header) {
                Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
                if (header) {
                    out.write(HEADER);
                    out.write('\n');
                }
                out.write(row);
                out.write('\n');
            }
        });
    }

    private static String row(QueryMeasurement m, int generators, boolean pregenerated, int batchSize) {
        return base(m, generators, pregenerated, batchSize) + ","
            + String.join(",", CheckpointFigures.csv(m.checkpoints()));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static String base(QueryMeasurement m, int generators, boolean pregenerated, int batchSize) {
        return String.join(",",
            Instant.now().toString(),
            m.query(),
            Long.toString(m.events()),
            Integer.toString(m.cores()),
            Integer.toString(generators),
            Boolean.toString(pregenerated),
            Integer.toString(batchSize),
            decimal(m.elapsedSeconds()),
            decimal(m.coreSeconds()),
            Double.isNaN(m.throughputPerCore()) ? "" : decimal(m.throughputPerCore()),
            nanos(m.cpu().userNanos()),
            nanos(m.cpu().systemNanos()),
            decimal(m.gcMillis() / 1e3),
            Long.toString(m.peakHeapBytes()),
            m.peakRssBytes() < 0 ? "" : Long.toString(m.peakRssBytes()),
            Long.toString(m.outputChanges()),
            optional(m.memory().peakHeapAfterGcBytes()),
            optional(m.memory().storageWrittenBytes()),
            optional(m.memory().storageAtEndBytes()),
            nanos(m.steps().p50Nanos()),
            nanos(m.steps().p99Nanos()),
            nanos(m.steps().maxNanos()));
    }

    private static String optional(long bytes) {
        return bytes < 0 ? "" : Long.toString(bytes);
    }

    private static String nanos(long nanos) {
        return nanos < 0 ? "" : decimal(nanos / 1e9);
    }

    private static String decimal(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
