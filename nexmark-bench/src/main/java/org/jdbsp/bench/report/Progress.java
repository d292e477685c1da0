package org.jdbsp.bench.report;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of a run on standard error, drawn by a background thread so the run loop only publishes a counter
 * ({@link #advance(long)}, one ordered store per batch).
 *
 * <p>Three modes: a bar redrawn in place a few times a second (for a terminal), a plain line every few seconds
 * (for a pipe or a file), or nothing. In every mode {@link #note(String)} prints a line.
 */
public final class Progress implements AutoCloseable {
    private static final int BAR_WIDTH = 24;

    private final PrintStream err;
    private final Mode mode;
    private final long periodMillis;
    private final AtomicLong done = new AtomicLong();
    private final Thread painter;
    private volatile boolean closed;
    // Guarded by this:
    private String label;
    private long total;
    private long startNanos;
    private boolean barShown;

    private enum Mode { NONE, BAR, LINES }

    private Progress(PrintStream err, Mode mode, long periodMillis) {
        this.err = err;
        this.mode = mode;
        this.periodMillis = periodMillis;
        if (mode == Mode.NONE) {
            painter = null;
        } else {
            painter = new Thread(this::paintLoop, "nexmark-bench-progress");
            painter.setDaemon(true);
            painter.start();
        }
    }

    /** No progress output, only notes. */
    public static Progress none(PrintStream err) {
        return new Progress(err, Mode.NONE, 0);
    }

    /** A bar on {@code err}, which must be a terminal, redrawn in place every {@code periodMillis} milliseconds. */
    public static Progress bar(PrintStream err, long periodMillis) {
        return new Progress(err, Mode.BAR, checkPeriod(periodMillis));
    }

    /** A plain progress line on {@code err} every {@code periodMillis} milliseconds. */
    public static Progress lines(PrintStream err, long periodMillis) {
        return new Progress(err, Mode.LINES, checkPeriod(periodMillis));
    }

    private static long checkPeriod(long periodMillis) {
        if (periodMillis < 1) {
            throw new IllegalArgumentException("periodMillis = " + periodMillis + " is invalid: must be >= 1");
        }
        return periodMillis;
    }

    /** Starts showing the progress of {@code label} towards {@code total} events. */
    public synchronized void begin(String label, long total) {
        this.label = label;
        this.total = total;
        this.startNanos = System.nanoTime();
        done.set(0);
    }

    /** Publishes that {@code events} events are done (called by the run loop). */
    public void advance(long events) {
        done.lazySet(events);
    }

    /** Ends the current task, with a final line saying how many events took how long (not in mode none). */
    public synchronized void end(long events, long elapsedNanos) {
        if (label == null) {
            return;
        }
        if (mode != Mode.NONE) {
            clearBar();
            err.println(label + ": done, " + Units.count(events) + " events in " + Units.seconds(elapsedNanos) + " ("
                + Units.rate(events / Math.max(1e-9, elapsedNanos / 1e9), " events/s") + ")");
        }
        label = null;
    }

    /** Ends the current task without a final line. */
    public synchronized void abandon() {
        clearBar();
        label = null;
    }

    /** Prints {@code line} on its own line (clearing the bar first). */
    public synchronized void note(String line) {
        clearBar();
        err.println(line);
    }

    /** Stops the painter thread and clears the bar. */
    @Override
    public void close() {
        closed = true;
        if (painter != null) {
            painter.interrupt();
            try {
                painter.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            clearBar();
        }
    }

    private void paintLoop() {
        while (!closed) {
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
            paint();
        }
    }

    private synchronized void paint() {
        if (label == null || closed) {
            return;
        }
        long now = System.nanoTime();
        long d = done.get();
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        double rate = d / seconds;
        String left = rate > 0 && total >= d ? Units.clock(Math.round((total - d) / rate)) : "?";
        double percent = total > 0 ? 100.0 * d / total : 100.0;
        if (mode == Mode.BAR) {
            int filled = (int) Math.min(BAR_WIDTH, Math.round(BAR_WIDTH * percent / 100));
            String bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
            err.print(String.format(Locale.ROOT, "\r%s [%s] %5.1f%% %s/%s events, %s, %s left\u001b[K", label, bar,
                percent, Units.count(d), Units.count(total), Units.rate(rate, " events/s"), left));
            err.flush();
            barShown = true;
        } else {
            err.println(String.format(Locale.ROOT, "%s: %s / %s events (%.1f%%), %s, %s left", label,
                Units.count(d), Units.count(total), percent, Units.rate(rate, " events/s"), left));
        }
    }

    private void clearBar() {
        if (barShown) {
            err.print("\r\u001b[K");
            err.flush();
            barShown = false;
        }
    }
}
