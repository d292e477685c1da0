package org.jdbsp.bench.run;

import org.jdbsp.bench.report.Units;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.generator.RngMode;

/**
 * The events a run holds at once besides the queries' state: the run loop's input batch and, in per-event mode, the
 * events the generator threads hold ready. A run whose in-flight events would take more than half the heap is
 * refused before it starts; each count is capped at {@value #MAX_EVENTS}, far below any array limit.
 */
public final class InFlightEvents {
    /** The largest {@code --input-batch-size} and {@code --source-buffer-size}: 2^26 events. */
    public static final int MAX_EVENTS = 1 << 26;

    private InFlightEvents() {}

    /** The estimated heap bytes of one event of {@code config} (as for {@code --pregenerate}). */
    public static long bytesPerEvent(GeneratorConfig config) {
        return Math.max(1, Pregenerator.estimateBytes(config, 1));
    }

    /**
     * Refuses a run whose batch and generator buffer would take more than half the maximum heap.
     *
     * @throws IllegalArgumentException naming the options, what they need and what the heap has
     */
    static void check(RunSettings s) {
        boolean buffered = s.generator().rngMode() == RngMode.PER_EVENT;
        long events = s.batchSize() + (buffered ? (long) s.sourceBuffer() : 0);
        long perEvent = bytesPerEvent(s.generator());
        long need = events > Long.MAX_VALUE / perEvent ? Long.MAX_VALUE : events * perEvent;
        long max = Runtime.getRuntime().maxMemory();
        if (need > max / 2) {
            throw new IllegalArgumentException("--input-batch-size " + Units.count(s.batchSize())
                + (buffered ? " and --source-buffer-size " + Units.count(s.sourceBuffer()) : "") + ": "
                + Units.count(events) + " events in flight need about " + Units.bytes(need) + " of heap (about "
                + Units.bytes(perEvent) + " an event), more than half the " + Units.bytes(max)
                + " maximum; lower them (or the --avg-*-byte-size options) or give java a larger -Xmx");
        }
    }
}
