package org.jdbsp.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitBuilder;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedZSetInput;
import org.jdbsp.circuit.IndexedZSetOutput;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.codec.ByteSink;
import org.jdbsp.codec.ByteSource;
import org.jdbsp.codec.Codec;
import org.jdbsp.codec.Codecs;
import org.jdbsp.operators.WorkersTest.Edge;
import org.jdbsp.operators.WorkersTest.Ev;
import org.jdbsp.operators.WorkersTest.Io;
import org.jdbsp.operators.WorkersTest.Keyed;
import org.jdbsp.operators.WorkersTest.Timed;
import org.jdbsp.operators.distinct.Distinct;
import org.jdbsp.operators.join.Differential;
import org.jdbsp.operators.join.Differential.Change;
import org.jdbsp.operators.join.Differential.Shape;
import org.jdbsp.operators.join.Joins;
import org.jdbsp.operators.lag.LagRow;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.time.Watermarks;
import org.jdbsp.operators.topk.Ranked;
import org.jdbsp.operators.window.WindowResult;
import org.jdbsp.testkit.Trials;
import org.jdbsp.testkit.WorkerCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checkpoint and restore of every stateful operator (the circuits of {@link WorkersTest}) on 1, 2 and 4
 * workers: a circuit run to step k, checkpointed and restored into a fresh circuit continues with exactly
 * the changes, integrals and counters of a circuit that never stopped; so does one restored on another
 * number of workers ({@link #restoredOn}: 1 -> 2, 2 -> 1, 2 -> 4, 4 -> 3), whose state is cut by key.
 */
@Timeout(120)
class CheckpointRoundTripTest {
    /**
     * The codecs of the tests' generic records (their components are {@code Object}s): each component is
     * written with its runtime class's codec, after the class name.
     */
    static final class Dynamic implements Codec<Object> {
        Codecs codecs;

        @Override
        @SuppressWarnings("unchecked")
        public void encode(Object v, ByteSink out) {
            if (v == null) {
                out.writeString(null);
                return;
            }
            Class<?> c = v.getClass();
            out.writeString(c.getName());
            if (v instanceof List) {
                List<?> l = (List<?>) v;
                out.writeInt(l.size());
                l.forEach(x -> encode(x, out));
            } else if (GENERIC.contains(c)) {
                try {
                    for (RecordComponent rc : c.getRecordComponents()) {
                        encode(rc.getAccessor().invoke(v), out);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            } else {
                ((Codec<Object>) codecs.codecFor(c)).encode(v, out);
            }
        }

        @Override
        public Object decode(ByteSource in) {
            String name = in.readString();
            if (name == null) {
                return null;
            }
            try {
                Class<?> c = Class.forName(name);
                if (List.class.isAssignableFrom(c)) {
                    Object[] items = new Object[in.readInt()];
                    for (int i = 0; i < items.length; i++) {
                        items[i] = decode(in);
                    }
                    return List.of(items);
                }
                if (GENERIC.contains(c)) {
                    RecordComponent[] rcs = c.getRecordComponents();
                    Object[] args = new Object[rcs.length];
                    Class<?>[] types = new Class<?>[rcs.length];
                    for (int i = 0; i < rcs.length; i++) {
                        args[i] = decode(in);
                        types[i] = rcs[i].getType();
                    }
                    Constructor<?> k = c.getDeclaredConstructor(types);
                    k.setAccessible(true);
                    return k.newInstance(args);
                }
                return codecs.codecFor(c).decode(in);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final List<Class<?>> GENERIC = List.of(WorkersTest.Pair.class, WindowResult.class, Ranked.class, LagRow.class);

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Codecs codecs() {
        Dynamic d = new Dynamic();
        Codecs c = Codecs.defaults();
        for (Class<?> g : GENERIC) {
            c = c.with((Class) g, (Codec) d);
        }
        c = c.with((Class) List.of(1).getClass(), (Codec) d).with((Class) List.of(1, 2, 3).getClass(), (Codec) d);
        c = c.with(long[].class, new Codec<>() {
            @Override
            public void encode(long[] v, ByteSink out) {
                out.writeInt(v.length);
                for (long x : v) {
                    out.writeLong(x);
                }
            }

            @Override
            public long[] decode(ByteSource in) {
                long[] v = new long[in.readInt()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = in.readLong();
                }
                return v;
            }
        });
        d.codecs = c;
        return c;
    }

    /** The change and the integral of each output ({@link ZSetOutput} or {@link IndexedZSetOutput}) after a step. */
    static List<Object> outputsSeen(List<?> outputs) {
        List<Object> seen = new ArrayList<>();
        for (Object o : outputs) {
            if (o instanceof ZSetOutput) {
                seen.add(((ZSetOutput<?>) o).delta());
                seen.add(((ZSetOutput<?>) o).integral());
            } else {
                seen.add(((IndexedZSetOutput<?, ?>) o).delta());
                seen.add(((IndexedZSetOutput<?, ?>) o).integral());
            }
        }
        return seen;
    }

    /** What the outputs and counters show after a step. */
    private static List<Object> observe(Io io) {
        List<Object> seen = outputsSeen(io.outputs());
        for (LongSupplier c : io.counters()) {
            seen.add(c.getAsLong());
        }
        return seen;
    }

    /**
     * Runs {@code steps} on a circuit that never stops, and on one checkpointed after step {@code k} and restored
     * into a fresh circuit, on every worker count; asserts both show the same after every step from k on.
     */
    static void assertRestoresExactly(String what, Function<CircuitBuilder, Io> build, List<Consumer<Io>> steps, int k) {
        for (int w : WorkerCounts.DEFAULT) {
            Path dir = tempDir();
            try {
                CircuitConfig config = WorkerCounts.config(CircuitConfig.defaults().withCodecs(codecs()), w).withStorage(dir);
                List<List<Object>> expected = new ArrayList<>();
                try (CircuitHandle<Io> h = Circuit.build(config, build)) {
                    for (int s = 0; s < steps.size(); s++) {
                        steps.get(s).accept(h.io());
                        h.step();
                        expected.add(observe(h.io()));
                        if (s + 1 == k) {
                            h.checkpoint();
                        }
                    }
                }
                for (int w2 : restoredOn(w)) {
                    CircuitConfig restored = WorkerCounts.config(CircuitConfig.defaults().withCodecs(codecs()), w2).withStorage(dir);
                    String run = what + ", W = " + w + (w2 == w ? "" : " restored on W' = " + w2);
                    try (CircuitHandle<Io> h = Circuit.restore(restored, build)) {
                        assertEquals(k, h.steps(), run);
                        assertEquals(expected.get(k - 1), observe(h.io()), run + ", right after the restore");
                        for (int s = k; s < steps.size(); s++) {
                            steps.get(s).accept(h.io());
                            h.step();
                            assertEquals(expected.get(s), observe(h.io()), run + ", step " + (s + 1));
                        }
                    }
                }
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }

    /** The workers a checkpoint of {@code w} workers is restored on: {@code w}, and 1 -> 2, 2 -> 1 and 4, 4 -> 3. */
    static List<Integer> restoredOn(int w) {
        switch (w) {
            case 1: return List.of(1, 2);
            case 2: return List.of(2, 1, 4);
            case 4: return List.of(4, 3);
            default: return List.of(w, w + 1);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("jdbsp-ckpt");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Consumer<Io>> indexedSteps(SplittableRandom r, List<Change> changes) {
        List<Consumer<Io>> steps = new ArrayList<>();
        for (int from = 0; from < changes.size(); ) {
            int to = Math.min(changes.size(), from + 1 + r.nextInt(30));
            List<Change> step = changes.subList(from, to);
            steps.add(io -> step.forEach(c -> WorkersTest.push(io, c)));
            from = to;
        }
        steps.add(io -> { });
        return steps;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jdbsp.operators.WorkersTest#keyed")
    void keyedOperatorRestoresExactly(Keyed op) {
        for (Shape shape : op.shapes()) {
            Trials.run(op.name() + " restored on 1, 2, 4 workers [" + shape + "]", 1, r -> {
            List<Change> changes = Differential.randomChanges(r, shape, op.inputs(), 100, 8, 6, false);
            List<Consumer<Io>> steps = indexedSteps(r, changes);
            assertRestoresExactly(op.name() + " [" + shape + "]", b -> {
                List<IndexedZSetInput<Object, Object>> ins = new ArrayList<>();
                List<IndexedZSetStream<Object, Object>> streams = new ArrayList<>();
                for (int i = 0; i < op.inputs(); i++) {
                    ins.add(b.indexedInput("in" + i, shape.layout));
                    streams.add(ins.get(i).stream());
                }
                return new Io(ins, null, List.of(WorkersTest.output(op.wire().apply(b, streams))), List.of(), null);
            }, steps, steps.size() / 2);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jdbsp.operators.WorkersTest#timed")
    void eventTimeOperatorRestoresExactly(Timed op) {
        Trials.run(op.name() + " restored on 1, 2, 4 workers", 1, r -> {
        List<Consumer<Io>> steps = new ArrayList<>();
        List<Ev> live = new ArrayList<>();
        long clock = 10_000;
        for (int step = 0; step < 20; step++) {
            List<Ev> add = new ArrayList<>();
            List<Ev> remove = new ArrayList<>();
            for (int i = r.nextInt(25); i > 0; i--) {
                if (!live.isEmpty() && r.nextInt(6) == 0) {
                    remove.add(live.remove(r.nextInt(live.size())));
                } else {
                    clock += r.nextInt(60);
                    Ev e = new Ev(r.nextLong(), r.nextInt(6), clock - r.nextInt(700), r.nextInt(10));
                    live.add(e);
                    add.add(e);
                }
            }
            steps.add(io -> {
                add.forEach(e -> io.events().push(e, 1));
                remove.forEach(e -> io.events().push(e, -1));
            });
        }
        steps.add(io -> io.watermark().endOfInput());
        assertRestoresExactly(op.name(), b -> {
            ZSetInput<Ev> events = b.zsetInput("events");
            Watermark wm = Watermarks.watermark(events.stream(), Ev::time, 300);
            List<LongSupplier> counters = new ArrayList<>();
            List<Object> outs = new ArrayList<>();
            for (Object s : op.wire().wire(events.stream(), wm, counters)) {
                outs.add(WorkersTest.output(s));
            }
            return new Io(List.of(), events, outs, counters, wm);
        }, steps, 11);
        });
    }

    @Test
    void recursionRestoresExactly() {
        Trials.run("transitive closure restored on 1, 2, 4 workers", 1, r -> {
        List<Change> edges = Differential.randomChanges(r, Shape.LONG_KEYS_LONG_VALUES, 1, 60, 10, 10, false);
        List<Consumer<Io>> steps = indexedSteps(r, edges);
        assertRestoresExactly("transitive closure", b -> {
            IndexedZSetInput<Object, Object> in = b.indexedInput("edges", Shape.LONG_KEYS_LONG_VALUES.layout);
            ZSetStream<Edge> closure = b.<Edge>recursive((scope, reach) -> {
                IndexedZSetStream<Long, Long> bySrc = Differential.cast(scope.importStream(in.stream()));
                IndexedZSetStream<Long, Long> byDst = reach.indexLongToLong(Edge::dst, Edge::src);
                return Distinct.distinct(bySrc.map(Edge::new).plus(Joins.join(byDst, bySrc, Edge::new)));
            });
            return new Io(List.of(in), null, List.of(closure.output()), List.of(), null);
        }, steps, steps.size() / 2);
        });
    }
}
