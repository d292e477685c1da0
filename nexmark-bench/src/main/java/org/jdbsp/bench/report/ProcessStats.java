package org.jdbsp.bench.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What Linux says about this process: CPU time in user and system mode of all its threads
 * ({@code /proc/self/stat}), its peak resident set size ({@code VmHWM} in {@code /proc/self/status}) and the reset of
 * that peak ({@code 5} written to {@code /proc/self/clear_refs}).
 *
 * <p>{@code /proc/self/stat} counts in clock ticks. The tick rate is read from the kernel's auxiliary vector
 * ({@code AT_CLKTCK} in {@code /proc/self/auxv}, what {@code sysconf(_SC_CLK_TCK)} returns); if that cannot be read it
 * is assumed to be 100 per second (Linux's {@code USER_HZ} on every common architecture) and
 * {@link #tickRateMeasured()} says so. On a system without {@code /proc} every reading is unavailable (-1).
 */
public final class ProcessStats {
    /** The tick rate assumed when the auxiliary vector cannot be read. */
    public static final long ASSUMED_TICKS_PER_SECOND = 100;

    private static final long AT_CLKTCK = 17;

    private final Path proc;
    private final long ticksPerSecond;
    private final boolean tickRateMeasured;

    private ProcessStats(Path proc) {
        this.proc = proc;
        long ticks = readTickRate(proc.resolve("auxv"));
        this.tickRateMeasured = ticks > 0;
        this.ticksPerSecond = ticks > 0 ? ticks : ASSUMED_TICKS_PER_SECOND;
    }

    /** The statistics of this process ({@code /proc/self}). */
    public static ProcessStats self() {
        return new ProcessStats(Path.of("/proc/self"));
    }

    /** Clock ticks per second of the CPU times. */
    public long ticksPerSecond() {
        return ticksPerSecond;
    }

    /** Whether {@link #ticksPerSecond()} was read from the kernel rather than assumed. */
    public boolean tickRateMeasured() {
        return tickRateMeasured;
    }

    /** The CPU time of the process so far, or {@link CpuTime#UNAVAILABLE}. */
    public CpuTime cpuTime() {
        String stat;
        try {
            stat = Files.readString(proc.resolve("stat"), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return CpuTime.UNAVAILABLE;
        }
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        int close = stat.lastIndexOf(')');
        String[] f = stat.substring(close + 1).trim().split(" +");
        if (close < 0 || f.length < 13) {
            return CpuTime.UNAVAILABLE;
        }
        try {
            long utime = Long.parseLong(f[11]); // field 14
            long stime = Long.parseLong(f[12]); // field 15
            return new CpuTime(toNanos(utime), toNanos(stime));
        } catch (NumberFormatException e) {
            return CpuTime.UNAVAILABLE;
        }
    }

    /** The peak resident set size since the process started or since the last reset, in bytes; -1 if unknown. */
    public long peakRssBytes() {
        List<String> lines;
        try {
            lines = Files.readAllLines(proc.resolve("status"), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        for (String line : lines) {
            if (line.startsWith("VmHWM:")) {
                String[] f = line.substring(6).trim().split(" +");
                try {
                    return Long.parseLong(f[0]) * 1024; // "kB"
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /**
     * Resets the peak resident set size to the current one (Linux 4.0 and later).
     *
     * @return whether the kernel accepted the reset
     */
    public boolean resetPeakRss() {
        try {
            Files.writeString(proc.resolve("clear_refs"), "5", StandardCharsets.US_ASCII);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private long toNanos(long ticks) {
        return ticks * (1_000_000_000L / ticksPerSecond) + ticks * (1_000_000_000L % ticksPerSecond) / ticksPerSecond;
    }

    /** {@code AT_CLKTCK} from an auxiliary vector of 64-bit native-order (type, value) pairs; -1 if absent. */
    static long readTickRate(Path auxv) {
        if (!"64".equals(System.getProperty("sun.arch.data.model"))) {
            return -1;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(auxv);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        while (b.remaining() >= 16) {
            long type = b.getLong();
            long value = b.getLong();
            if (type == 0) {
                break; // AT_NULL ends the vector
            }
            if (type == AT_CLKTCK) {
                return value > 0 && value <= 1_000_000_000L ? value : -1;
            }
        }
        return -1;
    }

    /**
     * CPU time in user and in system mode, in nanoseconds (at the tick rate's resolution).
     *
     * @param userNanos   time in user mode, or -1 if unknown
     * @param systemNanos time in system mode, or -1 if unknown
     */
    public record CpuTime(long userNanos, long systemNanos) {
        /** No reading. */
        public static final CpuTime UNAVAILABLE = new CpuTime(-1, -1);

        /** Whether this is a real reading. */
        public boolean available() {
            return userNanos >= 0 && systemNanos >= 0;
        }

        /** The time spent from {@code start} to this reading, or {@link #UNAVAILABLE} if either is unknown. */
        public CpuTime since(CpuTime start) {
            if (!available() || !start.available()) {
                return UNAVAILABLE;
            }
            return new CpuTime(userNanos - start.userNanos, systemNanos - start.systemNanos);
        }
    }
}
