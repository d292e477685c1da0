package org.jdbsp.flinkbaseline;

import org.apache.flink.table.data.RowData;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.generator.NexmarkGenerator;
import org.jdbsp.nexmark.model.Event;

/**
 * Generates the events of a run with our generator, in the configuration of the benchmark's {@code --pregenerate}
 * with its defaults ({@link GeneratorConfig#defaults()}, per-event random streams, cut to {@code maxEvents}), so both
 * sides see the same events, and turns them into {@code datagen} rows ({@link EventRows}) before any clock starts.
 */
public final class PregeneratedEvents {
    /** Estimated heap bytes of one event's row at the default sizes (measured: 453), with a margin. */
    public static final long BYTES_PER_EVENT = 480;
    private static final int CHUNK = 8192;

    private PregeneratedEvents() {}

    /** The configuration of a run of {@code maxEvents} events. */
    public static GeneratorConfig config(long maxEvents) {
        if (maxEvents < 1 || maxEvents > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("max events = " + maxEvents + " is invalid: must be between 1 and "
                + (Integer.MAX_VALUE - 16) + " (the rows are held in one array)");
        }
        return GeneratorConfig.defaults().toBuilder().maxEvents(maxEvents).build();
    }

    /**
     * Refuses {@code events} rows that would take more than 90% of the free heap, saying how much they need.
     *
     * @throws IllegalArgumentException naming the heap needed and the heap free
     */
    public static void checkFits(long events) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long need = BYTES_PER_EVENT * events;
        if (need > 0.9 * free) {
            throw new IllegalArgumentException(events + " events need about " + (need >> 20) + " MiB of heap as Flink"
                + " rows but only " + (free >> 20) + " MiB are free; give java a larger -Xmx (the queries' state"
                + " needs room too) or lower --max-events");
        }
    }

    /** The rows of the events of {@code config}, in event order. */
    public static RowData[] rows(GeneratorConfig config) {
        RowData[] rows = new RowData[(int) config.maxEvents()];
        Event[] chunk = new Event[CHUNK];
        int done = 0;
        try (NexmarkGenerator g = NexmarkGenerator.create(config)) {
            int k;
            while (done < rows.length && (k = g.nextBatch(chunk, Math.min(CHUNK, rows.length - done))) > 0) {
                for (int i = 0; i < k; i++) {
                    rows[done + i] = EventRows.of(chunk[i]);
                }
                done += k;
            }
        }
        if (done != rows.length) {
            throw new IllegalStateException("the generator ended after " + done + " of " + rows.length + " events");
        }
        return rows;
    }
}
