package org.jdbsp.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitBuilder;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitException;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.IndexedZSetInput;
import org.jdbsp.circuit.IndexedZSetOutput;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.operators.WorkersTest.Ev;
import org.jdbsp.operators.WorkersTest.Io;
import org.jdbsp.operators.aggregate.Aggregates;
import org.jdbsp.operators.join.Differential;
import org.jdbsp.operators.join.Differential.Change;
import org.jdbsp.operators.join.Differential.Shape;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.time.Watermarks;
import org.jdbsp.operators.window.WindowAggregate;
import org.jdbsp.operators.window.WindowResult;
import org.jdbsp.operators.window.WindowedAggregates;
import org.jdbsp.operators.window.Windows;
import org.jdbsp.testkit.CircuitTestDriver;
import org.junit.jupiter.api.Test;

/**
 * Count, sum and average (plain and windowed) give the same outcome on every number of workers and every
 * splitting of the input into steps: partial sums never overflow, only a group's result that does not fit in a
 * long fails, with the same message naming the operator, the key and the value.
 */
class AggregateOverflowTest {
    private static final long MAX = Long.MAX_VALUE;
    private static final int[] WORKERS = {1, 2, 4};

    /** A group (key 1) whose sum fits in a long only at the end, and one (key 2) whose weight × value does not fit. */
    private static List<Change> edgeGroups() {
        return List.of(
                new Change(0, 1L, MAX, 1), new Change(0, 1L, MAX - 1, 1), new Change(0, 1L, -MAX, 1),
                new Change(0, 1L, -(MAX - 1), 1), new Change(0, 1L, 7L, 1),
                new Change(0, 2L, MAX, 2), new Change(0, 2L, MAX - 1, -2), new Change(0, 2L, 7L, 1));
    }

    /** Count, sum, average and double average of one indexed input of long keys and values. */
    private static Io linearAggregates(CircuitBuilder b) {
        IndexedZSetInput<Object, Object> in = b.indexedInput("values", Shape.LONG_KEYS_LONG_VALUES.layout);
        IndexedZSetStream<Long, Long> s = Differential.cast(in.stream());
        return new Io(List.of(in), null, List.of(Aggregates.count(s).output(), Aggregates.sum(s).output(),
                Aggregates.average(s, v -> v).output(), Aggregates.averageAsDouble(s, v -> v).output()), List.of(), null);
    }

    @Test
    void aSumThatFitsOnlyAtTheEndIsTheSameOnEveryWorkerCountAndStepSplitting() {
        List<Change> all = edgeGroups();
        // all at once, and splittings whose every step ends with results that fit (a group's sum after a step
        // is a result: MAX + MAX - 1 is not, so no step ends after the second change of a group)
        List<List<Integer>> splittings = List.of(List.of(8), List.of(1, 2, 1, 1, 2, 1), List.of(3, 4, 1), List.of(4, 1, 2, 1), List.of(1, 4, 3));
        for (List<Integer> sizes : splittings) {
            try (CircuitTestDriver<Io> run = WorkersTest.lockstep(AggregateOverflowTest::linearAggregates)) {
                int from = 0;
                for (int size : sizes) {
                    List<Change> step = all.subList(from, from + size);
                    run.push(io -> step.forEach(c -> WorkersTest.push(io, c)));
                    from += size;
                    run.step();
                }
                IndexedZSetOutput<?, ?> count = (IndexedZSetOutput<?, ?>) run.io().outputs().get(0);
                IndexedZSetOutput<?, ?> sum = (IndexedZSetOutput<?, ?>) run.io().outputs().get(1);
                IndexedZSetOutput<?, ?> avg = (IndexedZSetOutput<?, ?>) run.io().outputs().get(2);
                assertEquals(Map.of(List.of(1L, 5L), 1L, List.of(2L, 1L), 1L), rows(count), "counts, steps " + sizes);
                assertEquals(Map.of(List.of(1L, 7L), 1L, List.of(2L, 9L), 1L), rows(sum), "sums, steps " + sizes);
                assertEquals(Map.of(List.of(1L, 1L), 1L, List.of(2L, 9L), 1L), rows(avg), "averages, steps " + sizes);
            }
        }
    }

    @Test
    void aCountWhosePartialCountsOverflowIsTheSameOnEveryWorkerCount() {
        try (CircuitTestDriver<Io> run = WorkersTest.lockstep(b -> {
            IndexedZSetInput<Object, Object> in = b.indexedInput("values", Shape.LONG_KEYS_LONG_VALUES.layout);
            return new Io(List.of(in), null, List.of(Aggregates.count(in.stream()).output()), List.of(), null);
        })) {
            run.push(io -> WorkersTest.push(io, new Change(0, 3L, 10L, MAX)));
            run.push(io -> WorkersTest.push(io, new Change(0, 3L, 11L, 1)));
            run.push(io -> WorkersTest.push(io, new Change(0, 3L, 12L, -MAX)));
            run.push(io -> WorkersTest.push(io, new Change(0, 3L, 13L, 1)));
            run.step();
            assertEquals(Map.of(List.of(3L, 2L), 1L), rows((IndexedZSetOutput<?, ?>) run.io().outputs().get(0)));
        }
    }

