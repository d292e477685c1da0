package org.jdbsp.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbsp.circuit.RecursionTest.Edge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CircuitHandle#describe()}, {@link CircuitHandle#metrics()} and {@link CircuitHandle#onStep}: the
 * description of a recursive circuit nests its body and renders as well-formed DOT; the metrics of a known
 * circuit count exactly, on 1 and 2 workers; the listener sees every step; the threading contract holds.
 */
class CircuitInsightTest {
    record Io(ZSetInput<Long> numbers, ZSetOutput<Long> tens) {}

    /** numbers, keep the even ones, times ten, output; and the integral and the delay of the even ones (state). */
    private static CircuitHandle<Io> tens(int workers) {
        return Circuit.build(CircuitConfig.defaults().withWorkers(workers), c -> {
            ZSetInput<Long> numbers = c.longZSetInput("numbers");
            ZSetStream<Long> even = numbers.stream().filter(n -> n % 2 == 0).named("even");
            even.integrate();
            even.delay();
            return new Io(numbers, even.map(n -> n * 10).named("tens").output("tens out"));
        });
    }

    private static void pushRange(CircuitHandle<Io> h, long from, long to) {
        for (long n = from; n < to; n++) {
            h.io().numbers().push(n, 1);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void metricsCountTuplesExactlyAndTimeWithinTheSteps(int workers) {
        try (CircuitHandle<Io> h = tens(workers)) {
            long t0 = System.nanoTime();
            pushRange(h, 0, 10);
            h.step();
            pushRange(h, 10, 16);
            h.step();
            long elapsed = System.nanoTime() - t0;
            CircuitMetrics m = h.metrics();
            assertEquals(workers, m.workers());
            assertEquals(1, m.firstStep());
            assertEquals(2, m.lastStep());
            assertEquals(16, m.operator("input 'numbers'").tuplesOut());
            assertEquals(0, m.operator("input 'numbers'").tuplesIn());
            assertEquals(16, m.operator("even").tuplesIn());
            assertEquals(8, m.operator("even").tuplesOut());
            assertEquals(8, m.operator("tens").tuplesIn());
            assertEquals(8, m.operator("tens").tuplesOut());
            OperatorMetrics out = m.operator("output 'tens out'");
            assertEquals(8, out.tuplesIn());
            assertEquals(8, out.stateTuples(), "the output keeps its integral");
            OperatorMetrics integral = m.operators().stream().filter(o -> o.kind().equals("integrate")).findFirst().orElseThrow();
            assertEquals(8, integral.stateTuples(), "the integral holds the 8 even numbers");
            assertTrue(integral.stateBytes() >= 8 * Long.BYTES, integral.toString());
            assertEquals(h.stateTuples(), m.totalStateTuples());
            assertTrue(m.totalNanos() > 0);
            assertTrue(m.totalNanos() <= workers * elapsed, m.totalNanos() + " ns of operators in " + elapsed + " ns of steps");
            long perWorker = 0;
            for (int w = 0; w < workers; w++) {
                perWorker += m.worker(w).get(0).tuplesOut();
            }
            assertEquals(m.operators().get(0).tuplesOut(), perWorker, "the sum is the sum of the workers'");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void theListenerSeesEveryStepAndItsCountsAddUpToTheTotal(int workers) {
        try (CircuitHandle<Io> h = tens(workers)) {
            List<CircuitMetrics> seen = new ArrayList<>();
            h.onStep(seen::add);
            for (int s = 0; s < 5; s++) {
                pushRange(h, s * 7, s * 7 + 3 + s);
                h.step();
            }
            assertEquals(5, seen.size());
            long even = 0;
            for (int s = 0; s < 5; s++) {
                assertEquals(s + 1, seen.get(s).firstStep());
                assertEquals(s + 1, seen.get(s).lastStep());
                even += seen.get(s).operator("even").tuplesOut();
            }
            CircuitMetrics total = h.metrics();
            assertEquals(total.operator("even").tuplesOut(), even);
            assertEquals(total.operator("output 'tens out'").stateTuples(), seen.get(4).operator("output 'tens out'").stateTuples());
            h.onStep(null);
            h.step();
            assertEquals(5, seen.size());
        }
    }

    @Test
    void aListenerThatThrowsFailsTheCallNotTheCircuit() {
        try (CircuitHandle<Io> h = tens(1)) {
            IllegalStateException boom = new IllegalStateException("boom");
            h.onStep(m -> {
                throw boom;
            });
            assertSame(boom, assertThrows(IllegalStateException.class, h::step));
            assertEquals(CircuitState.RUNNING, h.state());
            h.onStep(null);
            pushRange(h, 0, 2);
            h.step();
            assertEquals(2, h.metrics().lastStep());
        }
    }

    @Test
    @Timeout(20)
    void metricsAreRefusedDuringAStep() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<CircuitHandle<?>> handle = new AtomicReference<>();
        AtomicReference<Throwable> fromInside = new AtomicReference<>();
        try (CircuitHandle<ZSetInput<Long>> h = Circuit.build(c -> {
            ZSetInput<Long> in = c.longZSetInput("in");
            in.stream().inspect(z -> {
                try {
                    handle.get().metrics();
                } catch (Throwable t) {
                    fromInside.set(t);
                }
                inStep.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return in;
        })) {
            handle.set(h);
            Thread stepper = new Thread(h::step, "stepper");
            stepper.start();
            assertTrue(inStep.await(10, TimeUnit.SECONDS));
            IllegalStateException e = assertThrows(IllegalStateException.class, h::metrics);
            assertTrue(e.getMessage().contains("metrics() while a step is running on thread stepper"), e.getMessage());
            release.countDown();
            stepper.join(10_000);
            assertTrue(fromInside.get() instanceof IllegalStateException, String.valueOf(fromInside.get()));
            assertTrue(fromInside.get().getMessage().contains("from inside a step"), fromInside.get().getMessage());
            assertEquals(1, h.metrics().lastStep());
        }
    }

    record Reach(ZSetInput<Edge> edges, ZSetOutput<Edge> reach) {}

    private static CircuitHandle<Reach> reachability(int workers) {
        return Circuit.build(CircuitConfig.defaults().withWorkers(workers).withName("reach"), c -> {
            ZSetInput<Edge> edges = c.zsetInput("edges", RecursionTest.ORDER);
            return new Reach(edges, RecursionTest.reachability(c, edges.stream()).output("reach"));
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aRecursiveBodyIsDescribedAndMeasuredNested(int workers) {
        try (CircuitHandle<Reach> h = reachability(workers)) {
            for (long n = 0; n < 5; n++) {
                h.io().edges().push(new Edge(n, n + 1), 1);
            }
            h.step();
            CircuitDescription d = h.describe();
            String text = d.toString();
            OperatorDescription recursive = d.operators().stream().filter(o -> o.kind().equals("recursive")).findFirst().orElseThrow();
            assertTrue(text.contains("\n    body of #" + recursive.id() + ", " + recursive.body().size() + " operators"), text);
            assertTrue(recursive.body().stream().anyMatch(o -> o.kind().equals("join")), text);
            assertTrue(recursive.body().stream().anyMatch(o -> o.notes().stream().anyMatch(n -> n.startsWith("import of #"))), text);
            assertTrue(recursive.body().stream().anyMatch(o -> o.kind().equals("variable")), text);
            assertTrue(text.contains("\n    #"), "body lines are indented: " + text);
            assertTrue(text.startsWith(workers == 1 ? "circuit 'reach': 1 worker, " : "circuit 'reach': 2 workers, each running"), text);
            String dot = d.toDot();
            DotCheck.check(dot);
            assertTrue(dot.contains("subgraph cluster_n" + recursive.id() + " {"), dot);

            CircuitMetrics m = h.metrics();
            String prefix = "#" + recursive.id() + "/";
            List<OperatorMetrics> body = m.operators().stream().filter(o -> o.id().startsWith(prefix)).toList();
            assertEquals(recursive.body().size(), body.size());
            assertTrue(body.stream().anyMatch(o -> o.kind().equals("join") && o.tuplesOut() > 0), body.toString());
            assertEquals(h.stateTuples(), m.totalStateTuples(), "the body's state is counted once");
            assertTrue(body.stream().mapToLong(OperatorMetrics::stateTuples).sum() > 0);
        }
    }

    @Test
    void theDescriptionOfALinearCircuitIsStable() {
        String first;
        try (CircuitHandle<Io> h = tens(1)) {
            first = h.describe().toString();
            DotCheck.check(h.describe().toDot());
        }
        try (CircuitHandle<Io> h = tens(1)) {
            assertEquals(first, h.describe().toString());
        }
        List<String> lines = first.lines().toList();
        assertEquals("circuit 'circuit': 1 worker, 6 operators in schedule order", lines.get(0));
        assertTrue(lines.get(1).matches("#0 input \"numbers\" +out=zset<LONG> +ANY"), lines.get(1));
        assertTrue(first.contains("filter \"even\"") && first.contains("in=#0"), first);
        assertTrue(first.contains("strict: reads its input after the step"), first);
    }
}
