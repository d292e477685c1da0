package org.jdbsp.operators.time;

import org.jdbsp.circuit.spi.Wiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.circuit.CircuitException;
import org.jdbsp.operators.join.Joins;
import org.jdbsp.operators.window.WindowAggregation;
import org.jdbsp.operators.window.WindowResult;
import org.jdbsp.operators.window.WindowedAggregates;
import org.jdbsp.operators.window.Windows;
import org.junit.jupiter.api.Test;
import org.jdbsp.testkit.Steps;
import org.jdbsp.testkit.Trials;

/** The watermark operator, the late-record filter and watermark-driven trace garbage collection. */
class WatermarksTest {
    /** An event: a distinct id and an event time. */
    record Ev(long id, long time) {}

    record Io(ZSetInput<Ev> in, Watermark wm, ZSetOutput<Long> wmOut, LateFilter<Ev> late, ZSetOutput<Ev> kept) {}

    static CircuitHandle<Io> circuit(long delay, long lateness) {
        return circuit(delay, lateness, CircuitConfig.defaults());
    }

    static CircuitHandle<Io> circuit(long delay, long lateness, CircuitConfig config) {
        return Circuit.build(config, b -> {
            ZSetInput<Ev> in = b.zsetInput("events");
            Watermark wm = Watermarks.watermark(in.stream(), Ev::time, delay);
            LateFilter<Ev> late = Watermarks.dropLate(in.stream(), wm, Ev::time, lateness);
            return new Io(in, wm, wm.stream().output(), late, late.stream().output());
        });
    }

    @Test
    void watermarkIsTheLargestInsertedTimeMinusTheDelayAndNeverDecreases() {
        try (CircuitHandle<Io> h = circuit(4_000, 0)) {
            h.step();
            assertEquals(Watermark.NONE, h.io().wm().current(), "no record, no watermark");
            assertTrue(h.io().wmOut().integral().isEmpty());
            h.io().in().push(new Ev(1, 10_000));
            h.step();
            assertEquals(6_000, h.io().wm().current());
            assertEquals(Map.of(6_000L, 1L), h.io().wmOut().integral().toMap());
            h.io().in().push(new Ev(2, 8_000));
            h.io().in().push(new Ev(1, 10_000), -1);
            h.step();
            assertEquals(6_000, h.io().wm().current(), "neither an earlier time nor a retraction lowers it");
            assertTrue(h.io().wmOut().delta().isEmpty());
            h.io().in().push(new Ev(3, 12_500));
            h.step();
            assertEquals(Map.of(6_000L, -1L, 8_500L, 1L), h.io().wmOut().delta().toMap());
            h.io().wm().advanceTo(9_000);
            h.step();
            assertEquals(9_000, h.io().wm().current(), "an explicit progress signal");
            h.io().wm().endOfInput();
            h.step();
            assertEquals(Long.MAX_VALUE, h.io().wm().current());
            assertEquals(Map.of(Long.MAX_VALUE, 1L), h.io().wmOut().integral().toMap());
        }
    }

    @Test
    void onTwoWorkersARecordInsertedAndRetractedInOneStepDoesNotMoveTheWatermark() {
        // Pushes are cut by position: worker 0 gets the insertion at 10,000, worker 1 its retraction and a record
        // at 7,000. One worker would see only the record at 7,000.
        try (CircuitHandle<Io> h = circuit(1_000, 0, CircuitConfig.defaults().withWorkers(2).withName("wm-cancel"))) {
            h.io().in().push(new Ev(1, 10_000), 1);
            h.io().in().push(new Ev(1, 10_000), -1);
            h.io().in().push(new Ev(2, 7_000), 1);
            h.step();
            assertEquals(6_000, h.io().wm().current(), "the cancelled record's time does not count");
            h.io().in().push(new Ev(3, 9_000), 1);
            h.io().in().push(new Ev(4, 8_000), 1);
            h.step();
            assertEquals(8_000, h.io().wm().current(), "records inserted on either worker count");
            h.io().in().push(new Ev(4, 8_000), -1);
            h.io().in().push(new Ev(5, 9_500), 1);
            h.step();
            assertEquals(8_500, h.io().wm().current(), "an older retraction does not hide a newer insertion");
        }
    }

