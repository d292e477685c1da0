package org.jdbsp.operators.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedStream;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.junit.jupiter.api.Test;

/** The watermark operator, the late-record filter and watermark-driven trace garbage collection. */
class WatermarksTest {
    /** An event: a distinct id and an event time. */
    record Ev(long id, long time) {}

    record Io(ZSetInput<Ev> in, Watermark wm, ZSetOutput<Long> wmOut, LateFilter<Ev> late, ZSetOutput<Ev> kept) {}

    static CircuitHandle<Io> circuit(long delay, long lateness) {
        return Circuit.build(b -> {
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
    void dropLateKeepsExactlyTheRecordsNotOlderThanTheWatermarkBeforeTheStepMinusTheLateness() {
        for (long lateness : new long[] {0, 300}) {
            Trials.run("dropLate lateness " + lateness, 30, r -> {
                List<Ev> events = new ArrayList<>();
                long clock = 1_000;
                for (int i = 0; i < 60; i++) {
                    clock += r.nextInt(100);
                    events.add(new Ev(i, clock - r.nextInt(1_500)));
                }
                for (int stepSize : Trials.STEP_SIZES) {
                    try (CircuitHandle<Io> h = circuit(500, lateness)) {
                        long refWatermark = Long.MIN_VALUE;
                        long refMax = Long.MIN_VALUE;
                        long refDropped = 0;
                        Map<Ev, Long> refKept = new HashMap<>();
                        for (List<Ev> step : Trials.steps(events, stepSize)) {
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
        record GcIo(ZSetInput<Ev> in, IndexedStream<Long, Ev> byTime, IndexedStream<Long, Ev> unbounded) {}
        try (CircuitHandle<GcIo> h = Circuit.build(b -> {
            ZSetInput<Ev> in = b.zsetInput("events");
            Watermark wm = Watermarks.watermark(in.stream(), Ev::time, 1_000);
            IndexedStream<Long, Ev> byTime = in.stream().indexByLong(e -> e.time() / 100 * 100, e -> e);
            byTime.integralTrace();
            Watermarks.forgetKeysBelow(byTime, wm, 1_000);
            IndexedStream<Long, Ev> unbounded = in.stream().indexByLong(Ev::id, e -> e);
            unbounded.integralTrace();
            return new GcIo(in, byTime, unbounded);
        })) {
            long maxBounded = 0;
            for (int step = 0; step < 2_000; step++) {
                for (int i = 0; i < 10; i++) {
                    long id = step * 10L + i;
                    h.io().in().push(new Ev(id, id));
                }
                h.step();
                maxBounded = Math.max(maxBounded, h.io().byTime().integralTrace().stateTuples());
            }
            assertTrue(maxBounded < 6_000, "time-keyed trace stayed bounded: " + maxBounded);
            assertEquals(20_000, h.io().unbounded().integralTrace().stateTuples(), "the trace without a watermark keeps everything");
        }
    }
}
