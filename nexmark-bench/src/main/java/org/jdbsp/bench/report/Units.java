package org.jdbsp.bench.report;

import java.util.Locale;

/** Formats counts, durations, rates and sizes for people. */
public final class Units {
    private Units() {}

    /** {@code 12,345,678}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 12.345 s}, or {@code n/a} for a negative duration. */
    public static String seconds(long nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    /** {@code 12.345 ms}, or {@code n/a} for a negative duration. */
    public static String millis(long nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    /** {@code 12.345 s} from seconds. */
    public static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f s", seconds);
    }

    /**
     * {@code 1.23 M/s}, {@code 456.7 K/s} or {@code 89/s} with {@code unit = "/s"}, {@code 1.23 M events/s} with
     * {@code unit = " events/s"}; {@code n/a} for NaN.
     */
    public static String rate(double perSecond, String unit) {
        if (Double.isNaN(perSecond)) {
            return "n/a";
        }
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6) + unit;
        }
        if (perSecond >= 1e3) {
            return String.format(Locale.ROOT, "%.1f K", perSecond / 1e3) + unit;
        }
        return String.format(Locale.ROOT, "%.0f", perSecond) + unit;
    }

    /** {@code 1.23 GiB}, {@code 456.7 MiB}, {@code 12.0 KiB} or {@code 17 B}; {@code n/a} for a negative size. */
    public static String bytes(long bytes) {
        if (bytes < 0) {
            return "n/a";
        }
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        if (bytes >= 1L << 10) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return bytes + " B";
    }

    /** {@code 1:02:03} or {@code 2:03} for a whole number of seconds. */
    public static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
            : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
