package org.jdbsp.operators.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import org.jdbsp.operators.SumCount;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.CircuitMetrics;
import org.jdbsp.circuit.OperatorMetrics;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.time.Watermarks;
import org.jdbsp.operators.window.Events.Bid;
import org.jdbsp.operators.window.Events.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jdbsp.testkit.Steps;
import org.jdbsp.testkit.Trials;

/** Tumbling, hopping and session windowed aggregates against {@link NaiveWindows}. */
class WindowedAggregatesTest {
    static final long DELAY = 1_000;

    /** An aggregate under test: the operator's aggregator and the naive meaning over a group's records. */
    record Agg(String name, WindowAggregate<Bid, ?> aggregator, Function<List<Bid>, Object> naive) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Agg> aggregates() {
        return List.of(
                new Agg("count", WindowAggregate.count(), bids -> (long) bids.size()),
                new Agg("sum", WindowAggregate.sum(Bid::price), bids -> bids.stream().mapToLong(Bid::price).sum()),
                new Agg("max", WindowAggregate.max(Bid::price), bids -> bids.stream().mapToLong(Bid::price).max().getAsLong()),
                new Agg("min", WindowAggregate.min(Bid::price), bids -> bids.stream().mapToLong(Bid::price).min().getAsLong()),
                new Agg("custom", WindowAggregate.<Bid, String>of(m -> {
                    List<Long> prices = new ArrayList<>();
                    m.forEach((b, n) -> {
                        for (long i = 0; i < n; i++) {
                            prices.add(b.price());
                        }
                    });
                    return prices.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
                }), bids -> bids.stream().map(Bid::price).sorted().map(String::valueOf).collect(Collectors.joining(","))),
                new Agg("incremental", WindowAggregate.<Bid, long[], String>incremental(new SumCount(b -> ((Bid) b).price())),
                        bids -> bids.stream().mapToLong(Bid::price).sum() + "/" + bids.size()));
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        List<String> kinds = new ArrayList<>(kinds());
        kinds.addAll(longKeyKinds());
        for (String windows : kinds) {
            for (Agg a : aggregates()) {
                out.add(Arguments.of(windows, a));
            }
        }
        return out.stream();
    }

    record Io(ZSetInput<Bid> in, Watermark wm, WindowAggregation<Long, Object> agg, ZSetOutput<WindowResult<Long, Object>> out) {}

    @SuppressWarnings("unchecked")
    static CircuitHandle<Io> circuit(String windows, WindowAggregate<Bid, ?> aggregator, long lateness) {
        return circuit(CircuitConfig.defaults(), windows, aggregator, lateness);
    }

    @SuppressWarnings("unchecked")
    static CircuitHandle<Io> circuit(CircuitConfig config, String windows, WindowAggregate<Bid, ?> aggregator, long lateness) {
        return Circuit.build(config, b -> {
            ZSetInput<Bid> in = b.zsetInput("bids");
            Watermark wm = Watermarks.watermark(in.stream(), Bid::time, DELAY);
            WindowAggregate<Bid, Object> a = (WindowAggregate<Bid, Object>) aggregator;
            WindowAggregation<Long, Object> agg = switch (windows) {
                case "tumbling" -> WindowedAggregates.aggregate(in.stream(), Bid::key, Bid::time, Windows.tumbling(1_000), wm, lateness, a);
                case "hopping" -> WindowedAggregates.aggregate(in.stream(), Bid::key, Bid::time, Windows.hopping(1_000, 250), wm, lateness, a);
                case "tumbling by long" -> WindowedAggregates.aggregateByLong(in.stream(), Bid::key, Bid::time, Windows.tumbling(1_000), wm, lateness, a);
                case "hopping by long" -> WindowedAggregates.aggregateByLong(in.stream(), Bid::key, Bid::time, Windows.hopping(1_000, 250), wm, lateness, a);
                case "session" -> WindowedAggregates.aggregate(in.stream(), Bid::key, Bid::time, Windows.session(400), wm, lateness, a);
                default -> WindowedAggregates.aggregate(in.stream(), Bid::key, Bid::time, Windows.sessionInclusive(400), wm, lateness, a);
            };
            return new Io(in, wm, agg, agg.stream().output());
        });
    }

