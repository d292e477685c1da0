package org.jdbsp.bench.run;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.generator.NexmarkGenerator;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.nexmark.queries.NexmarkQueries;
import org.jdbsp.nexmark.queries.NexmarkQuery;
import org.jdbsp.nexmark.queries.QueryCircuit;
import org.jdbsp.nexmark.queries.QueryOptions;

/**
 * Measures what a query's state costs, heap and disk together, per stored bid (issue 15 point 4): runs the query
 * with storage over the first events of the default generator, one worker (merging in its own thread, so that no
 * merge is in flight at the end), {@value #STEP_EVENTS} events a step and
 * one empty step at the end (which lets the last step's input and changes go), then takes the bytes of the circuit's
 * files on disk and the live heap the circuit holds: the heap in use after a full collection with the circuit
 * open, minus the same after it is closed and dropped (so every heap byte that the circuit keeps is counted: its
 * heap batches, the files' in-memory indexes and decoded string tables, the operators' own maps). Run it alone in
 * its JVM, nothing else allocating:
 * <pre>{@code java -cp nexmark-bench/target/nexmark-bench.jar org.jdbsp.bench.run.StateFootprint q18 2000000 /tmp/st}</pre>
 * (optional fourth argument: the spill threshold in bytes, the library's default otherwise).
 */
public final class StateFootprint {
    /** Events per step (the benchmark's default input batch size). */
    static final int STEP_EVENTS = 40_000;

    private StateFootprint() {}

    /**
     * The state of one query after a run.
     *
     * @param query     the query's name
     * @param events    events pushed
     * @param bids      bids among them
     * @param diskBytes bytes of the circuit's files on disk after the last step
     * @param heapBytes live heap the open circuit held after the last step
     */
    public record Figures(String query, long events, long bids, long diskBytes, long heapBytes) {
        /** Heap and disk bytes per bid pushed. */
        public double bytesPerBid() {
            return (double) (diskBytes + heapBytes) / bids;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s, %,d events, %,d bids: disk %,d B + heap %,d B = %.1f B per bid"
                    + " (disk %.1f, heap %.1f)", query, events, bids, diskBytes, heapBytes, bytesPerBid(),
                (double) diskBytes / bids, (double) heapBytes / bids);
        }
    }

    /**
     * Runs {@code query} over {@code events} events with its state in {@code storage} (spilling batches of at least
     * {@code threshold} bytes; negative for the library's default) and measures it.
     */
    public static Figures measure(NexmarkQuery<?> query, long events, Path storage, long threshold) {
        if (events <= 0) {
            throw new IllegalArgumentException("events must be positive: " + events);
        }
        // merges in the step thread: at the end no merge is in flight, whose output and inputs would both be on disk
        CircuitConfig config = CircuitConfig.defaults().withWorkers(1).withStorage(storage).withMergeThreads(0);
        if (threshold >= 0) {
            config = config.withSpillThreshold(threshold);
        }
        long bids = 0;
        long disk;
        long heapWith;
        GeneratorConfig generator = GeneratorConfig.builder().maxEvents(events).build();
        Event[] batch = new Event[STEP_EVENTS];
        QueryCircuit<?> circuit = QueryCircuit.start(query, QueryOptions.defaults(), config, false);
        try (NexmarkGenerator source = NexmarkGenerator.create(generator)) {
            for (int n; (n = source.nextBatch(batch, batch.length)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (batch[i] instanceof Bid) {
                        bids++;
                    }
                }
                circuit.push(batch, 0, n);
                circuit.step();
            }
            Arrays.fill(batch, null);
            circuit.step(); // an empty step: the last step's input and changes are let go, the state stays
            disk = circuit.storageBytesOnDisk();
            heapWith = liveHeap();
        } finally {
            circuit.close();
        }
        circuit = null;
        long heapWithout = liveHeap();
        return new Figures(query.name(), events, bids, disk, Math.max(0, heapWith - heapWithout));
    }

    /** Bytes of heap in use right after full collections (two, so that finalized objects are gone too). */
    static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** {@code QUERY EVENTS STORAGE_DIR [THRESHOLD]}: prints the figures of one query. */
    public static void main(String[] args) {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: StateFootprint QUERY EVENTS STORAGE_DIR [SPILL_THRESHOLD_BYTES]");
            System.exit(2);
        }
        NexmarkQuery<?> query = NexmarkQueries.byName(args[0]);
        Path storage = Path.of(args[2]);
        if (!Files.isDirectory(storage)) {
            System.err.println(storage + " is not a directory (create it first)");
            System.exit(2);
        }
        System.out.println(measure(query, Long.parseLong(args[1]), storage, args.length == 4 ? Long.parseLong(args[3]) : -1));
    }
}