    @Test
    void aSumThatDoesNotFitFailsOnEveryWorkerCountWithTheSameMessage() {
        List<String> messages = new ArrayList<>();
        for (int w : WORKERS) {
            try (CircuitHandle<Io> h = Circuit.build(CircuitConfig.defaults().withWorkers(w), AggregateOverflowTest::linearAggregates)) {
                IndexedZSetInput<Object, Object> in = h.io().indexed().get(0);
                in.push(4L, MAX - 1, 1);
                in.push(4L, 5L, 1);
                in.push(4L, -3L, 1);
                CircuitException e = assertThrows(CircuitException.class, h::step, w + " workers");
                assertTrue(e.operator().startsWith("sum"), e.operator());
                assertTrue(e.getCause() instanceof ArithmeticException, String.valueOf(e.getCause()));
                messages.add(e.getCause().getMessage());
            }
        }
        assertTrue(messages.get(0).contains("group 4") && messages.get(0).contains("9223372036854775808"), messages.get(0));
        assertEquals(List.of(messages.get(0), messages.get(0), messages.get(0)), messages);
    }

    @Test
    void weightTimesValueBeyondALongInAGroupThatFitsIsExact() {
        try (CircuitTestDriver<Io> run = WorkersTest.lockstep(AggregateOverflowTest::linearAggregates)) {
            run.push(io -> WorkersTest.push(io, new Change(0, 5L, MAX, 3)));
            run.push(io -> WorkersTest.push(io, new Change(0, 5L, MAX - 1, -3)));
            run.push(io -> WorkersTest.push(io, new Change(0, 5L, 0L, 1)));
            run.step();
            assertEquals(Map.of(List.of(5L, 3L), 1L), rows((IndexedZSetOutput<?, ?>) run.io().outputs().get(1)));
        }
    }

    /** A windowed sum over events of one key and one window, on 1 and 2 workers. */
    private static Io windowedSum(CircuitBuilder b) {
        ZSetInput<Ev> events = b.zsetInput("events");
        Watermark wm = Watermarks.watermark(events.stream(), Ev::time, 0);
        return new Io(List.of(), events, List.of(WindowedAggregates.aggregate(events.stream(), Ev::key, Ev::time,
                Windows.tumbling(1_000), wm, 0, WindowAggregate.sum(Ev::price)).stream().output()), List.of(), wm);
    }

    @Test
    void aWindowedSumThatFitsOnlyAtTheEndIsTheSameOnEveryWorkerCountAndStepSplitting() {
        long[] prices = {MAX, MAX - 1, -MAX, -(MAX - 1), 7};
        for (List<Integer> sizes : List.of(List.of(5), List.of(2, 2, 1), List.of(1, 1, 1, 1, 1), List.of(3, 2))) {
            try (CircuitTestDriver<Io> run = WorkersTest.lockstep(AggregateOverflowTest::windowedSum)) {
                int from = 0;
                for (int size : sizes) {
                    for (int i = from; i < from + size; i++) {
                        Ev e = new Ev(i, 1, 100 + i, prices[i]);
                        run.push(io -> io.events().push(e, 1));
                    }
                    from += size;
                    run.step();
                }
                run.push(io -> io.watermark().endOfInput());
                run.step();
                Map<Object, Long> rows = new HashMap<>();
                ((org.jdbsp.circuit.ZSetOutput<?>) run.io().outputs().get(0)).integral().forEach(rows::put);
                assertEquals(Map.of(new WindowResult<>(1L, 0, 1_000, 7L), 1L), rows, "steps " + sizes);
            }
        }
    }

    @Test
    void aWindowedSumThatDoesNotFitFailsOnEveryWorkerCountNamingTheKeyAndTheWindow() {
        List<String> messages = new ArrayList<>();
        for (int w : WORKERS) {
            try (CircuitHandle<Io> h = Circuit.build(CircuitConfig.defaults().withWorkers(w), AggregateOverflowTest::windowedSum)) {
                h.io().events().push(new Ev(1, 6, 100, MAX), 1);
                h.io().events().push(new Ev(2, 6, 200, 2), 1);
                h.step();
                h.io().watermark().endOfInput();
                CircuitException e = assertThrows(CircuitException.class, h::step, w + " workers");
                assertTrue(e.operator().startsWith("windowAggregate"), e.operator());
                assertNotNull(e.getCause());
                messages.add(e.getCause().getMessage());
            }
        }
        assertTrue(messages.get(0).contains("key 6") && messages.get(0).contains("[0, 1000)")
                && messages.get(0).contains("9223372036854775809"), messages.get(0));
        assertEquals(List.of(messages.get(0), messages.get(0), messages.get(0)), messages);
    }

    private static Map<Object, Long> rows(IndexedZSetOutput<?, ?> o) {
        Map<Object, Long> m = new HashMap<>();
        o.integral().forEach((k, v, w) -> m.put(List.of(k, v), w));
        return m;
    }

}
