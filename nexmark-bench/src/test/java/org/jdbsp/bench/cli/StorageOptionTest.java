package org.jdbsp.bench.cli;

import static org.jdbsp.bench.cli.CliRun.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jdbsp.bench.report.CsvLog;
import org.jdbsp.bench.report.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --storage}: the queries that keep the most state give the same results with every batch in a file as on
 * the heap, on one and two workers; the table and the CSV show the bytes written and left on disk and the heap
 * after collections; the storage directory is left empty; a bad directory or size is one line and exit code 2.
 */
@Timeout(300)
class StorageOptionTest {
    private static final String QUERIES = "q4,q9,q18,q19,q20";
    private static final List<String> NAMES = List.of(QUERIES.split(","));

    @TempDir
    Path dir;

    @Test
    void resultsWithStorageAreTheHeapResultsAndTheColumnsArePlausible() throws IOException {
        Path storage = Files.createDirectory(dir.resolve("storage"));
        for (int cores = 1; cores <= 2; cores++) {
            Path heapCsv = dir.resolve("heap-" + cores + ".csv");
            CliRun heap = run(cores, "heap", heapCsv);
            assertEquals(0, heap.exitCode(), heap.err());
            Path storedCsv = dir.resolve("stored-" + cores + ".csv");
            CliRun stored = run(cores, "stored", storedCsv, "--storage", storage.toString(),
                "--storage-threshold", "0");
            assertEquals(0, stored.exitCode(), stored.err());
            for (String q : NAMES) {
                List<String> expected = Files.readAllLines(dir.resolve("heap-" + cores + "-" + q + ".txt"));
                assertTrue(expected.size() > 1, q + " has a result");
                assertEquals(expected, Files.readAllLines(dir.resolve("stored-" + cores + "-" + q + ".txt")),
                    q + " with storage on " + cores + " core(s)");
            }
            try (Stream<Path> left = Files.list(storage)) {
                assertEquals(List.of(), left.toList(), "every query's run directory is deleted");
            }
            assertTrue(stored.outText().contains("Storage written / at end"), stored.outText());
            for (String[] row : tableRows(heap.outText())) {
                assertEquals(List.of("n/a", "n/a"), List.of(row[13], row[14]), "no storage: " + row[0]);
            }
            for (String[] row : tableRows(stored.outText())) {
                assertTrue(row[13].endsWith("B") && !row[13].equals("0 B"), "written: " + String.join("|", row));
            }
            for (String[] f : csvRows(heapCsv)) {
                assertEquals(List.of("", ""), List.of(f[17], f[18]), "no storage: " + f[1]);
                assertHeapAfterGcPlausible(f);
            }
            for (String[] f : csvRows(storedCsv)) {
                long written = Long.parseLong(f[17]);
                long atEnd = Long.parseLong(f[18]);
                assertTrue(written > 0, f[1] + " wrote its state: " + written);
                // at the end: the files of the final state (at most all that was written) and a small lock file
                assertTrue(atEnd > 0 && atEnd <= written + 4096, f[1] + ": " + atEnd + " on disk of " + written);
                assertHeapAfterGcPlausible(f);
            }
        }
    }

    private static void assertHeapAfterGcPlausible(String[] f) {
        long afterGc = Long.parseLong(f[16]);
        assertTrue(afterGc > 0 && afterGc <= Runtime.getRuntime().maxMemory(), f[1] + " heap after GC " + afterGc);
    }

    private CliRun run(int cores, String name, Path csv, String... more) {
        List<String> args = new ArrayList<>(List.of("--query", QUERIES, "--max-events", "30000", "--input-batch-size",
            "2000", "--cpu-cores", Integer.toString(cores), "--no-progress", "--results",
            dir.resolve(name + "-" + cores + ".txt").toString(), "--csv", csv.toString()));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(new String[0]));
    }

    private static List<String[]> csvRows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertEquals(String.join(",", CsvLog.COLUMNS), lines.get(0));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals(CsvLog.COLUMNS.size(), f.length, line);
            assertEquals("heap_after_gc_bytes", CsvLog.COLUMNS.get(16));
            assertEquals("storage_written_bytes", CsvLog.COLUMNS.get(17));
            rows.add(f);
        }
        assertEquals(NAMES, rows.stream().map(f -> f[1]).toList());
        return rows;
    }

    private static List<String[]> tableRows(String out) {
        List<String> lines = out.lines().filter(l -> l.startsWith("|")).toList();
        assertEquals(ResultTable.HEADERS, cells(lines.get(0)));
        assertEquals("Storage written", ResultTable.HEADERS.get(13));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            rows.add(cells(line).toArray(new String[0]));
        }
        assertEquals(NAMES, rows.stream().map(c -> c[0]).toList());
        return rows;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String c : line.substring(1, line.length() - 1).split("\\|")) {
            cells.add(c.trim());
        }
        return cells;
    }

    @Test
    void aBadStorageDirectoryOrSizeIsOneLineAndExitCode2() throws IOException {
        Path regular = Files.writeString(dir.resolve("regular"), "x");
        assertUsageError("--storage " + dir.resolve("missing") + " does not exist", "--storage",
            dir.resolve("missing").toString(), "--max-events", "10");
        assertUsageError("--storage " + regular + " is not a directory", "--storage", regular.toString(),
            "--max-events", "10");
        assertUsageError("--storage '' is invalid", "--storage", "", "--max-events", "10");
        assertUsageError("--storage-threshold = -1 is invalid", "--storage", dir.toString(), "--storage-threshold",
            "-1", "--max-events", "10");
        assertUsageError("--worker-memory-budget = -2 is invalid", "--storage", dir.toString(),
            "--worker-memory-budget", "-2", "--max-events", "10");
        assertUsageError("--merge-threads = -1 is invalid", "--storage", dir.toString(), "--merge-threads", "-1",
            "--max-events", "10");
        assertUsageError("--storage-threshold needs --storage DIR", "--storage-threshold", "0", "--max-events", "10");
        assertUsageError("--merge-threads needs --storage DIR", "--merge-threads", "2", "--max-events", "10");
        if (Files.isDirectory(Path.of("/proc/self"))) {
            assertUsageError("--storage /proc/self is not writable", "--storage", "/proc/self", "--max-events", "10");
        }
    }
}
