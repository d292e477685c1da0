package org.jdbsp.bench.cli;

import static org.jdbsp.bench.cli.CliRun.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jdbsp.bench.report.CheckpointFigures;
import org.jdbsp.bench.report.CsvLog;
import org.jdbsp.bench.run.StopSignal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --checkpoint-dir}, {@code --checkpoint-interval-*} and {@code --resume} in-process: a run stopped after a
 * checkpoint and resumed writes the same results file as a run never stopped; a resume whose options differ from
 * the checkpoint's, or with nothing to resume, is refused with one line; a checkpoint that cannot be written fails
 * the query with one line; the table and the CSV count the checkpoints.
 */
class CheckpointResumeTest {
    private static final String EVENTS = "12000";
    private static final String BATCH = "1000";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} on {1} worker(s), first run [{2}], resumed run on {4} worker(s) [{3}]")
    @CsvSource(delimiter = ';', value = {
        "q3;  1; ;                              ;                                1",
        "q4;  2; ;                              ;                                2",
        "q5;  1; --num-event-generators 2;      --num-event-generators 3;        1",
        "q5;  2; --rng reference;               --rng reference;                 2",
        "q20; 2; ;                              --pregenerate;                   2",
        "q4;  2; ;                              ;                                1",
        "q9;  1; ;                              ;                                2",
        "q20; 2; --storage @storage --storage-threshold 0; --storage @storage --storage-threshold 0; 2",
    })
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aRunStoppedAfterACheckpointAndResumedWritesTheResultsOfAnUninterruptedRun(String query, int workers,
            String firstExtra, String resumeExtra, int resumeWorkers) throws Exception {
        List<String> common = new ArrayList<>(List.of("--query", query, "--cpu-cores", Integer.toString(workers)));
        Path expected = dir.resolve("expected.txt");
        Path resumed = dir.resolve("resumed.txt");
        Path ck = dir.resolve("ck");
        List<String> reference = new ArrayList<>(common);
        reference.addAll(words(firstExtra));
        CliRun full = run(reference, "--results", expected.toString());
        assertEquals(0, full.exitCode(), full.err());

        List<String> first = new ArrayList<>(common);
        first.addAll(words(firstExtra));
        StopSignal stop = new StopSignal();
        Thread watcher = stopAtFirstCheckpoint(ck.resolve(query).resolve("checkpoints"), stop);
        CliRun stopped;
        try {
            stopped = CliRun.run(new NexmarkBench.Environment(false, 60_000, stop),
                args(first, "--checkpoint-dir", ck.toString(), "--checkpoint-interval-steps", "2",
                    "--results", resumed.toString()));
        } finally {
            watcher.interrupt();
            watcher.join();
        }
        assertEquals(130, stopped.exitCode(), "the run was to be stopped after its first checkpoint: "
            + stopped.err());
        assertFalse(Files.exists(resumed), "a stopped run writes no results");

        List<String> again = new ArrayList<>(List.of("--query", query, "--cpu-cores", Integer.toString(resumeWorkers)));
        again.addAll(words(resumeExtra));
        CliRun r = run(again, "--checkpoint-dir", ck.toString(), "--checkpoint-interval-steps", "2", "--resume",
            "--results", resumed.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains(query + ": resuming from checkpoint "), r.err());
        assertEquals(-1, Files.mismatch(expected, resumed), "the resumed run's results differ from " + expected);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void q10ResumedAfterAStopContinuesItsLogsInTheCheckpointDirectoryWithoutLosingOrRepeatingARow()
            throws Exception {
        Path expectedLogs = dir.resolve("expected-logs");
        CliRun full = run(List.of("--query", "q10", "--q10-dir", expectedLogs.toString()));
        assertEquals(0, full.exitCode(), full.err());
        Path ck = dir.resolve("ck");
        Path checkpoints = ck.resolve("q10").resolve("checkpoints");
        Path logs = ck.resolve("q10").resolve("logs");
        StopSignal stop = new StopSignal();
        // stop once the logs have grown after the first checkpoint: the resumed run repeats the steps that wrote them
        long[] atCheckpoint = {-1};
        Thread watcher = stopWhen(() -> {
            if (atCheckpoint[0] < 0 && hasManifest(checkpoints)) {
                atCheckpoint[0] = bytesUnder(logs);
            }
            return atCheckpoint[0] >= 0 && bytesUnder(logs) > atCheckpoint[0];
        }, stop);
        CliRun stopped;
        try {
            stopped = CliRun.run(new NexmarkBench.Environment(false, 60_000, stop), args(List.of("--query", "q10",
                "--checkpoint-dir", ck.toString(), "--checkpoint-interval-steps", "4")));
        } finally {
            watcher.interrupt();
            watcher.join();
        }
        assertEquals(130, stopped.exitCode(), stopped.err());
        CliRun r = run(List.of("--query", "q10", "--checkpoint-dir", ck.toString(), "--checkpoint-interval-steps",
            "4", "--resume"));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(logLines(expectedLogs), logLines(ck.resolve("q10").resolve("logs")));
    }

    /** Per partition directory of q10's logs, the lines of all its files, sorted. */
    private static Map<Path, List<String>> logLines(Path logs) throws IOException {
        Map<Path, List<String>> lines = new TreeMap<>();
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                lines.computeIfAbsent(logs.relativize(f.getParent()), k -> new ArrayList<>())
                    .addAll(Files.readAllLines(f));
            }
        }
        lines.values().forEach(java.util.Collections::sort);
        assertFalse(lines.isEmpty(), "no q10 log under " + logs);
        return lines;
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aResumeWithOtherOptionsThanTheCheckpointsOrNothingToResumeIsRefusedWithOneLine() {
        String ck = dir.resolve("ck").toString();
        CliRun first = CliRun.run("--query", "q2", "--max-events", "4000", "--input-batch-size", BATCH,
            "--no-progress", "--checkpoint-dir", ck, "--checkpoint-interval-steps", "1");
        assertEquals(0, first.exitCode(), first.err());
        String[] resume = {"--query", "q2", "--max-events", "4000", "--input-batch-size", BATCH, "--no-progress",
            "--checkpoint-dir", ck, "--resume"};
        assertUsageError("--input-batch-size was 1000 in the checkpoint, is 500 now",
            with(resume, "--input-batch-size", "500"));
        assertUsageError("--max-events was 4000 in the checkpoint, is 5000 now", with(resume, "--max-events", "5000"));
        assertUsageError("the generator's seeds was 1:2:3 in the checkpoint, is 1:2:9 now",
            with(resume, "--seed-events", "9"));
        assertUsageError("the generator's rng was PER_EVENT in the checkpoint, is REFERENCE now",
            with(resume, "--rng", "reference"));
        assertUsageError("--resume: no checkpoint to resume in " + Path.of(ck, "q3"), with(resume, "--query", "q3"));
        assertUsageError("--resume: no checkpoint to resume in " + dir.resolve("none"),
            "--query", "q2,q3", "--checkpoint-dir", dir.resolve("none").toString(), "--resume");
        assertUsageError(Path.of(ck, "q2") + " holds checkpoints of an earlier run of q2; give --resume",
            "--query", "q2", "--max-events", "4000", "--checkpoint-dir", ck, "--checkpoint-interval-steps", "1");
        assertUsageError("--checkpoint-interval-steps needs --checkpoint-dir DIR", "--checkpoint-interval-steps", "2");
        assertUsageError("--checkpoint-interval-seconds needs --checkpoint-dir DIR",
            "--checkpoint-interval-seconds", "10");
        assertUsageError("--resume needs --checkpoint-dir DIR", "--resume");
        assertUsageError("--checkpoint-dir " + ck + " needs --checkpoint-interval-steps N or"
            + " --checkpoint-interval-seconds S", "--checkpoint-dir", ck);
        assertUsageError("--checkpoint-interval-steps = 0 is invalid: must be >= 1",
            "--checkpoint-dir", ck, "--checkpoint-interval-steps", "0");
        assertUsageError("--checkpoint-interval-seconds = -1.0 is invalid: must be > 0",
            "--checkpoint-dir", ck, "--checkpoint-interval-seconds", "-1");
        assertUsageError("--checkpoint-dir '' is invalid", "--checkpoint-dir", "", "--resume");

        // several queries: one resumes, the one without a checkpoint starts from the beginning
        CliRun both = CliRun.run(with(resume, "--query", "q2,q3"));
        assertEquals(0, both.exitCode(), both.err());
        assertTrue(both.err().contains("q2: resuming from checkpoint "), both.err());
        assertFalse(both.err().contains("q3: resuming"), both.err());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aCheckpointThatCannotBeWrittenFailsTheQueryWithOneLine() throws IOException {
        Path ck = dir.resolve("ck");
        // a file where the worker's checkpoint directory goes
        Files.createDirectories(ck.resolve("q1").resolve("checkpoints"));
        Files.writeString(ck.resolve("q1").resolve("checkpoints").resolve("worker-0"), "in the way");
        CliRun r = CliRun.run("--query", "q1,q2", "--max-events", "4000", "--input-batch-size", BATCH,
            "--no-progress", "--checkpoint-dir", ck.toString(), "--checkpoint-interval-steps", "1");
        assertEquals(1, r.exitCode(), r.err());
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("q1 failed: cannot checkpoint: ") && lines.get(0).contains("worker-0"),
            r.err());
        assertTrue(r.outText().contains("| q2 "), "the other query still ran: " + r.outText());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aQueryWhoseStateCannotBeCheckpointedYetFailsWithOneLineOrElseCheckpoints() {
        CliRun r = CliRun.run("--query", "q17", "--max-events", "4000", "--input-batch-size", BATCH,
            "--no-progress", "--checkpoint-dir", dir.resolve("ck").toString(), "--checkpoint-interval-steps", "1");
        if (r.exitCode() == 0) {
            return; // q17's state can be checkpointed
        }
        assertEquals(1, r.exitCode(), r.err());
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("q17 failed: cannot checkpoint: "), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theTableAndTheCsvCountTheCheckpointsTheirTimeAndBytes() throws IOException {
        Path csv = dir.resolve("runs.csv");
        CliRun plain = CliRun.run("--query", "q2", "--max-events", "4000", "--input-batch-size", BATCH,
            "--no-progress", "--csv", csv.toString());
        assertEquals(0, plain.exitCode(), plain.err());
        assertFalse(plain.outText().contains("Checkpoint"), plain.outText());
        CliRun r = CliRun.run("--query", "q2", "--max-events", "4000", "--input-batch-size", BATCH,
            "--no-progress", "--csv", csv.toString(), "--checkpoint-dir", dir.resolve("ck").toString(),
            "--checkpoint-interval-steps", "2");
        assertEquals(0, r.exitCode(), r.err());
        String header = r.outText().lines().findFirst().orElseThrow();
        assertTrue(header.contains("| Checkpoints | Checkpoint time | Checkpoint bytes |"), header);
        String row = r.outText().lines().filter(l -> l.startsWith("| q2 ")).findFirst().orElseThrow();
        String[] cells = row.split("\\s*\\|\\s*");
        assertEquals("2", cells[cells.length - 3], row); // 4 steps, one checkpoint every 2

        List<String> lines = Files.readAllLines(csv);
        assertEquals(String.join(",", CsvLog.COLUMNS), lines.get(0));
        int at = CsvLog.COLUMNS.indexOf(CheckpointFigures.COLUMNS.get(0));
        String[] none = lines.get(1).split(",", -1);
        String[] two = lines.get(2).split(",", -1);
        assertEquals(List.of("", "", ""), Arrays.asList(none).subList(at, at + 3), lines.get(1));
        assertEquals("2", two[at], lines.get(2));
        assertTrue(Double.parseDouble(two[at + 1]) > 0, lines.get(2));
        assertTrue(Long.parseLong(two[at + 2]) > 0, lines.get(2));
    }

    private static CliRun run(List<String> options, String... more) {
        return CliRun.run(args(options, more));
    }

    private static String[] args(List<String> options, String... more) {
        List<String> all = new ArrayList<>(List.of("--max-events", EVENTS, "--input-batch-size", BATCH, "--no-progress"));
        all.addAll(options);
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    /** {@code args} with {@code option} set to {@code value}: replaced where given, else added. */
    private static String[] with(String[] args, String option, String value) {
        List<String> all = new ArrayList<>(List.of(args));
        int at = all.indexOf(option);
        if (at >= 0) {
            all.set(at + 1, value);
        } else {
            all.add(option);
            all.add(value);
        }
        return all.toArray(new String[0]);
    }

    /** The words of {@code s}; {@code @storage} stands for a storage directory in the test's directory. */
    private List<String> words(String s) throws java.io.IOException {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        List<String> w = new ArrayList<>(List.of(s.trim().split("\\s+")));
        if (w.contains("@storage")) {
            Path storage = Files.createDirectories(dir.resolve("storage"));
            w.replaceAll(x -> x.equals("@storage") ? storage.toString() : x);
        }
        return w;
    }

    /** A thread that requests {@code stop} as soon as a checkpoint manifest appears in {@code checkpoints}. */
    private static Thread stopAtFirstCheckpoint(Path checkpoints, StopSignal stop) {
        return stopWhen(() -> hasManifest(checkpoints), stop);
    }

    /** A thread that requests {@code stop} as soon as {@code condition} holds. */
    private static Thread stopWhen(Condition condition, StopSignal stop) {
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        if (condition.holds()) {
                            stop.request();
                            return;
                        }
                    } catch (IOException | UncheckedIOException e) {
                        // files are being written: look again
                    }
                    Thread.sleep(1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-when");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private interface Condition {
        boolean holds() throws IOException;
    }

    private static boolean hasManifest(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return false;
        }
        try (Stream<Path> files = Files.list(checkpoints)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".manifest"));
        }
    }

    /** The bytes of the files under {@code dir} (0 if there is none). */
    private static long bytesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long bytes = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                bytes += Files.size(f);
            }
        }
        return bytes;
    }
}
