package org.jdbsp.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessStatsTest {
    @TempDir
    Path dir;

    @Test
    void theTickRateIsReadFromTheAuxiliaryVector() throws IOException {
        Path auxv = dir.resolve("auxv");
        Files.write(auxv, auxv(6, 4096, 17, 250, 0, 0));
        assertEquals(250, ProcessStats.readTickRate(auxv));
        Files.write(auxv, auxv(6, 4096, 0, 0, 17, 250)); // after AT_NULL: not part of the vector
        assertEquals(-1, ProcessStats.readTickRate(auxv));
        assertEquals(-1, ProcessStats.readTickRate(dir.resolve("missing")));
    }

    @Test
    void cpuTimeGrowsWithWorkAndRssHasAPeak() {
        ProcessStats os = ProcessStats.self();
        ProcessStats.CpuTime start = os.cpuTime();
        assumeTrue(start.available(), "no /proc/self/stat");
        assertTrue(os.tickRateMeasured(), "AT_CLKTCK should be readable on Linux");
        long sink = 0;
        long until = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < until) {
            sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
        }
        ProcessStats.CpuTime spent = os.cpuTime().since(start);
        assertTrue(spent.userNanos() + spent.systemNanos() > 0, "no CPU time for 300 ms of spinning " + sink);
        long peak = os.peakRssBytes();
        assertTrue(peak > 1 << 20, "peak RSS " + peak);
        if (os.resetPeakRss()) { // the reset itself cannot be checked here: the JVM keeps its pages resident
            assertTrue(os.peakRssBytes() > 1 << 20, "peak RSS after a reset " + os.peakRssBytes());
        }
    }

    private static byte[] auxv(long... words) {
        ByteBuffer b = ByteBuffer.allocate(words.length * 8).order(ByteOrder.nativeOrder());
        for (long w : words) {
            b.putLong(w);
        }
        return b.array();
    }
}
