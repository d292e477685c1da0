package org.jdbsp.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jdbsp.bench.run.StopSignal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    private static final long MAX_LINES = 100_000_000;

    @TempDir
    Path dir;

    @Test
    void writeReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("out.txt");
        Files.writeString(file, "old\n");
        AtomicFile.write(file, tmp -> Files.writeString(tmp, "new\n"));
        assertEquals("new\n", Files.readString(file));
        assertEquals(List.of(file), files());
    }

    @Test
    void aFailingWriteLeavesTheOldFileAndRemovesTheTemporaryOne() throws IOException {
        Path file = dir.resolve("out.txt");
        Files.writeString(file, "old\n");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(file, tmp -> {
            Files.writeString(tmp, "half a li");
            throw new IOException("disk full");
        }));
        assertTrue(e.getMessage().contains(file + " not written"), e.getMessage());
        assertTrue(e.getMessage().contains("temporary file") && e.getMessage().contains("was removed"),
            e.getMessage());
        assertTrue(e.getMessage().endsWith("disk full"), e.getMessage());
        assertEquals("old\n", Files.readString(file));
        assertEquals(List.of(file), files());

        assertThrows(IllegalStateException.class, () -> AtomicFile.write(dir.resolve("new.txt"), tmp -> {
            Files.writeString(tmp, "x");
            throw new IllegalStateException("bug");
        }));
        assertEquals(List.of(file), files());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aStopInterruptsAWriteUnderWayWhichThenLeavesNothingBehind() throws Exception {
        Path file = dir.resolve("big.txt");
        StopSignal stop = new StopSignal();
        CountDownLatch writing = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            try {
                writing.await();
            } catch (InterruptedException e) {
                return;
            }
            stop.request();
        });
        stopper.start();
        IOException e = assertThrows(IOException.class, () -> stop.runInterruptibly(() ->
            AtomicFile.write(file, tmp -> {
                try (Writer out = AtomicFile.interruptibleWriter(tmp)) {
                    for (long i = 0; i < MAX_LINES; i++) { // until interrupted (about 1 GB at most)
                        out.write("0123456789\n");
                        if (i == 1000) {
                            writing.countDown();
                        }
                    }
                }
                fail("not interrupted");
            })));
        stopper.join();
        assertTrue(e.getCause() instanceof ClosedByInterruptException, String.valueOf(e.getCause()));
        assertTrue(e.getMessage().contains("was removed"), e.getMessage());
        assertEquals(List.of(), files());
        assertTrue(!Thread.currentThread().isInterrupted(), "the stop's interrupt must be cleared");
        assertThrows(ClosedByInterruptException.class, () -> stop.runInterruptibly(() -> {
            throw new AssertionError("must not run after a stop");
        }));
    }

    @Test
    void problemNamesWhatKeepsAFileFromBeingWritten() throws IOException {
        Path regular = Files.writeString(dir.resolve("regular"), "x");
        assertTrue(AtomicFile.problem(dir.resolve("missing").resolve("f")).contains("does not exist"));
        assertTrue(AtomicFile.problem(regular.resolve("f")).contains("is not a directory"));
        assertEquals("is a directory", AtomicFile.problem(dir));
        if (Files.isDirectory(Path.of("/proc/self"))) {
            String p = AtomicFile.problem(Path.of("/proc/results.txt")); // no file can be created there, even by root
            assertNotNull(p);
            assertTrue(p.startsWith("cannot create a file in /proc: "), p);
        }
        assertNull(AtomicFile.problem(dir.resolve("fine.txt")));
        assertEquals(List.of(regular), files()); // the check leaves no file behind
    }

    @Test
    void aCsvAppendReplacesTheFileInOneStepInsteadOfWritingIntoIt() throws IOException {
        Path csv = dir.resolve("runs.csv");
        CsvLog log = new CsvLog(csv);
        QueryMeasurement m = new QueryMeasurement("q0", 10, 1, 1_000_000, new ProcessStats.CpuTime(1, 2), 3, 4, 5,
            6, new MemoryFigures(7, 8, 9), StepLatencies.Summary.NONE);
        log.append(m, 1, false, 10);
        Object first = Files.readAttributes(csv, BasicFileAttributes.class).fileKey();
        log.append(m, 1, false, 10);
        Object second = Files.readAttributes(csv, BasicFileAttributes.class).fileKey();
        if (first != null) {
            assertNotEquals(first, second, "the CSV was appended to in place, so a kill could cut it");
        }
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size());
        assertEquals(String.join(",", CsvLog.COLUMNS), lines.get(0));
        assertEquals(lines.get(1).split(",").length, lines.get(2).split(",").length);
        assertEquals(List.of(csv), files());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void describeNamesNoExceptionClass() {
        assertEquals("interrupted", AtomicFile.describe(new ClosedByInterruptException()));
        assertEquals("/x: permission denied", AtomicFile.describe(new java.nio.file.AccessDeniedException("/x")));
        assertEquals("I/O error", AtomicFile.describe(new IOException()));
    }
}