    @Test
    void onTwoWorkersLateRecordsAreCountedAsOneWorkerWouldWheneverTheCountIsRead() {
        // Each step pushes, cut by position: a late record inserted and a fresh record that moves the watermark
        // (worker 0), the late record retracted and another late record (worker 1). One worker would count
        // one late record per step. Read every step, every 10th step, or only at the end (past the periodic
        // settling rounds), the count is the same.
        for (int readEvery : new int[] {1, 10, 1_000}) {
            try (CircuitHandle<Io> h = circuit(0, 0, CircuitConfig.defaults().withWorkers(2).withName("late-" + readEvery))) {
                h.io().in().push(new Ev(0, 1_000));
                h.step();
                int steps = 150;
                for (int s = 1; s <= steps; s++) {
                    h.io().in().push(new Ev(2 * s, 0), 1);
                    h.io().in().push(new Ev(-s, 1_000 + s), 1);
                    h.io().in().push(new Ev(2 * s, 0), -1);
                    h.io().in().push(new Ev(2 * s + 1, 1), 1);
                    h.step();
                    if (s % readEvery == 0) {
                        assertEquals(s, h.io().late().dropped(), "after step " + s + ", reading every " + readEvery);
                    }
                }
                assertEquals(steps, h.io().late().dropped(), "reading every " + readEvery);
                assertEquals(steps + 1, h.io().kept().integral().toMap().size(), "only the fresh records are kept");
            }
        }
    }

    @Test
    void onTwoWorkersTheLateCountCannotBeReadDuringAStep() {
        record InspectIo(ZSetInput<Ev> in, LateFilter<Ev> late) {}
        try (CircuitHandle<InspectIo> h = Circuit.build(CircuitConfig.defaults().withWorkers(2).withName("late-inspect"), b -> {
            ZSetInput<Ev> in = b.zsetInput("events");
            Watermark wm = Watermarks.watermark(in.stream(), Ev::time, 0);
            LateFilter<Ev> late = Watermarks.dropLate(in.stream(), wm, Ev::time, 0);
            late.stream().inspect(z -> late.dropped());
            return new InspectIo(in, late);
        })) {
            h.io().in().push(new Ev(1, 1_000));
            CircuitException e = assertThrows(CircuitException.class, h::step);
            assertTrue(e.getCause() instanceof IllegalStateException && e.getCause().getMessage().contains("between steps"),
                    String.valueOf(e.getCause()));
        }
    }

    @Test
    void dropLateKeepsExactlyTheRecordsNotOlderThanTheWatermarkBeforeTheStepMinusTheLateness() {
        for (long lateness : new long[] {0, 300}) {
            Trials.run("dropLate lateness " + lateness, 30, r -> {
                List<Ev> events = new ArrayList<>();
                long clock = 1_000;
                for (int i = 0; i < 60; i++) {
                    clock += r.nextInt(100);
                    events.add(new Ev(i, clock - r.nextInt(1_500)));
                }
                for (int stepSize : Steps.SIZES) {
                    try (CircuitHandle<Io> h = circuit(500, lateness)) {
                        long refWatermark = Long.MIN_VALUE;
                        long refMax = Long.MIN_VALUE;
                        long refDropped = 0;
                        Map<Ev, Long> refKept = new HashMap<>();
                        for (List<Ev> step : Steps.split(events, stepSize)) {
                            for (Ev e : step) {
                                h.io().in().push(e);
                                if (refWatermark != Long.MIN_VALUE && e.time() < refWatermark - lateness) {
                                    refDropped++;
                                } else {
                                    refKept.put(e, 1L);
                                }
                                refMax = Math.max(refMax, e.time());
                            }
                            refWatermark = Math.max(refWatermark, refMax - 500);
                            h.step();
                            assertEquals(refWatermark, h.io().wm().current());
                            assertEquals(refDropped, h.io().late().dropped());
                            assertEquals(refKept, h.io().kept().integral().toMap());
                        }
                    }
                }
            });
        }
    }

    @Test
    void forgetKeysBelowBoundsTheTraceOfATimeKeyedStream() {
        record GcIo(ZSetInput<Ev> in, IndexedZSetStream<Long, Ev> byTime, IndexedZSetStream<Long, Ev> unbounded) {}
        try (CircuitHandle<GcIo> h = Circuit.build(b -> {
            ZSetInput<Ev> in = b.zsetInput("events");
            Watermark wm = Watermarks.watermark(in.stream(), Ev::time, 1_000);
            IndexedZSetStream<Long, Ev> byTime = in.stream().indexByLong(e -> e.time() / 100 * 100, e -> e);
            Wiring.integralTrace(byTime);
            Watermarks.forgetKeysBelow(byTime, wm, 1_000);
            IndexedZSetStream<Long, Ev> unbounded = in.stream().indexByLong(Ev::id, e -> e);
            Wiring.integralTrace(unbounded);
            return new GcIo(in, byTime, unbounded);
        })) {
            long maxBounded = 0;
            for (int step = 0; step < 2_000; step++) {
                for (int i = 0; i < 10; i++) {
                    long id = step * 10L + i;
                    h.io().in().push(new Ev(id, id));
                }
                h.step();
                maxBounded = Math.max(maxBounded, Wiring.integralTrace(h.io().byTime()).stateTuples());
            }
            assertTrue(maxBounded < 6_000, "time-keyed trace stayed bounded: " + maxBounded);
            assertEquals(20_000, Wiring.integralTrace(h.io().unbounded()).stateTuples(), "the trace without a watermark keeps everything");
        }
    }

