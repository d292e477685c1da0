package org.jdbsp.operators.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.SplitInput;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.testkit.Trials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Watermarks#watermark(List, long)}, the watermark of several streams read in place, against the same
 * watermark built the long way: each stream mapped to its event times, the streams of times added, and the
 * one-stream watermark of the sum. Both must agree after every step, on 1 to 3 workers, also when a time is
 * inserted in one stream and retracted in another in the same step (its total weight decides).
 */
class MultiStreamWatermarkTest {
    /** A record of the first stream. */
    record Person(long id, long time) {}

    /** A record of the second stream. */
    record Bid(long id, long time) {}

    record Io(SplitInput<Object> in, Watermark direct, Watermark viaTimes) {}

    static CircuitHandle<Io> circuit(int workers) {
        return Circuit.build(CircuitConfig.defaults().withWorkers(workers).withName("multi-wm-" + workers), b -> {
            SplitInput<Object> in = b.splitInput("events");
            ZSetStream<Person> persons = in.part(Person.class);
            ZSetStream<Bid> bids = in.part(Bid.class);
            Watermark direct = Watermarks.watermark(
                    List.of(EventTimes.of(persons, Person::time), EventTimes.of(bids, Bid::time)), 100);
            ZSetStream<Long> times = persons.mapToLong(Person::time).plus(bids.mapToLong(Bid::time));
            Watermark viaTimes = Watermarks.watermark(times, t -> t, 100);
            return new Io(in, direct, viaTimes);
        });
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void readingTheStreamsInPlaceGivesTheWatermarkOfTheSumOfTheirTimes() {
        Trials.run("multiStreamWatermark", 20, random -> {
            for (int workers = 1; workers <= 3; workers++) {
                try (CircuitHandle<Io> h = circuit(workers)) {
                    long base = 0;
                    for (int step = 0; step < 12; step++) {
                        pushStep(h.io().in(), random, base);
                        base += random.nextInt(400);
                        h.step();
                        assertEquals(h.io().viaTimes().current(), h.io().direct().current(),
                                "watermark after step " + step + " on " + workers + " workers");
                    }
                }
            }
        });
    }

    /** Some records around {@code base}, where a recent time is often inserted in one stream and retracted in the other. */
    private static void pushStep(SplitInput<Object> in, SplittableRandom random, long base) {
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            long time = base + random.nextInt(500);
            long id = random.nextInt(4);
            long weight = random.nextInt(3) - 1;
            if (weight == 0) {
                // the same time in both streams with opposite weights: a total of 0 or (twice) of one sign
                long w = random.nextBoolean() ? 1 : -1;
                in.push(new Person(id, time), w);
                in.push(new Bid(id, time), random.nextBoolean() ? -w : w);
            } else if (random.nextBoolean()) {
                in.push(new Person(id, time), weight);
            } else {
                in.push(new Bid(id, time), weight);
            }
        }
    }

    @Test
    void aWatermarkOfNoStreamOrANegativeDelayIsRefused() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> circuitWith(List.of(), 0));
        assertEquals("a watermark needs at least one stream", none.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> circuitWith(null, -1));
        assertEquals("delay must not be negative: -1", negative.getMessage());
    }

    /** Builds a circuit with the watermark of {@code sources} (the persons of a split input when null). */
    private static void circuitWith(List<EventTimes<?>> sources, long delay) {
        Circuit.build(CircuitConfig.defaults(), b -> {
            SplitInput<Object> in = b.splitInput("events");
            ZSetStream<Person> persons = in.part(Person.class);
            return Watermarks.watermark(sources != null ? sources : List.of(EventTimes.of(persons, Person::time)), delay);
        }).close();
    }
}
