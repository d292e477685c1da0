package org.jdbsp.bench.report;

/**
 * The memory figures of one query's run beyond the peak heap and RSS: what stayed live on the heap and what went
 * to storage.
 *
 * @param peakHeapAfterGcBytes the largest heap occupancy right after a collection during the run (the state the
 *                             run kept plus what the collection could not yet free), or -1 if unknown
 * @param storageWrittenBytes  bytes of batch files written to storage during the run, or -1 without storage
 * @param storageAtEndBytes    bytes of the run's files on disk after its last step, or -1 without storage
 */
public record MemoryFigures(long peakHeapAfterGcBytes, long storageWrittenBytes, long storageAtEndBytes) {
    /** The figures of a run without storage. */
    public static MemoryFigures withoutStorage(long peakHeapAfterGcBytes) {
        return new MemoryFigures(peakHeapAfterGcBytes, -1, -1);
    }
}
