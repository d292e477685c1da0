package org.jdbsp.bench.report;

/**
 * The figures of one query's run: one row of the final table and of the CSV file.
 *
 * @param query         the query's name
 * @param events        events pushed into the circuit
 * @param cores         worker threads of the circuit ({@code --cpu-cores})
 * @param elapsedNanos  wall-clock time of the run
 * @param cpu           CPU time of the whole process during the run (every thread)
 * @param gcMillis      collection time of the garbage collectors during the run
 * @param peakHeapBytes peak heap occupancy during the run
 * @param peakRssBytes  peak resident set size (since the reset before the run, or since the process started if
 *                      the reset was refused), -1 if unknown
 * @param outputChanges the sum of the absolute weights of every output change (of the whole run when it resumed
 *                      from a checkpoint)
 * @param memory        the peak heap after collections and the bytes written to storage and left on disk
 * @param steps         the latencies of the run's steps
 * @param checkpoints   the checkpoints taken, or null when the run took none ({@code --checkpoint-dir} not given)
 */
public record QueryMeasurement(String query, long events, int cores, long elapsedNanos, ProcessStats.CpuTime cpu,
                               long gcMillis, long peakHeapBytes, long peakRssBytes, long outputChanges,
                               MemoryFigures memory, StepLatencies.Summary steps, CheckpointFigures checkpoints) {

    /** The figures of a run without checkpoints. */
    public QueryMeasurement(String query, long events, int cores, long elapsedNanos, ProcessStats.CpuTime cpu,
                            long gcMillis, long peakHeapBytes, long peakRssBytes, long outputChanges,
                            MemoryFigures memory, StepLatencies.Summary steps) {
        this(query, events, cores, elapsedNanos, cpu, gcMillis, peakHeapBytes, peakRssBytes, outputChanges, memory,
            steps, null);
    }

    /** The elapsed time in seconds. */
    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }

    /** Cores times the elapsed time, in core-seconds. */
    public double coreSeconds() {
        return cores * elapsedSeconds();
    }

    /** Events per second per core; NaN for a run without events or time. */
    public double throughputPerCore() {
        return events == 0 || elapsedNanos <= 0 ? Double.NaN : events / coreSeconds();
    }
}
