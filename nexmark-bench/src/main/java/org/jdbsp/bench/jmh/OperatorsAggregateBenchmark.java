package org.jdbsp.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.IndexedZSetInput;
import org.jdbsp.operators.aggregate.Aggregates;
import org.jdbsp.zset.Layout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Count or sum of 1,000,000 tuples ({@code Layout.longToLongs()}, key {@code i % 100,000}, value {@code i})
 * into 100,000 groups in one step. Invocations alternate insertion and retraction of the same tuples, so
 * every step touches all 100,000 groups (retracting and inserting their rows). {@code none} is the same push
 * and step with no aggregate, to subtract. Score: ms per step of 1,000,000 tuples.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class OperatorsAggregateBenchmark {
    static final int TUPLES = 1_000_000;
    static final int GROUPS = 100_000;

    @Param({"count", "sum", "none"})
    public String aggregate;

    private CircuitHandle<IndexedZSetInput<Long, Long>> circuit;
    private long sign = 1;

    @Setup(Level.Trial)
    public void setup() {
        circuit = Circuit.build(b -> {
            IndexedZSetInput<Long, Long> in = b.indexedInput("bids", Layout.longToLongs());
            IndexedZSetStream<Long, Long> s = in.stream();
            switch (aggregate) {
                case "count" -> Aggregates.count(s).outputDeltas();
                case "sum" -> Aggregates.sum(s).outputDeltas();
                default -> s.outputDeltas();
            }
            return in;
        });
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        circuit.close();
    }

    /** Pushes 1,000,000 tuples and runs the step. */
    @Benchmark
    public long step() {
        IndexedZSetInput<Long, Long> in = circuit.io();
        for (int i = 0; i < TUPLES; i++) {
            in.push((long) (i % GROUPS), (long) i, sign);
        }
        sign = -sign;
        return circuit.step();
    }
}
