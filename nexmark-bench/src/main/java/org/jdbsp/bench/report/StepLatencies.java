package org.jdbsp.bench.report;

import org.HdrHistogram.Histogram;

/**
 * The latency of every step of a query's run, kept in an HdrHistogram (three significant digits, resized as
 * needed, no allocation per recorded value) and summarised as p50, p99 and max: a step that stalls on a large
 * merge shows in p99 and max even when the total time hides it.
 */
public final class StepLatencies {
    private final Histogram histogram = new Histogram(3);

    /** Records one step that took {@code nanos}. */
    public void record(long nanos) {
        histogram.recordValue(Math.max(0, nanos));
    }

    /** The summary of the steps recorded so far ({@link Summary#NONE} when there were none). */
    public Summary summary() {
        if (histogram.getTotalCount() == 0) {
            return Summary.NONE;
        }
        return new Summary(histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(99), histogram.getMaxValue());
    }

    /**
     * Step latencies in nanoseconds, each within 0.1% of the exact value (-1 when no step was measured); by
     * construction {@code p50 <= p99 <= max}.
     *
     * @param p50Nanos the median step
     * @param p99Nanos the 99th percentile
     * @param maxNanos the slowest step
     */
    public record Summary(long p50Nanos, long p99Nanos, long maxNanos) {
        /** No step measured. */
        public static final Summary NONE = new Summary(-1, -1, -1);
    }
}
