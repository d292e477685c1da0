package org.jdbsp.bench.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.jdbsp.bench.run.EventSources;
import org.jdbsp.bench.run.InFlightEvents;
import org.jdbsp.nexmark.generator.EventSource;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.generator.PsvWriter;
import org.jdbsp.nexmark.model.Event;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code generate}: prints Nexmark events to standard output in the golden PSV format.
 *
 * <p>Options not given keep the generator's defaults (the reference's, with the golden seeds and base time), so
 * {@code generate --rng reference --max-events 200000} prints the golden 200k file byte for byte.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = NexmarkBench.Version.class,
    sortOptions = false,
    description = {"Prints Nexmark events to standard output, one line per event in the golden PSV format:",
        "the kind (person, auction or bid), then every field in record order, separated by '|'."})
final class GenerateCommand implements Callable<Integer> {

    private static final int BATCH = 4096;
    /** The generator threads may hold this many batches ready ahead of the printing thread, over all threads. */
    private static final int BUFFERED_BATCHES = 4;

    @ParentCommand
    private NexmarkBench parent;

    @Option(names = "--max-events", paramLabel = "N",
        description = "Print the first N events of the (split) stream. Default: all of them (unbounded).")
    private Long maxEvents;

    @Mixin
    private GeneratorOptions generator;

    @Override
    public Integer call() {
        GeneratorConfig config = generator.config(maxEvents);
        int threads = generator.threads();
        int batchSize = batchSize(config);
        PrintStream out = parent.out();
        PsvWriter writer = new PsvWriter(out, 1 << 16);
        try (EventSource source = EventSources.open(config, threads, BUFFERED_BATCHES * batchSize)) {
            Event[] batch = new Event[batchSize];
            int n;
            while ((n = source.nextBatch(batch)) > 0) {
                for (int i = 0; i < n; i++) {
                    writer.write(batch[i]);
                }
                if (out.checkError()) {
                    return 1; // the reader went away (e.g. a closed pipe)
                }
            }
        }
        writer.flush();
        return out.checkError() ? 1 : 0;
    }

    /**
     * Events per batch: {@value #BATCH}, fewer when large events would make the batch and the buffer take more than
     * a quarter of the heap (the output is the same for every batch size).
     */
    private static int batchSize(GeneratorConfig config) {
        long budget = Runtime.getRuntime().maxMemory() / 4 / (1 + BUFFERED_BATCHES);
        return (int) Math.max(1, Math.min(BATCH, budget / InFlightEvents.bytesPerEvent(config)));
    }
}