    @Test
    void forgetKeysBelowForgetsOnlyAtTheEndOfTheStepThatPassesTheKeys() {
        record JoinIo(ZSetInput<Ev> left, ZSetInput<Ev> right, Watermark wm, ZSetOutput<Long> out) {}
        try (CircuitHandle<JoinIo> h = Circuit.build(b -> {
            ZSetInput<Ev> left = b.zsetInput("left");
            ZSetInput<Ev> right = b.zsetInput("right");
            Watermark wm = Watermarks.watermark(left.stream(), Ev::time, 0);
            IndexedZSetStream<Long, Ev> l = left.stream().indexByLong(Ev::time, e -> e);
            IndexedZSetStream<Long, Ev> r = right.stream().indexByLong(Ev::time, e -> e);
            Watermarks.forgetKeysBelow(l, wm, 0);
            Watermarks.forgetKeysBelow(r, wm, 0);
            return new JoinIo(left, right, wm, Joins.join(l, r, (a, c) -> a.id() * 100 + c.id()).output());
        })) {
            h.io().left().push(new Ev(1, 100));
            h.step();
            assertEquals(100, h.io().wm().current());
            // the end of input moves the watermark past key 100 in the very step its partner arrives
            h.io().wm().endOfInput();
            h.io().right().push(new Ev(2, 100));
            h.step();
            assertEquals(Map.of(102L, 1L), h.io().out().delta().toMap(), "the step that passes a key still joins it");
            h.io().right().push(new Ev(3, 100));
            h.step();
            assertTrue(h.io().out().delta().isEmpty(), "later changes meet nothing: " + h.io().out().delta());
            h.io().left().push(new Ev(4, 100));
            h.step();
            assertTrue(h.io().out().delta().isEmpty(), "later changes meet nothing: " + h.io().out().delta());
            assertEquals(Map.of(102L, 1L), h.io().out().integral().toMap());
        }
    }

    /** An interval [from, to] of key {@code key}. */
    record Span(long key, long from, long to) {}

    @Test
    void forgetValuesBelowBoundsAnIntervalJoinKeyedByIdWithoutChangingItsResult() {
        record SpanIo(ZSetInput<Span> spans, ZSetInput<Ev> events, ZSetOutput<String> bounded, ZSetOutput<String> full,
                      IndexedZSetStream<Long, Span> spansById, IndexedZSetStream<Long, Ev> eventsById, IndexedZSetStream<Long, Span> fullSpans) {}
        try (CircuitHandle<SpanIo> h = Circuit.build(b -> {
            ZSetInput<Span> spans = b.zsetInput("spans");
            ZSetInput<Ev> events = b.zsetInput("events");
            Watermark wm = Watermarks.watermark(events.stream().map(Ev::time).plus(spans.stream().map(Span::from)), t -> t, 50);
            IndexedZSetStream<Long, Span> spansById = Watermarks.dropLate(spans.stream(), wm, Span::from, 0).stream()
                    .indexByLong(Span::key, s -> s);
            IndexedZSetStream<Long, Ev> eventsById = Watermarks.dropLate(events.stream(), wm, Ev::time, 0).stream()
                    .indexByLong(e -> e.id() % 37, e -> e);
            Watermarks.forgetValuesBelow(spansById, wm, Span::to, 0);
            Watermarks.forgetValuesBelow(eventsById, wm, Ev::time, 0);
            ZSetOutput<String> bounded = Joins.joinWhere(spansById, eventsById, (s, e) -> e.time() >= s.from() && e.time() <= s.to(),
                    (s, e) -> s + "~" + e).output();
            IndexedZSetStream<Long, Span> fullSpans = spans.stream().indexByLong(Span::key, s -> s);
            IndexedZSetStream<Long, Ev> fullEvents = events.stream().indexByLong(e -> e.id() % 37, e -> e);
            ZSetOutput<String> full = Joins.joinWhere(fullSpans, fullEvents, (s, e) -> e.time() >= s.from() && e.time() <= s.to(),
                    (s, e) -> s + "~" + e).output();
            return new SpanIo(spans, events, bounded, full, spansById, eventsById, fullSpans);
        })) {
            java.util.SplittableRandom r = new java.util.SplittableRandom(17);
            long maxState = 0;
            for (int step = 0; step < 1_500; step++) {
                long now = step * 10L;
                for (int i = 0; i < 4; i++) {
                    long id = step * 4L + i;
                    h.io().events().push(new Ev(id, now + r.nextInt(10)));
                }
                long from = now + r.nextInt(10);
                h.io().spans().push(new Span(r.nextInt(37), from, from + r.nextInt(40)));
                h.step();
                assertEquals(h.io().full().delta(), h.io().bounded().delta(), "step " + step);
                maxState = Math.max(maxState, Wiring.integralTrace(h.io().spansById()).stateTuples()
                        + Wiring.integralTrace(h.io().eventsById()).stateTuples());
            }
            assertTrue(h.io().full().integral().size() > 200, "the joins matched " + h.io().full().integral().size());
            assertEquals(1_500, Wiring.integralTrace(h.io().fullSpans()).stateTuples(), "without forgetting every span stays");
            assertTrue(maxState < 2_500, "the forgetting traces stay bounded: " + maxState + " tuples at most");
        }
    }

