package org.jdbsp.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitBuilder;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.operators.WorkersTest.Ev;
import org.jdbsp.operators.aggregate.Aggregates;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.time.Watermarks;
import org.jdbsp.operators.window.WindowAggregate;
import org.jdbsp.operators.window.WindowedAggregates;
import org.jdbsp.operators.window.Windows;
import org.jdbsp.zset.Orders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints written before the fixed-size window aggregate and the incremental aggregate were one operator class
 * (main 39e88ab: TimeWindowAggregateOperator, StateAggregateOperator) restore on this code. The resource
 * {@value #RESOURCE} is the checkpoint that {@link #writeTheCheckpoint} (run on that code with
 * {@code -Djdbsp.earlierCheckpoint=DIR}) took after step {@value #K} of {@link #build} on {@value #WORKERS} workers;
 * restored here on 2 and on 3 workers, the circuit shows that step's outputs and continues with exactly the changes
 * and integrals of a circuit of this code that never stopped.
 */
@Timeout(120)
class EarlierCheckpointTest {
    static final String RESOURCE = "/org/jdbsp/operators/checkpoint-39e88ab";
    static final int K = 4;
    static final int STEPS = 9;
    static final int WORKERS = 2;

    record Io(ZSetInput<Ev> events, List<Object> outputs) {}

    /** A hopping count by long key, a tumbling max by object key with lateness, an incremental aggregate. */
    static Io build(CircuitBuilder b) {
        ZSetInput<Ev> events = b.zsetInput("events");
        Watermark wm = Watermarks.watermark(events.stream(), Ev::time, 50);
        List<Object> outs = new ArrayList<>();
        outs.add(WindowedAggregates.countByLong(events.stream(), Ev::key, Ev::time, Windows.hopping(100, 20), wm).stream().output());
        outs.add(WindowedAggregates.aggregate(events.stream(), e -> "k" + e.key() % 3, Ev::time, Windows.tumbling(60), wm, 40,
                WindowAggregate.max(Ev::price)).stream().output());
        outs.add(Aggregates.incremental(events.stream().index(Ev::key, Ev::price), new SumCount(), Orders.natural()).output());
        return new Io(events, outs);
    }

    /** Step {@code s} (1-based): events partly out of order (some late), and a retraction of one of the step before. */
    static void push(Io io, int s) {
        for (int i = 0; i < 12; i++) {
            io.events().push(event(s, i), 1);
        }
        if (s > 1) {
            io.events().push(event(s - 1, s % 12), -1);
        }
    }

    private static Ev event(int s, int i) {
        return new Ev(s * 100L + i, (s * 7L + i * 3L) % 5, s * 40L + (i * 17L % 90) - 45, (s * 13L + i * 11L) % 97);
    }

    private static List<Object> observe(Io io) {
        return CheckpointRoundTripTest.outputsSeen(io.outputs());
    }

    private static CircuitConfig config(int workers, Path dir) {
        return CircuitConfig.defaults().withCodecs(CheckpointRoundTripTest.codecs()).withWorkers(workers).withStorage(dir);
    }

    /** What a circuit of this code that never stops shows after each step. */
    private static List<List<Object>> uninterrupted(Path dir) {
        List<List<Object>> seen = new ArrayList<>();
        try (CircuitHandle<Io> h = Circuit.build(config(WORKERS, dir), EarlierCheckpointTest::build)) {
            for (int s = 1; s <= STEPS; s++) {
                push(h.io(), s);
                h.step();
                seen.add(observe(h.io()));
            }
        }
        return seen;
    }

    @Test
    void aCheckpointOfTheEarlierOperatorClassesRestoresAndContinuesExactly(@TempDir Path tmp) throws IOException, URISyntaxException {
        List<List<Object>> expected = uninterrupted(Files.createDirectories(tmp.resolve("fresh")));
        assertTrue(expected.get(K - 1).stream().anyMatch(o -> !o.toString().equals("{}")), "the checkpointed step has rows");
        for (int w : new int[] {WORKERS, 3}) {
            Path dir = tmp.resolve("restored-on-" + w);
            copy(Paths.get(EarlierCheckpointTest.class.getResource(RESOURCE).toURI()), dir);
            try (CircuitHandle<Io> h = Circuit.restore(config(w, dir), EarlierCheckpointTest::build)) {
                assertEquals(K, h.steps());
                assertEquals(expected.get(K - 1), observe(h.io()), "W' = " + w + ", right after the restore");
                for (int s = K + 1; s <= STEPS; s++) {
                    push(h.io(), s);
                    h.step();
                    assertEquals(expected.get(s - 1), observe(h.io()), "W' = " + w + ", step " + s);
                }
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /** Writes the resource's checkpoint into the directory {@code -Djdbsp.earlierCheckpoint} names (run on main 39e88ab). */
    @Test
    @EnabledIfSystemProperty(named = "jdbsp.earlierCheckpoint", matches = ".+")
    void writeTheCheckpoint() throws IOException {
        Path dir = Files.createDirectories(Paths.get(System.getProperty("jdbsp.earlierCheckpoint")));
        try (CircuitHandle<Io> h = Circuit.build(config(WORKERS, dir), EarlierCheckpointTest::build)) {
            for (int s = 1; s <= K; s++) {
                push(h.io(), s);
                h.step();
            }
            h.checkpoint();
        }
    }
}
