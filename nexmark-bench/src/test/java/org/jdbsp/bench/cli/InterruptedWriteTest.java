package org.jdbsp.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line in a child JVM (the test classpath, which holds the main classes and every dependency), killed
 * while it writes a large results file: q0's rows carry bids of about 100 KB, so the file grows for a while.
 */
class InterruptedWriteTest {
    private static final long EXIT_WAIT_S = 60;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void sigtermDuringAResultsWriteLeavesNoPartialFileRemovesTheTemporaryOneAndSaysSo() throws Exception {
        Path results = resultsFile();
        Process p = start(results);
        // bytes are being written (the check of the output location before the run makes an empty file and removes it)
        awaitFile(p, results.getParent(), f -> f.toFile().length() > 0);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(EXIT_WAIT_S, TimeUnit.SECONDS), "no exit within " + EXIT_WAIT_S + " s of SIGTERM");
        String err = Files.readString(dir.resolve("err.txt"));
        assertNotCutMidLine(results);
        assertEquals(Files.exists(results) ? List.of(results) : List.of(), files(results.getParent()),
            "a temporary file was left behind; " + err);
        assertTrue(err.contains("q0: stopped while writing its results: " + results + " not written")
            && err.contains("was removed"), err);
        assertTrue(Files.readString(dir.resolve("out.txt")).contains("| q0 "), "the table of what finished");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aKillDuringAResultsWriteNeverLeavesACutFileUnderTheFinalName() throws Exception {
        Path results = resultsFile();
        Process p = start(results);
        awaitFile(p, results.getParent(), f -> f.toFile().length() > 0); // bytes are being written
        p.destroyForcibly(); // SIGKILL: no hook runs
        assertTrue(p.waitFor(EXIT_WAIT_S, TimeUnit.SECONDS), "no exit within " + EXIT_WAIT_S + " s of SIGKILL");
        assertNotCutMidLine(results);
    }

    private Path resultsFile() throws IOException {
        return Files.createDirectories(dir.resolve("results")).resolve("q0.txt");
    }

    private Process start(Path results) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
            NexmarkBench.class.getName(), "--query", "q0", "--max-events", "2000", "--avg-bid-byte-size", "100000",
            "--input-batch-size", "500", "--no-progress", "--results", results.toString()));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile()).start();
    }

    /** Waits until a file in {@code in} passes {@code test}; fails if the process ends first. */
    private void awaitFile(Process p, Path in, Predicate<Path> test) throws Exception {
        while (files(in).stream().noneMatch(test)) {
            if (!p.isAlive()) {
                fail("the run ended (exit " + p.exitValue() + ") before it wrote: "
                    + Files.readString(dir.resolve("err.txt")));
            }
            Thread.sleep(2);
        }
    }

    /** A results file under its final name, if there is one, ends with a whole line. */
    private static void assertNotCutMidLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        long size = Files.size(file);
        assertTrue(size > 0, file + " is empty");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            f.seek(size - 1);
            assertEquals('\n', f.read(), file + " (" + size + " bytes) is cut mid-line");
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            assertFalse(lines.anyMatch(l -> !l.matches(".*\\|1")), file + " has a line without its multiplicity");
        }
    }

    private static List<Path> files(Path in) throws IOException {
        try (Stream<Path> s = Files.list(in)) {
            return s.sorted().toList();
        }
    }
}