    record Stamped(long id, long time) {}

    record StampIo(ZSetInput<Long> clock, ZSetInput<Ev> in, Watermark now, ZSetOutput<Stamped> stamped,
                   ZSetOutput<WindowResult<Long, Long>> counts) {}

    static CircuitHandle<StampIo> stampCircuit() {
        return stampCircuit(CircuitConfig.defaults());
    }

    static CircuitHandle<StampIo> stampCircuit(CircuitConfig config) {
        return Circuit.build(config, b -> {
            ZSetInput<Long> clock = b.longZSetInput("clock");
            ZSetInput<Ev> in = b.zsetInput("events");
            Watermark now = Watermarks.watermark(clock.stream(), t -> t, 0);
            var stamped = Watermarks.stamp(in.stream(), now, (Ev e, long t) -> new Stamped(e.id(), t));
            WindowAggregation<Long, Long> counts = WindowedAggregates.count(stamped, s -> 0L, Stamped::time,
                    Windows.tumbling(1_000), now);
            return new StampIo(clock, in, now, stamped.output(), counts.stream().output());
        });
    }

    @Test
    void stampGivesEachRecordTheWatermarkOfItsStepAndProcessingTimeWindowsCloseWithTheClock() {
        try (CircuitHandle<StampIo> h = stampCircuit()) {
            h.io().clock().pushLong(5_200, 1);
            h.io().in().push(new Ev(1, 0));
            h.io().in().push(new Ev(2, 99_999));
            h.step();
            assertEquals(Map.of(new Stamped(1, 5_200), 1L, new Stamped(2, 5_200), 1L), h.io().stamped().delta().toMap(),
                    "the event times do not matter, the step's clock does");
            h.io().clock().pushLong(5_999, 1);
            h.io().in().push(new Ev(3, 0));
            h.step();
            assertEquals(Map.of(new Stamped(3, 5_999), 1L), h.io().stamped().delta().toMap());
            assertTrue(h.io().counts().delta().isEmpty(), "window [5,000, 6,000) is still open at 5,999");
            h.io().clock().pushLong(5_500, 1);
            h.io().in().push(new Ev(4, 0));
            h.step();
            assertEquals(Map.of(new Stamped(4, 5_999), 1L), h.io().stamped().delta().toMap(), "a clock going back is ignored");
            h.io().clock().pushLong(6_000, 1);
            h.step();
            assertEquals(Map.of(new WindowResult<>(0L, 5_000, 6_000, 4L), 1L), h.io().counts().delta().toMap(),
                    "a step without records still closes the windows the clock passed");
            h.io().clock().pushLong(6_001, 1);
            h.io().in().push(new Ev(5, 0));
            h.step();
            h.io().now().endOfInput();
            h.step();
            assertEquals(Map.of(new WindowResult<>(0L, 6_000, 7_000, 1L), 1L), h.io().counts().delta().toMap(),
                    "the end of input closes the open window");
        }
    }

    @Test
    void aRecordPushedAndRetractedInOneStepNeedsNoStampOnTwoWorkers() {
        // Two pushes, cut by position: the insertion on worker 0, the retraction on worker 1. Together they are
        // no record, as one worker would see, so the missing watermark does not matter.
        try (CircuitHandle<StampIo> h = stampCircuit(CircuitConfig.defaults().withWorkers(2).withName("stamp-cancel"))) {
            h.io().in().push(new Ev(1, 0), 1);
            h.io().in().push(new Ev(1, 0), -1);
            h.step();
            assertEquals(Map.of(), h.io().stamped().delta().toMap());
            h.io().in().push(new Ev(2, 0), 1);
            h.io().in().push(new Ev(3, 0), 1);
            CircuitException e = assertThrows(CircuitException.class, h::step);
            assertTrue(e.getCause().getMessage().contains("no value yet"), e.getCause().getMessage());
        }
    }

    @Test
    void stampingBeforeAnyTimeWasReadFails() {
        try (CircuitHandle<StampIo> h = stampCircuit()) {
            h.io().in().push(new Ev(1, 0));
            CircuitException e = assertThrows(CircuitException.class, h::step);
            assertTrue(e.getCause().getMessage().contains("no value yet"), e.getCause().getMessage());
        }
    }
}
