package org.jdbsp.bench.jmh;

import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.IndexedZSetInput;
import org.jdbsp.operators.topk.TopK;
import org.jdbsp.zset.Layout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Top-10 per group by value descending over 1,000,000 tuples ({@code Layout.longToLongs()}, key
 * {@code i % 100,000}, value {@code i}) in 100,000 groups of 10.
 *
 * <ul>
 *   <li>{@code bulk}: one step of all 1,000,000 tuples; invocations alternate insertion and retraction of
 *       the same tuples, so every step touches all 100,000 groups. Score: ms per step of 1,000,000 tuples.
 *   <li>{@code delta}: the 1,000,000 tuples are loaded once; each step then inserts (or, alternately,
 *       retracts) 10,000 new tuples, each becoming its group's new first row. Score: ms per step of 10,000
 *       tuples touching 10,000 groups.
 * </ul>
 * {@code none} is the same push and step with no operator (only the input), to subtract.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class OperatorsTopKBenchmark {
    static final int TUPLES = 1_000_000;
    static final int GROUPS = 100_000;
    static final int DELTA = 10_000;
    static final int K = 10;

    @Param({"topK", "rowNumbers", "none"})
    public String operator;

    @Param({"bulk", "delta"})
    public String shape;

    private CircuitHandle<IndexedZSetInput<Long, Long>> circuit;
    private long sign = 1;

    @Setup(Level.Trial)
    public void setup() {
        Comparator<Long> descending = Comparator.reverseOrder();
        circuit = Circuit.build(b -> {
            IndexedZSetInput<Long, Long> in = b.indexedInput("bids", Layout.longToLongs());
            IndexedZSetStream<Long, Long> s = in.stream();
            switch (operator) {
                case "topK" -> TopK.topK(s, K, descending).outputDeltas();
                case "rowNumbers" -> TopK.rowNumbers(s, K, descending).outputDeltas();
                default -> s.outputDeltas();
            }
            return in;
        });
        if (shape.equals("delta")) {
            push(0, TUPLES, 1);
            circuit.step();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        circuit.close();
    }

    private void push(int from, int to, long weight) {
        IndexedZSetInput<Long, Long> in = circuit.io();
        for (int i = from; i < to; i++) {
            in.push((long) (i % GROUPS), (long) i, weight);
        }
    }

    /** Pushes the step's tuples (all of them, or 10,000 new ones) and runs the step. */
    @Benchmark
    public long step() {
        if (shape.equals("bulk")) {
            push(0, TUPLES, sign);
        } else {
            push(TUPLES, TUPLES + DELTA, sign);
        }
        sign = -sign;
        return circuit.step();
    }
}
