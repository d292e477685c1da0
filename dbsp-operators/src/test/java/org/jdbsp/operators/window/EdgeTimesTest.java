package org.jdbsp.operators.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitException;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.operators.time.LateFilter;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.time.Watermarks;
import org.jdbsp.operators.window.Events.Bid;
import org.jdbsp.operators.window.Events.Op;
import org.jdbsp.operators.window.WindowedAggregatesTest.Agg;
import org.jdbsp.operators.window.WindowedAggregatesTest.Io;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jdbsp.testkit.Steps;
import org.jdbsp.testkit.Trials;

/**
 * Event times at and near Long.MIN_VALUE and Long.MAX_VALUE: window assignment, windowed aggregates closing by
 * the watermark, lateness, on 1 and 2 workers, against {@link NaiveWindows} (whose arithmetic is exact).
 */
class EdgeTimesTest {
    private static final long MIN = Long.MIN_VALUE;
    private static final long MAX = Long.MAX_VALUE;
    private static final int[] WORKERS = {1, 2};

    /** Tumbling windows aligned on Long.MIN_VALUE, hopping windows whose slide does not divide their size, sessions. */
    static List<Object> windowKinds() {
        return List.of(Windows.tumbling(1_024), Windows.hopping(1_000, 384), Windows.session(400), Windows.sessionInclusive(400));
    }

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Object w : windowKinds()) {
            for (Agg a : WindowedAggregatesTest.aggregates()) {
                out.add(Arguments.of(w, a, "MIN"));
                out.add(Arguments.of(w, a, "MAX"));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static CircuitHandle<Io> circuit(int workers, Object windows, WindowAggregate<Bid, ?> aggregator, long lateness) {
        return Circuit.build(CircuitConfig.defaults().withWorkers(workers), b -> {
            ZSetInput<Bid> in = b.zsetInput("bids");
            Watermark wm = Watermarks.watermark(in.stream(), Bid::time, WindowedAggregatesTest.DELAY);
            WindowAggregate<Bid, Object> a = (WindowAggregate<Bid, Object>) aggregator;
            WindowAggregation<Long, Object> agg = windows instanceof TimeWindows t
                    ? WindowedAggregates.aggregate(in.stream(), Bid::key, Bid::time, t, wm, lateness, a)
                    : WindowedAggregates.aggregate(in.stream(), Bid::key, Bid::time, (SessionWindows) windows, wm, lateness, a);
            return new Io(in, wm, agg, agg.stream().output());
        });
    }

    private static Map<WindowResult<Long, Object>, Long> expected(NaiveWindows ref, Object windows, Agg a) {
        if (windows instanceof TimeWindows t) {
            return ref.fixed(t.size(), t.slide(), a.naive());
        }
        SessionWindows s = (SessionWindows) windows;
        return ref.sessions(s.gap(), s.inclusive(), a.naive());
    }

    /**
     * Moves the random events' times (about 7,500 to 23,000) to an edge: near MAX they end at MAX (the later half
     * clamped there), near MIN they start at the windows' earliest time (the earlier ones clamped there).
     */
    private static LongUnaryOperator toEdge(String edge, Object windows) {
        if (edge.equals("MAX")) {
            return t -> t >= 15_000 ? MAX : MAX - 15_000 + t;
        }
        long earliest = windows instanceof TimeWindows t ? t.earliestTime() : MIN;
        return t -> t <= 9_000 ? earliest : earliest + (t - 9_000);
    }

    @ParameterizedTest(name = "{0} {1} near {2}")
    @MethodSource("cases")
    @Timeout(120)
    void nearTheEdgesOfLongTheIntegralEqualsNaiveWindowsOnOneAndTwoWorkers(Object windows, Agg a, String edge) {
        LongUnaryOperator time = toEdge(edge, windows);
        Trials.run(windows + " " + a + " near " + edge, 3, r -> {
            long lateness = r.nextBoolean() ? 0 : 700;
            List<Op> ops = new ArrayList<>();
            for (Op op : Events.random(r, 20 + r.nextInt(60), 1 + r.nextInt(4), 2_500)) {
                Bid b = op.bid();
                ops.add(new Op(new Bid(b.id(), b.key(), time.applyAsLong(b.time()), b.price()), op.weight()));
            }
            for (int workers : WORKERS) {
                for (int stepSize : Steps.SIZES) {
                    try (CircuitHandle<Io> h = circuit(workers, windows, a.aggregator(), lateness)) {
                        WindowedAggregatesTest.checkAgainstNaive(h, ops, stepSize, lateness, ref -> expected(ref, windows, a),
                                workers + " workers, ");
                    }
                }
            }
        });
    }

    @Test
    @Timeout(30)
    void assignGivesEveryWindowOfATimeAtTheEdgesOfLong() {
        for (TimeWindows windows : List.of(Windows.tumbling(1_024), Windows.tumbling(1_000), Windows.hopping(10, 3),
                Windows.hopping(1_000, 384), Windows.tumbling(MAX), Windows.hopping(MAX, MAX / 2))) {
            long e = windows.earliestTime();
            record Io(ZSetInput<Long> in, ZSetOutput<Windowed<Long>> out) {}
            try (CircuitHandle<Io> h = Circuit.build(b -> {
                ZSetInput<Long> in = b.zsetInput("times");
                return new Io(in, windows.assign(in.stream(), t -> t).output());
            })) {
                Map<Windowed<Long>, Long> expected = new HashMap<>();
                for (long t : new long[] {MAX, MAX - 1, MAX - 2, e, e + 1, e + 2}) {
                    h.io().in().push(t);
                    expectedWindows(windows, t).forEach(w -> expected.merge(w, 1L, Long::sum));
                }
                h.step();
                assertEquals(expected, h.io().out().integral().toMap(), windows.toString());
            }
        }
    }

    /** The windows of {@code t}, exactly: every multiple s of the slide with s <= t < s + size, its end clamped to MAX. */
    private static List<Windowed<Long>> expectedWindows(TimeWindows windows, long t) {
        List<Windowed<Long>> out = new ArrayList<>();
        BigInteger time = BigInteger.valueOf(t);
        BigInteger size = BigInteger.valueOf(windows.size());
        BigInteger slide = BigInteger.valueOf(windows.slide());
        BigInteger s = time.subtract(time.mod(slide));
        for (; s.compareTo(time.subtract(size)) > 0; s = s.subtract(slide)) {
            assertTrue(s.compareTo(BigInteger.valueOf(MIN)) >= 0, "a window of " + t + " starts before MIN in " + windows);
            out.add(new Windowed<>(s.longValueExact(), s.add(size).min(BigInteger.valueOf(MAX)).longValueExact(), t));
        }
        return out;
    }

    @Test
    void theEarliestTimeIsTheFirstWhoseWindowsAllStartAtOrAfterMin() {
        for (TimeWindows windows : List.of(Windows.tumbling(1_024), Windows.tumbling(1_000), Windows.hopping(10, 3), Windows.hopping(1_000, 384))) {
            long e = windows.earliestTime();
            assertTrue(firstStartExactly(windows, e).compareTo(BigInteger.valueOf(MIN)) >= 0, windows + ": " + e);
            assertTrue(e == MIN || firstStartExactly(windows, e - 1).compareTo(BigInteger.valueOf(MIN)) < 0, windows + ": " + e);
            assertTrue(windows.firstStart(e) >= MIN && windows.firstStart(e) <= e, windows.toString());
            if (e > MIN) {
                IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> windows.firstStart(e - 1));
                assertTrue(x.getMessage().contains(Long.toString(e - 1)), x.getMessage());
            }
        }
        assertEquals(MIN, Windows.tumbling(1_024).earliestTime());
        assertEquals(MIN, Windows.tumbling(1_024).firstStart(MIN));
    }

    private static BigInteger firstStartExactly(TimeWindows windows, long t) {
        BigInteger time = BigInteger.valueOf(t);
        BigInteger slide = BigInteger.valueOf(windows.slide());
        BigInteger s = time.subtract(time.mod(slide));
        while (s.subtract(slide).compareTo(time.subtract(BigInteger.valueOf(windows.size()))) > 0) {
            s = s.subtract(slide);
        }
        return s;
    }

    @Test
    void aRecordWhoseWindowWouldStartBeforeMinFailsTheStepNamingItsTime() {
        for (int workers : WORKERS) {
            try (CircuitHandle<Io> h = circuit(workers, Windows.tumbling(1_000), WindowAggregate.count(), 0)) {
                h.io().in().push(new Bid(1, 3, MIN + 5, 1), 1);
                CircuitException e = assertThrows(CircuitException.class, h::step);
                assertTrue(e.operator().startsWith("windowAggregate"), e.operator());
                assertTrue(e.getCause().getMessage().contains("event time " + (MIN + 5)), e.getCause().getMessage());
            }
            record Io(ZSetInput<Long> in, ZSetOutput<Windowed<Long>> out) {}
            try (CircuitHandle<Io> h = Circuit.build(CircuitConfig.defaults().withWorkers(workers), b -> {
                ZSetInput<Long> in = b.zsetInput("times");
                return new Io(in, Windows.hopping(10, 3).assign(in.stream(), t -> t).output());
            })) {
                h.io().in().push(MIN);
                CircuitException e = assertThrows(CircuitException.class, h::step);
                assertTrue(e.getCause().getMessage().contains("event time " + MIN), e.getCause().getMessage());
            }
        }
    }

    @Test
    @Timeout(30)
    void afterTheWatermarkReachesMaxEveryRecordIsLate() {
        for (int workers : WORKERS) {
            record Io(ZSetInput<Long> in, Watermark wm, LateFilter<Long> late, ZSetOutput<Long> out, WindowAggregation<Long, Long> agg,
                      ZSetOutput<WindowResult<Long, Long>> rows) {}
            try (CircuitHandle<Io> h = Circuit.build(CircuitConfig.defaults().withWorkers(workers), b -> {
                ZSetInput<Long> in = b.zsetInput("times");
                Watermark wm = Watermarks.watermark(in.stream(), t -> t, 0);
                LateFilter<Long> late = Watermarks.dropLate(in.stream(), wm, t -> t, 5);
                WindowAggregation<Long, Long> agg = WindowedAggregates.aggregate(in.stream(), t -> 0L, t -> t, Windows.tumbling(1_000), wm, 5,
                        WindowAggregate.count());
                return new Io(in, wm, late, late.stream().output(), agg, agg.stream().output());
            })) {
                h.io().in().push(MAX - 1);
                h.io().in().push(MAX);
                h.step();
                assertEquals(MAX, h.io().wm().current(), "a record at MAX with no delay: the end of time");
                long start = Math.floorDiv(MAX, 1_000) * 1_000;
                assertEquals(Map.of(new WindowResult<>(0L, start, MAX, 2L), 1L), h.io().rows().integral().toMap(),
                        "the last window ends at MAX and closes at the end of time");
                assertEquals(0, h.io().agg().stateTuples(), "the end of time drops all windowed state");
                h.io().in().push(MAX);
                h.io().in().push(MAX - 3);
                h.step();
                assertEquals(Map.of(MAX - 1, 1L, MAX, 1L), h.io().out().integral().toMap(), workers + " workers");
                assertEquals(2, h.io().late().dropped());
                assertEquals(2, h.io().agg().droppedLate());
                assertTrue(h.io().rows().delta().isEmpty());
            }
        }
    }

    @Test
    void aWatermarkThatWouldPassMinStaysThereAndDropsNothing() {
        for (int workers : WORKERS) {
            record Io(ZSetInput<Long> in, Watermark wm, LateFilter<Long> late, ZSetOutput<Long> out) {}
            try (CircuitHandle<Io> h = Circuit.build(CircuitConfig.defaults().withWorkers(workers), b -> {
                ZSetInput<Long> in = b.zsetInput("times");
                Watermark wm = Watermarks.watermark(in.stream(), t -> t, 10);
                LateFilter<Long> late = Watermarks.dropLate(in.stream(), wm, t -> t, 3);
                return new Io(in, wm, late, late.stream().output());
            })) {
                h.io().in().push(MIN + 1);
                h.step();
                assertEquals(MIN, h.io().wm().current());
                h.io().in().push(MIN + 12);
                h.step();
                assertEquals(MIN + 2, h.io().wm().current());
                h.io().in().push(MIN);
                h.step();
                assertEquals(0, h.io().late().dropped(), "MIN is not below MIN + 2 - 3, which saturates at MIN");
                assertEquals(3, h.io().out().integral().size());
            }
        }
    }
}
