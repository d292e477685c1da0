package org.jdbsp.flinkbaseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The baseline's CSV: one row per query and run, in the style of the benchmark's CSV (seconds and counts as plain
 * numbers). {@code elapsed_s} is the job's run time ({@link QueryRun#elapsedNs}) and the throughputs are computed
 * from it; {@code wall_s} adds planning and the MiniCluster's start.
 */
public final class BaselineCsv {
    /** The header line's columns. */
    public static final List<String> COLUMNS = List.of("timestamp", "query", "run", "events", "parallelism",
        "elapsed_s", "events_per_s", "throughput_per_core_events_s", "wall_s", "flink_version");

    private BaselineCsv() {}

    /** The header line. */
    public static String header() {
        return String.join(",", COLUMNS);
    }

    /** The row of {@code r}, the {@code run}-th run (from 1) over {@code events} events at {@code parallelism}. */
    public static String row(QueryRun r, int run, long events, int parallelism, String flinkVersion) {
        double elapsed = r.elapsedNs() / 1e9;
        double perSecond = r.elapsedNs() > 0 ? events / elapsed : 0;
        return String.join(",", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), r.query(),
            Integer.toString(run), Long.toString(events), Integer.toString(parallelism), seconds(elapsed),
            Long.toString(Math.round(perSecond)), Long.toString(Math.round(perSecond / parallelism)),
            seconds(r.wallNs() / 1e9), flinkVersion);
    }

    /** Appends {@code row} to {@code file}, after a header line when the file is new or empty. */
    public static void append(Path file, String row) throws IOException {
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        String text = (fresh ? header() + "\n" : "") + row + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
