package org.jdbsp.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.nexmark.generator.EventSource;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.generator.ParallelEventSource;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.nexmark.queries.NexmarkQueries;
import org.jdbsp.nexmark.queries.NexmarkQuery;
import org.jdbsp.nexmark.queries.QueryCircuit;
import org.jdbsp.nexmark.queries.QueryOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Nexmark query over a fixed, pre-generated input: the first {@value #EVENTS} events of the default per-event
 * generator, pushed {@value #BATCH} per step as the CLI does, then {@code finish()}. The score is the time of one
 * whole run (single shot, milliseconds); the events are generated once per fork and the circuit is built before each
 * run, so only the circuit's work is timed. {@code query} covers q0..q22 (a name not registered yet fails its
 * setup); {@code workers} is the circuit's number of worker threads.
 *
 * <p>The heap is fixed and pre-touched ({@code -XX:+AlwaysPreTouch}): otherwise the kernel zeroes heap pages the
 * first time the young generation reaches them, which made later runs of one fork up to 40% slower than earlier
 * ones (q4, W = 1: 700 ms, then 1,000 ms once the young generation grew into untouched pages), a cost of the
 * benchmark's short life rather than of the circuit. Ten warm-up runs, because with two workers both cores are
 * busy and the JIT compiler, which has a free core with one worker, needs about five runs to catch up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class QueryBenchmark {
    /** Events per run. */
    public static final int EVENTS = 1_000_000;
    /** Events per step. */
    public static final int BATCH = 40_000;

    @Param({"q0", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11", "q12", "q13", "q14", "q15",
        "q16", "q17", "q18", "q19", "q20", "q21", "q22"})
    public String query;

    /** Worker threads of the circuit. */
    @Param({"1"})
    public int workers;

    private Event[] events;
    private NexmarkQuery<?> nexmarkQuery;
    private QueryOptions options;
    private Path q10Directory;
    private QueryCircuit<?> circuit;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        nexmarkQuery = NexmarkQueries.byName(query);
        q10Directory = Files.createTempDirectory("jdbsp-bench-q10");
        options = QueryOptions.defaults().withQ10Directory(q10Directory);
        events = new Event[EVENTS];
        try (EventSource source = ParallelEventSource.start(GeneratorConfig.builder().maxEvents(EVENTS).build(), 2)) {
            int done = 0;
            Event[] batch = new Event[BATCH];
            int n;
            while ((n = source.nextBatch(batch)) > 0) {
                System.arraycopy(batch, 0, events, done, n);
                done += n;
            }
        }
    }

    @Setup(Level.Invocation)
    public void build() {
        circuit = QueryCircuit.start(nexmarkQuery, options, CircuitConfig.defaults().withWorkers(workers), false);
    }

    @Benchmark
    public long run() {
        QueryCircuit<?> c = circuit;
        for (int from = 0; from < EVENTS; from += BATCH) {
            c.push(events, from, Math.min(EVENTS, from + BATCH));
            c.step();
        }
        c.finish();
        return c.outputChanges();
    }

    @TearDown(Level.Invocation)
    public void close() {
        circuit.close();
        circuit = null;
    }

    @TearDown(Level.Trial)
    public void deleteQ10Files() {
        try (Stream<Path> files = Files.walk(q10Directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