    static Map<WindowResult<Long, Object>, Long> expected(NaiveWindows ref, String windows, Agg a) {
        return switch (windows) {
            case "tumbling", "tumbling by long" -> ref.fixed(1_000, 1_000, a.naive);
            case "hopping", "hopping by long" -> ref.fixed(1_000, 250, a.naive);
            case "session" -> ref.sessions(400, a.naive);
            default -> ref.sessions(400, true, a.naive);
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void integralOfOutputEqualsNaiveWindowsOverAcceptedInput(String windows, Agg a) {
        Trials.run(windows + " " + a, 12, r -> {
            long lateness = r.nextBoolean() ? 0 : 700;
            List<Op> ops = Events.random(r, 20 + r.nextInt(60), 1 + r.nextInt(4), 2_500);
            for (int stepSize : Steps.SIZES) {
                try (CircuitHandle<Io> h = circuit(windows, a.aggregator, lateness)) {
                    checkAgainstNaive(h, ops, stepSize, lateness, ref -> expected(ref, windows, a), "");
                }
            }
        });
    }

    /**
     * Feeds {@code ops} to {@code h} in steps of {@code stepSize}, then the end of input, and after every step
     * compares the watermark, the rows and the late count with {@link NaiveWindows}; no state may be left.
     */
    static void checkAgainstNaive(CircuitHandle<Io> h, List<Op> ops, int stepSize, long lateness,
                                  Function<NaiveWindows, Map<WindowResult<Long, Object>, Long>> expected, String what) {
        NaiveWindows ref = new NaiveWindows(DELAY, lateness);
        List<List<Op>> steps = Steps.split(ops, stepSize);
        for (int s = 0; s <= steps.size(); s++) {
            boolean end = s == steps.size();
            List<Op> step = end ? List.of() : steps.get(s);
            for (Op op : step) {
                h.io().in().push(op.bid(), op.weight());
            }
            if (end) {
                h.io().wm().endOfInput();
            }
            h.step();
            ref.step(Events.net(step), end);
            String where = what + "step size " + stepSize + ", lateness " + lateness + ", after step " + s;
            assertEquals(ref.watermark, h.io().wm().current(), "watermark, " + where);
            assertEquals(expected.apply(ref), h.io().out().integral().toMap(), "rows, " + where);
            assertEquals(ref.dropped, h.io().agg().droppedLate(), "late records, " + where);
        }
        assertEquals(0, h.io().agg().stateTuples(), "state left after the end of input, " + what);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jdbsp.operators.window.WindowedAggregatesTest#kinds")
    void inOrderInputGivesExactlyTheBatchResultAndNeverRetracts(String windows) {
        Trials.run("in-order " + windows, 10, r -> {
            List<Op> ops = new ArrayList<>();
            long t = 5_000;
            for (int i = 0; i < 200; i++) {
                t += r.nextInt(200);
                ops.add(new Op(new Bid(i, r.nextInt(3), t, r.nextInt(50)), 1));
            }
            Agg count = aggregates().get(0);
            Map<WindowResult<Long, Object>, Long> batch = null;
            for (int stepSize : Steps.SIZES) {
                try (CircuitHandle<Io> h = circuit(windows, count.aggregator, 0)) {
                    for (List<Op> step : Steps.split(ops, stepSize)) {
                        step.forEach(op -> h.io().in().push(op.bid(), op.weight()));
                        h.step();
                        h.io().out().delta().forEach((row, w) -> assertTrue(w > 0, "retracted " + row));
                    }
                    h.io().wm().endOfInput();
                    h.step();
                    assertEquals(0, h.io().agg().droppedLate());
                    Map<WindowResult<Long, Object>, Long> result = h.io().out().integral().toMap();
                    if (batch == null) {
                        batch = result;
                        NaiveWindows ref = new NaiveWindows(DELAY, 0);
                        ref.step(Events.net(ops), true);
                        assertEquals(expected(ref, windows, count), batch);
                    } else {
                        assertEquals(batch, result, "steps of " + stepSize);
                    }
                }
            }
        });
    }

    static List<String> kinds() {
        return List.of("tumbling", "hopping", "session", "sessionInclusive");
    }

    /** Fixed-size windows keyed by the records' keys as primitive longs ({@link WindowedAggregates#aggregateByLong}). */
    static List<String> longKeyKinds() {
        return List.of("tumbling by long", "hopping by long");
    }

    @Test
    void lateRecordsAreDroppedAndCounted() {
        try (CircuitHandle<Io> h = circuit("tumbling", WindowAggregate.count(), 0)) {
            h.io().in().push(new Bid(1, 7, 20_500, 1), 1);
            h.step();
            assertEquals(19_500, h.io().wm().current());
            h.io().in().push(new Bid(2, 7, 19_499, 1), 1);
            h.io().in().push(new Bid(3, 7, 19_500, 1), 1);
            h.io().in().push(new Bid(4, 7, 100, 1), 2);
            h.step();
            assertEquals(3, h.io().agg().droppedLate(), "the bid at 19,499 and the two copies at 100");
            h.io().wm().endOfInput();
            h.step();
            assertEquals(Map.of(new WindowResult<>(7L, 19_000, 20_000, (Object) 1L), 1L,
                    new WindowResult<>(7L, 20_000, 21_000, (Object) 1L), 1L), h.io().out().integral().toMap());
        }
    }

    /**
     * Fixed-size windows and sessions share one lateness rule, that of {@link Watermarks#dropLate}, applied before
     * the records travel to their key's worker: late records never reach the window operator (its tuples in are
     * the on-time record and the watermark's change), and they are counted once on any number of workers.
     */
    @ParameterizedTest
    @MethodSource("kinds")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void lateRecordsAreDroppedBeforeTheExchangeByTheSharedLateFilter(String windows) {
        for (int workers : new int[] {1, 2}) {
            try (CircuitHandle<Io> h = circuit(CircuitConfig.defaults().withWorkers(workers), windows, WindowAggregate.count(), 0)) {
                h.io().in().push(new Bid(1, 7, 20_500, 1), 1);
                h.step();
                CircuitMetrics before = h.metrics();
                for (int i = 0; i < 100; i++) {
                    h.io().in().push(new Bid(100 + i, i, 100 + i, 1), 1);
                }
                h.io().in().push(new Bid(2, 7, 21_000, 1), 1);
                h.step();
                CircuitMetrics step = h.metrics().since(before);
                String kind = windows.startsWith("session") ? "sessionAggregate" : "windowAggregate";
                long windowIn = step.operators().stream().filter(m -> m.kind().equals(kind)).mapToLong(OperatorMetrics::tuplesIn).sum();
                long filterOut = step.operators().stream().filter(m -> m.kind().equals("dropLate")).mapToLong(OperatorMetrics::tuplesOut).sum();
                assertTrue(windowIn <= 1 + 2L * workers, workers + " workers: the window operator read " + windowIn + " tuples, late ones among them");
                assertEquals(1, filterOut, workers + " workers: what the late filter passed on");
                assertEquals(100, h.io().agg().droppedLate());
            }
        }
    }

    /**
     * A fixed-size window's groups are forgotten by the watermark's state GC, the strict operator that forgets
     * any keyed state with a time, once the watermark reaches the window's end plus the lateness, and not before.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fixedSizeWindowsAreForgottenByTheWatermarksStateGcAtTheirEndPlusTheLateness() {
        try (CircuitHandle<Io> h = circuit("tumbling", WindowAggregate.count(), 500)) {
            assertTrue(h.describe().toString().contains("forgetWindows"), "a state GC reads the watermark:\n" + h.describe());
            h.io().in().push(new Bid(1, 7, 1_500, 1), 1);
            h.step();
            h.io().in().push(new Bid(2, 8, 3_000, 1), 1);
            h.step();
            assertEquals(Map.of(new WindowResult<>(7L, 1_000, 2_000, (Object) 1L), 1L), h.io().out().delta().toMap());
            assertEquals(2, h.io().agg().stateTuples(), "watermark 2,000: [1,000, 2,000) is closed but may still change");
            h.io().in().push(new Bid(3, 8, 3_499, 1), 1);
            h.step();
            assertEquals(2, h.io().agg().stateTuples(), "watermark 2,499: one millisecond before its end plus the lateness");
            h.io().in().push(new Bid(4, 8, 3_500, 1), 1);
            h.step();
            assertEquals(1, h.io().agg().stateTuples(), "watermark 2,500: forgotten");
        }
    }

    @Test
    void recordsWithinTheAllowedLatenessUpdateAnEmittedRow() {
        try (CircuitHandle<Io> h = circuit("tumbling", WindowAggregate.count(), 2_000)) {
            h.io().in().push(new Bid(1, 7, 1_500, 1), 1);
            h.io().in().push(new Bid(2, 7, 3_100, 1), 1);
            h.step();
            WindowResult<Long, Object> one = new WindowResult<>(7L, 1_000, 2_000, 1L);
            assertEquals(Map.of(one, 1L), h.io().out().delta().toMap());
            h.io().in().push(new Bid(3, 7, 1_900, 1), 1);
            h.step();
            assertEquals(Map.of(one, -1L, new WindowResult<>(7L, 1_000, 2_000, (Object) 2L), 1L), h.io().out().delta().toMap());
            assertEquals(0, h.io().agg().droppedLate());
        }
    }

    @Test
    void inclusiveSessionsJoinRecordsExactlyAGapApartAndCloseOneMillisecondAfterTheirEnd() {
        for (String kind : List.of("session", "sessionInclusive")) {
            boolean inclusive = kind.equals("sessionInclusive");
            try (CircuitHandle<Io> h = circuit(kind, WindowAggregate.count(), 0)) {
                h.io().in().push(new Bid(1, 7, 10_000, 1), 1);
                h.io().in().push(new Bid(2, 7, 10_400, 1), 1);
                h.step();
                // watermark 10,400 - 1,000: nothing can close yet
                assertTrue(h.io().out().delta().isEmpty());
                h.io().in().push(new Bid(3, 5, 11_800, 1), 1);
                h.step();
                // watermark 10,800 = the end of the session [10,000, 10,800) of key 7, or of [10,400, 10,800)
                if (inclusive) {
                    assertTrue(h.io().out().delta().isEmpty(), "a record at 10,800 could still join it");
                } else {
                    assertEquals(Map.of(new WindowResult<>(7L, 10_000, 10_400, (Object) 1L), 1L,
                            new WindowResult<>(7L, 10_400, 10_800, (Object) 1L), 1L), h.io().out().delta().toMap());
                }
                h.io().in().push(new Bid(4, 5, 11_801, 1), 1);
                h.step();
                if (inclusive) {
                    assertEquals(Map.of(new WindowResult<>(7L, 10_000, 10_800, (Object) 2L), 1L), h.io().out().delta().toMap(),
                            "watermark 10,801 closes the session [10,000, 10,800)");
                } else {
                    assertTrue(h.io().out().delta().isEmpty());
                }
                h.io().wm().endOfInput();
                h.step();
                assertEquals(Map.of(new WindowResult<>(5L, 11_800, 12_201, (Object) 2L), 1L), h.io().out().delta().toMap(),
                        kind + ": 11,800 and 11,801 share a session either way");
                assertEquals(0, h.io().agg().stateTuples());
            }
        }
    }
}
