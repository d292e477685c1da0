package org.jdbsp.bench.run;

import org.jdbsp.bench.report.Progress;
import org.jdbsp.bench.report.Units;
import org.jdbsp.nexmark.generator.EventSource;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.model.Event;

/**
 * Generates every event of a run into one array before the timed part ({@code --pregenerate}), after checking that
 * they fit the heap.
 *
 * <p>An event takes about {@value #BYTES_PER_EVENT} bytes of heap with the default sizes (measured: 209 with
 * compressed references, 239 without); the estimate grows with the configured average sizes.
 */
final class Pregenerator {
    /** Estimated heap bytes per event at the default sizes, with a margin. */
    static final long BYTES_PER_EVENT = 250;
    private static final double DEFAULT_AVERAGE_SIZE = (1 * 200 + 3 * 500 + 46 * 100) / 50.0;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private Pregenerator() {}

    /** The estimated heap bytes of {@code n} events of {@code config}. */
    static long estimateBytes(GeneratorConfig config, long n) {
        double average = ((double) config.personProportion() * config.avgPersonByteSize()
            + (double) config.auctionProportion() * config.avgAuctionByteSize()
            + (double) config.bidProportion() * config.avgBidByteSize()) / config.totalProportion();
        double perEvent = BYTES_PER_EVENT * Math.max(1.0, average / DEFAULT_AVERAGE_SIZE);
        return (long) Math.min(Long.MAX_VALUE, perEvent * n);
    }

    /**
     * Refuses a run whose events would not fit: more than an array holds, or more than 90% of the free heap; warns
     * (through {@code progress}) when they take more than half the heap.
     *
     * @throws IllegalArgumentException saying how much is needed and what is available
     */
    static void checkFits(RunSettings s, Progress progress) {
        long n = s.events();
        if (n > MAX_ARRAY) {
            throw new IllegalArgumentException("--pregenerate: " + Units.count(n) + " events are more than one array"
                + " holds (" + Units.count(MAX_ARRAY) + "); lower --max-events or run without --pregenerate");
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long max = rt.maxMemory();
        long free = max - (rt.totalMemory() - rt.freeMemory());
        long need = estimateBytes(s.generator(), n) + 4L * n; // the events and the array's references
        if (need > 0.9 * free) {
            throw new IllegalArgumentException("--pregenerate: " + Units.count(n) + " events need about "
                + Units.bytes(need) + " of heap but only " + Units.bytes(free) + " of the " + Units.bytes(max)
                + " maximum is free; give java a larger -Xmx (e.g. java -Xmx" + suggestGigabytes(need)
                + "g -jar ...) or lower --max-events");
        }
        if (need > max / 2) {
            progress.note("warning: --pregenerate: the events take about " + Units.bytes(need) + " of the "
                + Units.bytes(max) + " heap; the queries' state may not fit (raise -Xmx if a query runs out of heap)");
        }
    }

    /** The events of the run, or null if a stop was requested while generating. */
    static Event[] generate(RunSettings s, Progress progress, StopSignal stop) {
        int n = (int) s.events();
        Event[] events = new Event[n];
        long start = System.nanoTime();
        progress.begin("generating events", n);
        try (EventSource source = EventSources.open(s)) {
            Event[] buffer = new Event[Math.min(s.batchSize(), Math.max(1, n))];
            int done = 0;
            int k;
            while (done < n && (k = source.nextBatch(buffer, Math.min(buffer.length, n - done))) > 0) {
                System.arraycopy(buffer, 0, events, done, k);
                done += k;
                progress.advance(done);
                if (stop.requested()) {
                    progress.abandon();
                    return null;
                }
            }
            progress.end(done, System.nanoTime() - start);
            if (done < n) {
                Event[] shorter = new Event[done];
                System.arraycopy(events, 0, shorter, 0, done);
                return shorter;
            }
            return events;
        }
    }

    private static long suggestGigabytes(long need) {
        return (long) Math.ceil(need * 2.0 / (1L << 30));
    }
}
