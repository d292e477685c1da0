package org.jdbsp.bench.cli;

import static org.jdbsp.bench.cli.CliRun.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbsp.bench.report.CsvLog;
import org.jdbsp.bench.report.ResultTable;
import org.jdbsp.bench.run.StopSignal;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.generator.NexmarkGenerator;
import org.jdbsp.nexmark.generator.RngMode;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.nexmark.queries.NexmarkQueries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void badInputGivesOneLineOnStandardErrorAndExitCode2() {
        assertUsageError("unknown query 'q99'; valid queries: " + String.join(", ", NexmarkQueries.names()),
            "--query", "q99");
        assertUsageError("unknown query 'x'", "--query", "q0,x");
        assertUsageError("has an empty name", "--query", "q0,");
        assertUsageError("'all' cannot be part of a list", "--query", "all,q0");
        assertUsageError("--max-events = -1 is invalid: must be >= 0", "--max-events", "-1");
        assertUsageError("'1e6' is not a long", "--max-events", "1e6");
        assertUsageError("--cpu-cores = 0 is invalid: must be between 1 and 256", "--cpu-cores", "0");
        assertUsageError("--cpu-cores = 257 is invalid: must be between 1 and 256", "--cpu-cores", "257");
        assertUsageError("--cpu-cores = 1000 is invalid: must be between 1 and 256", "--cpu-cores", "1000");
        assertUsageError("'two' is not an int", "--cpu-cores", "two");
        assertUsageError("--num-event-generators = 0 is invalid: must be >= 1", "--num-event-generators", "0");
        assertUsageError("--input-batch-size = -5 is invalid: must be >= 1", "--input-batch-size", "-5");
        assertUsageError("--source-buffer-size = 0 is invalid: must be >= 1", "--source-buffer-size", "0");
        assertUsageError("Unknown option: '--bogus'", "--bogus");
        assertUsageError("'fast' is not reference or per-event", "--rng", "fast");
        assertUsageError("hotAuctionRatio = 0 is invalid", "--hot-auction-ratio", "0");
        assertUsageError("the directory", "--csv", dir.resolve("missing").resolve("x.csv").toString());
        assertUsageError("is a directory", "--results", dir.toString());
        assertUsageError("more than one array holds", "--pregenerate", "--max-events", "3000000000");
        assertUsageError("need about", "--pregenerate", "--max-events", "2000000000");
        assertUsageError("q10 would write about", "--query", "q10", "--max-events", "9000000000000000000");
    }

    @Test
    void valuesInRangeThatCannotWorkAreRefusedWithOneLineBeforeTheRun() throws IOException {
        assertUsageError("--input-batch-size = 2147483647 is invalid: must be between 1 and 67108864",
            "--input-batch-size", "2147483647");
        assertUsageError("--source-buffer-size = 2147483647 is invalid: must be between 1 and 67108864",
            "--source-buffer-size", "2147483647");
        assertUsageError("--avg-auction-byte-size = 2147483647 is invalid: must be <= 1048576",
            "--avg-auction-byte-size", "2147483647");
        assertUsageError("--avg-person-byte-size = 1048577 is invalid", "--avg-person-byte-size", "1048577");
        assertUsageError("--num-event-generators = 2147483647 is invalid: must be between 1 and 1024",
            "--num-event-generators", "2147483647");
        assertUsageError("--num-event-generators = 1025 is invalid", "--num-event-generators", "1025");
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() < (64L << 30), "huge heap");
        // within the caps, but the batch and the buffer cannot fit the heap (about 16 GiB at 250 B an event)
        assertUsageError("events in flight need about", "--input-batch-size", "67108864", "--max-events", "10");
        assertUsageError("events in flight need about", "--avg-bid-byte-size", "1048576", "--input-batch-size",
            "1000000", "--max-events", "10");
        assertUsageError("--base-time = 9223372036854775807 is invalid", "--base-time", "9223372036854775807",
            "--query", "q5");
    }

    @Test
    void anOutputLocationThatCannotBeWrittenIsRefusedBeforeTheRun() throws IOException {
        Path regular = Files.writeString(dir.resolve("regular"), "x");
        Files.createDirectories(dir.resolve("out-q1.txt"));
        assertUsageError("--q10-dir '' is invalid", "--q10-dir", "", "--query", "q0", "--max-events", "10");
        assertUsageError("--results '' is invalid", "--results", "", "--max-events", "10");
        assertUsageError("--csv '' is invalid", "--csv", "", "--max-events", "10");
        assertUsageError("is not a directory", "--results", regular.resolve("x.txt").toString());
        assertUsageError("is not a directory", "--csv", regular.resolve("x.csv").toString());
        assertUsageError("is not a directory", "--query", "q10", "--q10-dir", regular.toString());
        assertUsageError("--q10-dir " + regular.resolve("q10") + ": cannot create the directory", "--query", "q10",
            "--q10-dir", regular.resolve("q10").toString());
        // with several queries every query's file is checked, not only FILE itself
        assertUsageError("--results " + dir.resolve("out-q1.txt") + ": is a directory", "--query", "q0,q1",
            "--results", dir.resolve("out.txt").toString(), "--max-events", "10");
        assertFalse(Files.exists(dir.resolve("out-q0.txt")), "the check ran after q0");
        if (Files.isDirectory(Path.of("/proc/self"))) { // a directory where not even root can create a file
            assertUsageError("cannot create a file in /proc", "--results", "/proc/jdbsp-results.txt",
                "--max-events", "10");
            assertUsageError("cannot create a file in /proc", "--csv", "/proc/jdbsp-runs.csv", "--max-events", "10");
        }
    }

    @Test
    void q10DiscardRunsQ10WithoutFilesUnderItsOwnNameAndTheSameResult() throws IOException {
        Path logs = dir.resolve("logs");
        CliRun files = CliRun.run("--query", "q10", "--max-events", "5000", "--no-progress", "--results",
            dir.resolve("files.txt").toString(), "--q10-dir", logs.toString());
        assertEquals(0, files.exitCode(), files.err());
        CliRun discard = CliRun.run("--query", "q0,q10", "--q10-discard", "--max-events", "5000", "--no-progress",
            "--results", dir.resolve("discard.txt").toString());
        assertEquals(0, discard.exitCode(), discard.err());
        assertEquals(List.of("q0", "q10-discard"), tableRows(discard.outText()).stream().map(c -> c[0]).toList());
        assertEquals(Files.readAllLines(dir.resolve("files.txt")), Files.readAllLines(dir.resolve("discard-q10-discard.txt")));
        assertUsageError("--q10-dir and --q10-discard exclude each other", "--query", "q10", "--q10-discard",
            "--q10-dir", logs.toString());
    }

    @Test
    void runsEveryRegisteredQueryWithOneTableRowEachAndTwoCoresGiveTheSameResults() throws IOException {
        int events = 20_000;
        Path one = dir.resolve("one.txt");
        Path two = dir.resolve("two.txt");
        Path q10 = dir.resolve("q10");
        CliRun r1 = CliRun.run("--max-events", Integer.toString(events), "--results", one.toString(),
            "--no-progress", "--input-batch-size", "2500", "--num-event-generators", "2", "--q10-dir", q10.toString());
        assertEquals(0, r1.exitCode(), r1.err());
        List<String[]> rows = tableRows(r1.outText());
        assertEquals(NexmarkQueries.names(), rows.stream().map(c -> c[0]).toList(), r1.outText());
        for (String[] row : rows) {
            assertEquals("20,000", row[1], row[0]);
            assertEquals("1", row[2], row[0]);
        }
        assertTrue(r1.outText().contains("Cores = --cpu-cores"), r1.outText());
        assertTrue(r1.outText().contains("2 generator threads"), r1.outText());
        String[] q0 = rows.get(NexmarkQueries.names().indexOf("q0"));
        assertEquals(String.format("%,d", bids(referenceEvents(events, RngMode.PER_EVENT))), q0[11]);
        if (NexmarkQueries.names().contains("q10")) {
            try (Stream<Path> files = Files.walk(q10)) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".csv")), "q10 kept no log");
            }
        }

        CliRun r2 = CliRun.run("--max-events", Integer.toString(events), "--results", two.toString(),
            "--no-progress", "--cpu-cores", "2", "--input-batch-size", "2500", "--q10-dir",
            dir.resolve("q10-2").toString());
        assertEquals(0, r2.exitCode(), r2.err());
        List<String[]> rows2 = tableRows(r2.outText());
        assertEquals(NexmarkQueries.names(), rows2.stream().map(c -> c[0]).toList(), r2.outText());
        for (String[] row : rows2) {
            assertEquals("2", row[2], row[0]);
        }
        assertTrue(r2.outText().contains("plus Cores - 1 worker threads"), r2.outText());
        for (String q : NexmarkQueries.names()) {
            if (q.equals("q12")) {
                continue; // processing-time windows: the result depends on the wall clock, also on one core
            }
            assertEquals(Files.readAllLines(dir.resolve("one-" + q + ".txt")),
                Files.readAllLines(dir.resolve("two-" + q + ".txt")), q + " on 2 cores");
        }
    }

    @Test
    void withoutQ10DirQ10WritesIntoATemporaryDirectoryDeletedAfterTheRun() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(NexmarkQueries.names().contains("q10"), "q10 not registered");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = q10TemporaryDirectories(tmp);
        CliRun r = CliRun.run("--query", "q10", "--max-events", "2000", "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(before, q10TemporaryDirectories(tmp));
    }

    private static List<Path> q10TemporaryDirectories(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(f -> f.getFileName().toString().startsWith("jdbsp-nexmark-q10-")).sorted().toList();
        }
    }

    @Test
    void resultsFileHoldsOneSortedLinePerRowWithItsMultiplicity() throws IOException {
        int events = 5_000;
        Path file = dir.resolve("q0.txt");
        CliRun r = CliRun.run("--query", "q0", "--max-events", Integer.toString(events), "--rng", "reference",
            "--results", file.toString(), "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        List<String> expected = new ArrayList<>();
        for (Event e : referenceEvents(events, RngMode.REFERENCE)) {
            if (e instanceof Bid b) {
                expected.add(b.auction() + "|" + b.bidder() + "|" + b.price() + "|" + b.dateTime() + "|" + b.extra()
                    + "|1");
            }
        }
        expected.sort(null);
        assertTrue(expected.size() > 4_000, "expected q0 rows: " + expected.size());
        assertEquals(expected, Files.readAllLines(file, StandardCharsets.UTF_8));

        Path pregenerated = dir.resolve("pregenerated.txt");
        CliRun p = CliRun.run("--query", "q0", "--max-events", Integer.toString(events), "--rng", "reference",
            "--results", pregenerated.toString(), "--no-progress", "--pregenerate");
        assertEquals(0, p.exitCode(), p.err());
        assertEquals(Files.readAllLines(file), Files.readAllLines(pregenerated));
    }

    @Test
    void resultsOfSeveralQueriesGoToOneFilePerQueryNamedAfterIt() throws IOException {
        Path file = dir.resolve("out.txt");
        CliRun r = CliRun.run("--query", "q0,q0", "--max-events", "2000", "--results", file.toString(),
            "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(Files.exists(file));
        assertTrue(Files.size(dir.resolve("out-q0.txt")) > 0);
    }

    @Test
    void csvGetsOneRowPerQueryAppendedAndTheHeaderOnce() throws IOException {
        Path csv = dir.resolve("runs.csv");
        assertEquals(0, CliRun.run("--query", "q0", "--max-events", "3000", "--csv", csv.toString(),
            "--no-progress").exitCode());
        assertEquals(0, CliRun.run("--query", "q0,q0", "--max-events", "3000", "--csv", csv.toString(),
            "--no-progress", "--pregenerate").exitCode());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertEquals(String.join(",", CsvLog.COLUMNS), lines.get(0));
        for (int i = 1; i < 4; i++) {
            String[] f = lines.get(i).split(",", -1);
            assertEquals(CsvLog.COLUMNS.size(), f.length, lines.get(i));
            assertEquals("q0", f[1]);
            assertEquals("3000", f[2]);
            assertEquals(i == 1 ? "false" : "true", f[5]);
        }
        Path foreign = dir.resolve("foreign.csv");
        Files.writeString(foreign, "a,b\n1,2\n");
        assertUsageError("other columns", "--csv", foreign.toString(), "--max-events", "10");
    }

    /**
     * The table and the CSV end with the step latencies p50, p99 and max (measured per push and step, never
     * compared with a time here): present, positive, and in order.
     */
    @Test
    void tableAndCsvShowStepLatenciesP50P99AndMaxInOrder() throws IOException {
        Path csv = dir.resolve("steps.csv");
        CliRun r = CliRun.run("--query", "q4", "--max-events", "6000", "--input-batch-size", "100", "--csv",
            csv.toString(), "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        int p50 = ResultTable.HEADERS.indexOf("Step p50");
        assertEquals(List.of("Step p50", "Step p99", "Step max"), ResultTable.HEADERS.subList(p50, p50 + 3));
        String[] row = tableRows(r.outText()).get(0);
        double[] table = new double[3];
        for (int i = 0; i < 3; i++) {
            assertTrue(row[p50 + i].endsWith(" ms"), row[p50 + i]);
            table[i] = Double.parseDouble(row[p50 + i].replace(" ms", ""));
        }
        assertTrue(table[0] > 0 && table[0] <= table[1] && table[1] <= table[2], String.join(" | ", row));
        assertTrue(r.outText().contains("Step p50/p99/max = latency of one input batch's push and step"), r.outText());
        List<String> lines = Files.readAllLines(csv);
        int c50 = CsvLog.COLUMNS.indexOf("step_p50_s");
        assertEquals(List.of("step_p50_s", "step_p99_s", "step_max_s"), CsvLog.COLUMNS.subList(c50, c50 + 3));
        String[] f = lines.get(1).split(",", -1);
        double s50 = Double.parseDouble(f[c50]);
        double s99 = Double.parseDouble(f[c50 + 1]);
        double max = Double.parseDouble(f[c50 + 2]);
        assertTrue(s50 > 0 && s50 <= s99 && s99 <= max, lines.get(1));
    }

    @Test
    void withoutATerminalProgressIsPlainLines() {
        CliRun r = CliRun.run(new NexmarkBench.Environment(false, 1, new StopSignal()), "--query", "q0",
            "--max-events", "200000", "--input-batch-size", "1000");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("q0: done, 200,000 events in "), r.err());
        assertTrue(Pattern.compile("(?m)^q0: [0-9,]+ / 200,000 events \\([0-9.]+%\\), .* left$").matcher(r.err())
            .find(), r.err());
        assertFalse(r.err().contains("\r"), r.err());
        assertTrue(r.outText().startsWith("| Query "), r.outText());
    }

    @Test
    void onATerminalProgressIsABarRedrawnInPlace() {
        CliRun r = CliRun.run(new NexmarkBench.Environment(true, 1, new StopSignal()), "--query", "q0",
            "--max-events", "200000", "--input-batch-size", "1000");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Pattern.compile("\rq0 \\[[#.]{24}\\] +[0-9.]+% [0-9,]+/200,000 events").matcher(r.err()).find(),
            r.err());
        assertTrue(r.err().contains("q0: done, 200,000 events in "), r.err());
    }

    @Test
    void noProgressPrintsNothingOnStandardError() {
        CliRun r = CliRun.run(new NexmarkBench.Environment(false, 1, new StopSignal()), "--query", "q0",
            "--max-events", "50000", "--input-batch-size", "1000", "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
    }

    @Test
    void aStopPrintsTheRowsOfTheQueriesThatFinished() {
        StopSignal stop = new StopSignal();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
                super.println(line);
                if (line.startsWith("q0 (1/3): done")) {
                    stop.request(); // as Ctrl-C would, once the first query has finished
                }
            }
        };
        CliRun r = CliRun.run(new NexmarkBench.Environment(false, 5_000, stop), out, err, errStream, "--query",
            "q0,q0,q0", "--max-events", "5000");
        assertEquals(130, r.exitCode(), r.err());
        assertEquals(1, tableRows(r.outText()).size(), r.outText());
        assertTrue(r.err().contains("stopped: 1 of 3 queries finished"), r.err());
    }

    /** The cells of the table's data rows. */
    private static List<String[]> tableRows(String out) {
        List<String> lines = out.lines().filter(l -> l.startsWith("|")).toList();
        assertTrue(lines.size() >= 2, out);
        String[] header = cells(lines.get(0));
        assertEquals(ResultTable.HEADERS, List.of(header));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            assertEquals(lines.get(0).length(), line.length(), "aligned: " + line);
            rows.add(cells(line));
        }
        return rows;
    }

    private static String[] cells(String line) {
        String[] raw = line.substring(1, line.length() - 1).split("\\|", -1);
        String[] cells = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            cells[i] = raw[i].trim();
        }
        return cells;
    }

    private static List<Event> referenceEvents(int n, RngMode mode) {
        List<Event> events = new ArrayList<>();
        try (NexmarkGenerator g = NexmarkGenerator.create(GeneratorConfig.builder().rngMode(mode).maxEvents(n)
            .build())) {
            while (g.hasNext()) {
                events.add(g.next());
            }
        }
        return events;
    }

    private static long bids(List<Event> events) {
        return events.stream().filter(e -> e instanceof Bid).count();
    }
}
