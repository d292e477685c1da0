package org.jdbsp.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jdbsp.bench.report.Progress;
import org.jdbsp.bench.report.StepLatencies;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.generator.NexmarkGenerator;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.nexmark.queries.NexmarkQueries;
import org.jdbsp.nexmark.queries.QueryCircuit;
import org.junit.jupiter.api.Test;

class RunLoopTest {
    private static final int EVENTS = 10_000;

    private final Progress progress = Progress.none(new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8));

    @Test
    void drivesEveryEventInBatchesThenFinishes() {
        Event[] events = events();
        try (QueryCircuit<?> q0 = QueryCircuit.start(NexmarkQueries.byName("q0"))) {
            long done = RunLoop.drive(q0, EventBatches.of(events), 3_000, progress, new StopSignal(), new StepLatencies());
            assertEquals(EVENTS, done);
            assertEquals(4 + 1, q0.steps()); // 3,000 + 3,000 + 3,000 + 1,000, then finish()
            long bids = 0;
            for (Event e : events) {
                bids += e instanceof Bid ? 1 : 0;
            }
            assertEquals(bids, q0.outputChanges());
            assertEquals(bids, q0.integral().size());
        }
    }

    @Test
    void aRequestedStopEndsTheLoopAfterTheCurrentStepWithoutFinishing() {
        StopSignal stop = new StopSignal();
        stop.request();
        try (QueryCircuit<?> q0 = QueryCircuit.start(NexmarkQueries.byName("q0"))) {
            assertEquals(RunLoop.STOPPED, RunLoop.drive(q0, EventBatches.of(events()), 3_000, progress, stop, new StepLatencies()));
            assertEquals(1, q0.steps());
        }
    }

    @Test
    void arrayBatchesAreSlicesInOrderAndSourceBatchesCopyThem() {
        Event[] events = events();
        try (EventBatches fromArray = EventBatches.of(events);
             EventBatches fromSource = EventBatches.of(NexmarkGenerator.create(config()), 4_000)) {
            int seen = 0;
            int n;
            while ((n = fromArray.next(4_000)) > 0) {
                assertEquals(seen, fromArray.offset());
                assertEquals(n, fromSource.next(4_000));
                for (int i = 0; i < n; i++) {
                    assertEquals(events[seen + i], fromArray.events()[fromArray.offset() + i]);
                    assertEquals(events[seen + i], fromSource.events()[fromSource.offset() + i]);
                }
                seen += n;
            }
            assertEquals(EVENTS, seen);
            assertEquals(0, fromSource.next(4_000));
        }
    }

    @Test
    void aStopWhileGeneratingReturnsNoEvents() {
        StopSignal stop = new StopSignal();
        stop.request();
        RunSettings s = new RunSettings(NexmarkQueries.all(), config(), 1, 1, 1_000, 1_000, true, null, null, null);
        assertNull(Pregenerator.generate(s, progress, stop));
    }

    private static GeneratorConfig config() {
        return GeneratorConfig.builder().maxEvents(EVENTS).build();
    }

    private static Event[] events() {
        Event[] events = new Event[EVENTS];
        try (NexmarkGenerator g = NexmarkGenerator.create(config())) {
            assertEquals(EVENTS, g.nextBatch(events));
        }
        return events;
    }
}
