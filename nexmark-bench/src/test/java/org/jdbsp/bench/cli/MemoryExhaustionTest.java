package org.jdbsp.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose state outgrows the heap fails fast with one line, not a stack trace or a thrashing JVM: q18 keeps
 * every bid, so 40,000,000 events cannot fit in 512 MiB; the memory guard fails the step and the command exits 1.
 */
class MemoryExhaustionTest {
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void q18OverflowingASmallHeapExitsWithinTwoMinutesSayingSoInOneLine(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                NexmarkBench.class.getName(), "--query", "q18", "--max-events", "40000000", "--cpu-cores", "2",
                "--no-progress"))
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        String err = Files.readString(dir.resolve("err.txt"));
        assertTrue(ended, "still running after 2 minutes: " + err);
        assertEquals(1, p.exitValue(), err);
        List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "one line, no stack trace: " + err);
        assertTrue(lines.get(0).startsWith("q18 failed: ") && (lines.get(0).contains("memory is exhausted")
                || lines.get(0).contains("ran out of heap")), err);
        assertFalse(err.contains("\tat "), err);
    }
}
