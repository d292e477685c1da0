package org.jdbsp.bench.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.operators.join.Joins;
import org.jdbsp.zset.Layout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One incremental inner-join step: a 10,000-tuple change of the left input against a right trace of
 * 10,000,000 tuples ({@code Layout.longToLongs()}, keys 0..9,999,999 each with one value), built once per
 * trial. Each invocation pushes 10,000 left tuples with uniform random keys (so each matches one right
 * tuple: 10,000 output records) and steps the circuit; invocations alternate insertion and retraction of
 * the same tuples so the left trace stays small. {@link #inputOnly} is the same push and step through a
 * circuit without the join (boxed pushes, consolidation of the change), to subtract. Score: ms per step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms5g", "-Xmx5g"})
public class OperatorsJoinBenchmark {
    static final int TRACE = 10_000_000;
    static final int DELTA = 10_000;

    record Io(IndexedZSetInput<Long, Long> left, IndexedZSetInput<Long, Long> right, ZSetOutput<Long> out) {}

    private CircuitHandle<Io> join;
    private CircuitHandle<IndexedZSetInput<Long, Long>> baseline;
    private long[] keys;
    private long sign = 1;

    @Setup(Level.Trial)
    public void setup() {
        join = Circuit.build(b -> {
            IndexedZSetInput<Long, Long> l = b.indexedInput("left", Layout.longToLongs());
            IndexedZSetInput<Long, Long> r = b.indexedInput("right", Layout.longToLongs());
            return new Io(l, r, Joins.join(l.stream(), r.stream(), (Long a, Long c) -> a + c).outputDeltas());
        });
        for (long k = 0; k < TRACE; k++) {
            join.io().right().push(k, k * 7, 1);
        }
        join.step();
        baseline = Circuit.build(b -> {
            IndexedZSetInput<Long, Long> l = b.indexedInput("left", Layout.longToLongs());
            l.stream().outputDeltas();
            return l;
        });
        SplittableRandom r = new SplittableRandom(42);
        keys = new long[DELTA];
        for (int i = 0; i < DELTA; i++) {
            keys[i] = r.nextLong(TRACE);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        join.close();
        baseline.close();
    }

    /** Pushes the 10,000-tuple left change and runs the join step. */
    @Benchmark
    public int joinStep() {
        IndexedZSetInput<Long, Long> in = join.io().left();
        for (long k : keys) {
            in.push(k, k, sign);
        }
        sign = -sign;
        join.step();
        return join.io().out().delta().size();
    }

    /** The same push and step without the join. */
    @Benchmark
    public long inputOnly() {
        IndexedZSetInput<Long, Long> in = baseline.io();
        for (long k : keys) {
            in.push(k, k, sign);
        }
        sign = -sign;
        return baseline.step();
    }
}
