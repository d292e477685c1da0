package org.jdbsp.bench.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbsp.bench.report.AtomicFile;
import org.jdbsp.bench.report.CsvLog;
import org.jdbsp.bench.report.JvmStats;
import org.jdbsp.bench.report.MemoryFigures;
import org.jdbsp.bench.report.Machine;
import org.jdbsp.bench.report.ProcessStats;
import org.jdbsp.bench.report.Profile;
import org.jdbsp.bench.report.ProcessStats.CpuTime;
import org.jdbsp.bench.report.Progress;
import org.jdbsp.bench.report.QueryMeasurement;
import org.jdbsp.bench.report.ResultTable;
import org.jdbsp.bench.report.StepLatencies;
import org.jdbsp.bench.report.Units;
import org.jdbsp.checkpoint.CheckpointInfo;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.MemoryExhaustedException;
import org.jdbsp.nexmark.generator.RngMode;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.nexmark.queries.NexmarkQuery;
import org.jdbsp.nexmark.queries.QueryCircuit;
import org.jdbsp.nexmark.queries.QueryOptions;
import org.jdbsp.nexmark.queries.ResultFormat;

/**
 * Runs the queries of a benchmark one after the other, each over the same events, measures each and prints the
 * final table on standard output; appends CSV rows and writes results files as each query ends.
 *
 * <p>A query that fails is reported on standard error and left out of the table; the others still run. A stop
 * request ({@link StopSignal}) abandons the running query and prints the table of the queries that finished.
 *
 * <p>Results files and the CSV are written through a temporary file renamed when complete ({@link AtomicFile}): a
 * file under its final name is always complete. A stop during a results write abandons the write at once, removes
 * the temporary file and says so.
 *
 * <p>With {@code --checkpoint-dir} each query checkpoints into its own directory ({@link QueryCheckpoints}) and
 * {@code --resume} restores it and skips the events it had consumed; {@link #check()} refuses a resume that
 * cannot continue the stopped run ({@link RunIdentity}) before any work.
 */
public final class BenchRunner {
    /** Exit code when every query ran. */
    public static final int EXIT_OK = 0;
    /** Exit code when a query failed. */
    public static final int EXIT_FAILED = 1;
    /** Exit code when the run was stopped (as a shell reports SIGINT). */
    public static final int EXIT_STOPPED = 130;

    private final RunSettings settings;
    private final PrintStream out;
    private final PrintStream err;
    private final Progress progress;
    private final StopSignal stop;
    private final ProcessStats os = ProcessStats.self();
    private final CsvLog csv;
    private boolean rssResetWorks = true;
    private Q10Directory q10;
    private QueryOptions queryOptions = QueryOptions.defaults();
    private boolean profile;
    private StorageSettings storage;
    /** Per query name: the checkpoint it resumes from ({@code --resume}). */
    private final Map<String, CheckpointInfo> resumeFrom = new HashMap<>();

    /** A runner printing the table on {@code out} and failures on {@code err}. */
    public BenchRunner(RunSettings settings, PrintStream out, PrintStream err, Progress progress, StopSignal stop) {
        this.settings = settings;
        this.out = out;
        this.err = err;
        this.progress = progress;
        this.stop = stop;
        this.csv = settings.csv() == null ? null : new CsvLog(settings.csv());
    }

    /**
     * Checks what can be checked before any work: the CSV and results files, and whether pre-generated events fit.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public void check() {
        if (csv != null) {
            csv.check();
        }
        if (settings.results() != null) {
            ResultsFiles.check(settings.results()); // also with several queries: a directory there is a mistake
            for (NexmarkQuery<?> q : settings.queries()) {
                ResultsFiles.check(resultsFile(q));
            }
        }
        InFlightEvents.check(settings);
        if (settings.pregenerate()) {
            Pregenerator.checkFits(settings, progress);
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        if (settings.cores() > cpus) {
            progress.note("warning: --cpu-cores " + settings.cores() + " is more than the " + cpus + " CPUs this JVM"
                + " sees; the workers will share them");
        }
        List<NexmarkQuery<?>> q10s = settings.queries().stream().filter(q -> q.name().equals("q10")).toList();
        if (!q10s.isEmpty()) {
            Path given = settings.q10Directory();
            if (given == null && settings.checkpoints().enabled()) {
                // kept with q10's checkpoints, so that a resumed run appends to the logs the stopped one wrote
                given = settings.checkpoints().directory(q10s.get(0)).resolve("logs");
            }
            q10 = Q10Directory.open(given, settings.generator(), settings.events());
            queryOptions = queryOptions.withQ10Directory(q10.path());
        }
        if (settings.checkpoints().enabled()) {
            checkCheckpoints();
        }
    }

    /**
     * Refuses, before any work, a fresh run over a query directory that holds checkpoints (it would mix two runs),
     * and a {@code --resume} with nothing to resume or with other options than the checkpoint's; remembers the
     * checkpoint each query resumes from.
     */
    private void checkCheckpoints() {
        CheckpointSettings c = settings.checkpoints();
        for (NexmarkQuery<?> q : settings.queries()) {
            Path dir = c.directory(q);
            if (c.periodic()) {
                CheckpointDirectory.create(dir);
            }
            Optional<CheckpointInfo> latest = CheckpointDirectory.latest(dir);
            if (latest.isEmpty()) {
                continue;
            }
            CheckpointInfo info = latest.get();
            if (!c.resume()) {
                throw new IllegalArgumentException("--checkpoint-dir: " + dir + " holds checkpoints of an earlier run"
                    + " of " + q.name() + "; give --resume to continue it, or another (or an emptied) directory");
            }
            String difference = RunIdentity.difference(info.metadata(), identity(q));
            if (difference != null) {
                throw new IllegalArgumentException("--resume: cannot continue " + q.name() + " from checkpoint "
                    + info.id() + " in " + dir + ": " + difference + "; give the options of the run that stopped");
            }
            long consumed = QueryCheckpoints.eventsConsumed(info);
            if (consumed < 0 || consumed > settings.events()) {
                throw new IllegalArgumentException("--resume: checkpoint " + info.id() + " in " + dir + " records "
                    + consumed + " events consumed, outside [0, " + settings.events() + "]");
            }
            resumeFrom.put(q.name(), info);
        }
        if (c.resume() && resumeFrom.isEmpty()) {
            throw new IllegalArgumentException("--resume: no checkpoint to resume in " + (settings.queries().size() == 1
                ? c.directory(settings.queries().get(0)) : c.directory() + " (for any of the queries)")
                + "; run without --resume to start from the beginning");
        }
    }

    /** The metadata entries a resumed run of {@code query} must share with its checkpoint. */
    private Map<String, String> identity(NexmarkQuery<?> query) {
        return RunIdentity.of(settings, query, query.name().equals("q10") && q10 != null ? q10.path() : null);
    }

    /** Whether to print each query's top operators by time and by state on standard error ({@code --profile}). */
    public void profile(boolean on) {
        this.profile = on;
    }

    /** Where the circuits keep their state beyond the heap ({@code --storage}), or null for the heap only. */
    public void storage(StorageSettings settings) {
        this.storage = settings;
    }

    /** Runs every query (after {@link #check()}) and prints the table; returns the exit code. */
    public int run() {
        try {
            return runQueries();
        } finally {
            if (q10 != null) {
                q10.close();
            }
        }
    }

    private int runQueries() {
        List<QueryMeasurement> rows = new ArrayList<>();
        boolean failed = false;
        try (JvmStats jvm = new JvmStats()) {
            Event[] events = null;
            if (settings.pregenerate()) {
                events = Pregenerator.generate(settings, progress, stop);
            }
            List<NexmarkQuery<?>> queries = settings.queries();
            for (int i = 0; i < queries.size() && !stop.requested(); i++) {
                NexmarkQuery<?> q = queries.get(i);
                String label = queries.size() == 1 ? q.name() : q.name() + " (" + (i + 1) + "/" + queries.size() + ")";
                try {
                    QueryMeasurement m = runQuery(q, label, events, jvm);
                    if (m != null) {
                        rows.add(m);
                        record(m);
                    }
                } catch (RuntimeException | OutOfMemoryError e) {
                    progress.abandon();
                    failed = true;
                    String memory = memoryExhaustion(e);
                    if (memory != null) {
                        progress.note(q.name() + " failed: " + memory);
                    } else if (e instanceof QueryCheckpoints.Failure) {
                        progress.note(q.name() + " failed: " + e.getMessage());
                    } else {
                        progress.note(q.name() + " failed: " + e);
                        e.printStackTrace(err);
                    }
                }
            }
        }
        if (!rows.isEmpty()) {
            out.print(ResultTable.render(rows, context()));
            out.flush();
        }
        if (stop.requested()) {
            progress.note("stopped: " + rows.size() + " of " + settings.queries().size() + " queries finished"
                + (rows.isEmpty() ? "" : " (in the table above)"));
            return EXIT_STOPPED;
        }
        return failed ? EXIT_FAILED : EXIT_OK;
    }

    /**
     * One line saying that the heap ran out, when that is why {@code e} happened (the library's memory guard or
     * the JVM's own {@link OutOfMemoryError}), or null: such a failure needs no stack trace.
     */
    static String memoryExhaustion(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MemoryExhaustedException) {
                return t.getMessage();
            }
            if (t instanceof OutOfMemoryError) {
                return "the JVM ran out of heap (" + t.getMessage() + "); give it more (-Xmx) or run fewer events";
            }
        }
        return null;
    }

    /** Runs one query; null if a stop was requested before it ended. */
    private QueryMeasurement runQuery(NexmarkQuery<?> query, String label, Event[] events, JvmStats jvm) {
        boolean keepIntegral = settings.results() != null;
        CheckpointInfo from = resumeFrom.get(query.name());
        System.gc(); // leave the garbage of the previous query (or of the generation) out of this one's figures
        try (QueryCircuit<?> circuit = open(query, from, keepIntegral)) {
            QueryCheckpoints checkpoints = checkpoints(query, circuit.restoredFrom().orElse(null));
            long skip = checkpoints == null ? 0 : checkpoints.eventsBefore();
            jvm.resetHeapPeak();
            rssResetWorks &= os.resetPeakRss();
            long gc0 = jvm.gcMillis();
            CpuTime cpu0 = os.cpuTime();
            long t0 = System.nanoTime();
            progress.begin(label, (events == null ? settings.events() : events.length) - skip);
            long done;
            long t1;
            StepLatencies steps = new StepLatencies();
            EventBatches batches = events == null
                ? EventBatches.of(EventSources.open(settings, skip), settings.batchSize())
                : EventBatches.of(events, (int) skip);
            try {
                if (checkpoints != null) {
                    checkpoints.start();
                }
                done = RunLoop.drive(circuit, batches, settings.batchSize(), progress, stop, steps, checkpoints);
                t1 = System.nanoTime();
            } finally {
                batches.close();
            }
            if (done == RunLoop.STOPPED) {
                progress.abandon();
                progress.note(query.name() + ": stopped; not in the table");
                return null;
            }
            CpuTime cpu = os.cpuTime().since(cpu0);
            long gc = jvm.gcMillis() - gc0;
            long peakHeap = jvm.heapPeakBytes();
            QueryMeasurement m = new QueryMeasurement(query.name(), done, settings.cores(), t1 - t0, cpu, gc,
                peakHeap, os.peakRssBytes(),
                (checkpoints == null ? 0 : checkpoints.outputChangesBefore()) + circuit.outputChanges(),
                memoryFigures(circuit, jvm), steps.summary(), checkpoints == null ? null : checkpoints.figures());
            progress.end(done, t1 - t0);
            if (profile) {
                progress.note(Profile.render(query.name(), circuit.metrics()).stripTrailing());
            }
            if (keepIntegral) {
                writeResults(query, circuit);
            }
            return m;
        }
    }

    /** The peak heap after collections (with a full one now, after the timed part) and the storage figures. */
    private MemoryFigures memoryFigures(QueryCircuit<?> circuit, JvmStats jvm) {
        long afterGc = jvm.heapPeakAfterGcBytes(true);
        return storage == null ? MemoryFigures.withoutStorage(afterGc)
            : new MemoryFigures(afterGc, circuit.storageBytesWritten(), circuit.storageBytesOnDisk());
    }

    /** The circuit of {@code query}: restored from {@code from} when it resumes, else fresh. */
    private QueryCircuit<?> open(NexmarkQuery<?> query, CheckpointInfo from, boolean keepIntegral) {
        boolean checkpointing = settings.checkpoints().periodic() || from != null;
        CircuitConfig config = circuitConfig(query, checkpointing);
        if (from == null) {
            return QueryCircuit.start(query, queryOptions, config, keepIntegral);
        }
        QueryCircuit<?> circuit;
        try {
            circuit = QueryCircuit.restore(query, queryOptions, config, keepIntegral);
        } catch (RuntimeException e) {
            throw new QueryCheckpoints.Failure("cannot resume from " + settings.checkpoints().directory(query) + ": "
                + e.getMessage(), e);
        }
        CheckpointInfo loaded = circuit.restoredFrom().orElseThrow();
        String difference = RunIdentity.difference(loaded.metadata(), identity(query));
        if (difference != null) { // another run wrote a checkpoint since check()
            circuit.close();
            throw new QueryCheckpoints.Failure("cannot resume from checkpoint " + loaded.id() + ": " + difference,
                null);
        }
        progress.note(query.name() + ": resuming from checkpoint " + loaded.id() + " (step " + loaded.step() + ", "
            + Units.count(QueryCheckpoints.eventsConsumed(loaded)) + " events consumed)");
        return circuit;
    }

    /** The checkpoints of {@code query}'s run, resuming after {@code from} (null for a fresh run); null without any. */
    private QueryCheckpoints checkpoints(NexmarkQuery<?> query, CheckpointInfo from) {
        CheckpointSettings c = settings.checkpoints();
        if (!c.enabled()) {
            return null;
        }
        return new QueryCheckpoints(c, identity(query), from == null ? 0 : QueryCheckpoints.eventsConsumed(from),
            from == null ? 0 : QueryCheckpoints.outputChanges(from));
    }

    private Path resultsFile(NexmarkQuery<?> query) {
        return ResultsFiles.of(settings.results(), query.name(), settings.queries().size() > 1);
    }

    private void writeResults(NexmarkQuery<?> query, QueryCircuit<?> circuit) {
        Path file = resultsFile(query);
        try {
            stop.runInterruptibly(() -> AtomicFile.write(file, tmp -> {
                try (Writer out = AtomicFile.interruptibleWriter(tmp)) {
                    ResultFormat.write(circuit.integral(), out);
                }
            }));
        } catch (IOException e) {
            if (stop.requested()) {
                progress.note(query.name() + (e instanceof ClosedByInterruptException
                    ? ": stopped before writing its results; " + file + " not written"
                    : ": stopped while writing its results: " + AtomicFile.describe(e)));
                return;
            }
            throw new UncheckedIOException("cannot write the results of " + query.name() + ": "
                + AtomicFile.describe(e), e);
        }
        progress.note(query.name() + ": results written to " + file);
    }

    private void record(QueryMeasurement m) {
        if (csv == null) {
            return;
        }
        try {
            csv.append(m, generatorThreads(), settings.pregenerate(), settings.batchSize());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + settings.csv(), e);
        }
    }

    private CircuitConfig circuitConfig(NexmarkQuery<?> query, boolean checkpoints) {
        CircuitConfig config = CircuitConfig.defaults().withWorkers(settings.cores()).withName(query.name());
        if (storage != null) {
            config = storage.apply(config);
        }
        if (checkpoints) {
            // checkpoints live in the circuit's storage directory; without --storage the state stays on the heap
            config = config.withStorage(settings.checkpoints().directory(query));
            if (storage == null) {
                config = config.withSpillThreshold(Long.MAX_VALUE).withWorkerMemoryBudget(Long.MAX_VALUE);
            }
        }
        return config;
    }

    private int generatorThreads() {
        return settings.generator().rngMode() == RngMode.REFERENCE ? 0 : settings.generatorThreads();
    }

    private ResultTable.RunContext context() {
        int g = settings.generatorThreads();
        boolean reference = settings.generator().rngMode() == RngMode.REFERENCE;
        String threads = g + " generator thread" + (g == 1 ? "" : "s");
        String generators;
        if (settings.pregenerate()) {
            generators = "The events were generated before the timed part, by "
                + (reference ? "the reference generator." : threads + ".");
        } else if (reference) {
            generators = "The reference generator (--rng reference) ran on the run loop's thread, so Cores includes"
                + " generation.";
        } else {
            generators = "The events came from " + threads + ", not counted in Cores.";
        }
        return new ResultTable.RunContext(generators, settings.pregenerate(), settings.batchSize(),
            os.ticksPerSecond(), os.tickRateMeasured(), rssResetWorks, Machine.describe(), storageNote());
    }

    private String storageNote() {
        return storage == null ? null : storage.directory() + " (spill threshold " + Units.bytes(storage.threshold())
            + ", worker memory budget " + (storage.workerBudget() == 0 ? "the default" : Units.bytes(storage.workerBudget()))
            + ")";
    }

    /** A one-line summary of the run's settings, for standard error before it starts. */
    public String summary() {
        return "running " + String.join(",", settings.queries().stream().map(NexmarkQuery::name).toList()) + " over "
            + Units.count(settings.events()) + " events each, " + settings.cores() + " core(s), "
            + (settings.generator().rngMode() == RngMode.REFERENCE ? "reference generator"
                : settings.generatorThreads() + " generator thread(s)")
            + ", batches of " + Units.count(settings.batchSize()) + (settings.pregenerate() ? ", pregenerated" : "")
            + (storage == null ? "" : ", storage in " + storage.directory());
    }
}
