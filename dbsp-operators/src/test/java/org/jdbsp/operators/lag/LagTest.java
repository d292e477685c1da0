package org.jdbsp.operators.lag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedZSetInput;
import org.jdbsp.circuit.IndexedZSetOutput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.zset.Layout;
import org.junit.jupiter.api.Test;
import org.jdbsp.testkit.Steps;
import org.jdbsp.testkit.Trials;

/** Lag against a naive walk over each sorted group of the integral. */
class LagTest {
    /** A row; its natural order (the tie-break) is by id. */
    record Row(long id, long time) implements Comparable<Row> {
        @Override
        public int compareTo(Row o) {
            return Long.compare(id, o.id);
        }
    }

    static final Comparator<Row> BY_TIME = Comparator.comparingLong(Row::time);

    @Test
    void eachRowIsPairedWithThePreviousRowOfItsGroup() {
        Trials.run("lag", 30, r -> {
            List<Object[]> ops = new ArrayList<>();
            List<Object[]> live = new ArrayList<>();
            int keys = 1 + r.nextInt(3);
            for (int i = 0; i < 10 + r.nextInt(40); i++) {
                if (!live.isEmpty() && r.nextInt(4) == 0) {
                    Object[] ins = live.remove(r.nextInt(live.size()));
                    ops.add(new Object[] {ins[0], ins[1], -(long) ins[2]});
                } else {
                    Object[] op = {(long) r.nextInt(keys), new Row(i, r.nextInt(6)), r.nextInt(5) == 0 ? 2L : 1L};
                    ops.add(op);
                    live.add(op);
                }
            }
            for (int stepSize : Steps.SIZES) {
                record Io(IndexedZSetInput<Long, Row> in, IndexedZSetOutput<Long, LagRow<Row>> out) {}
                try (CircuitHandle<Io> h = Circuit.build(b -> {
                    IndexedZSetInput<Long, Row> in = b.indexedInput("rows", Layout.longToObjects());
                    return new Io(in, Lag.lag(in.stream(), BY_TIME).output());
                })) {
                    Map<Long, Map<Row, Long>> integral = new TreeMap<>();
                    for (List<Object[]> step : Steps.split(ops, stepSize)) {
                        for (Object[] op : step) {
                            h.io().in().push((Long) op[0], (Row) op[1], (Long) op[2]);
                            Map<Row, Long> g = integral.computeIfAbsent((Long) op[0], x -> new HashMap<>());
                            g.merge((Row) op[1], (Long) op[2], Long::sum);
                            g.values().removeIf(w -> w == 0);
                        }
                        h.step();
                        Map<List<Object>, Long> expected = new HashMap<>();
                        integral.forEach((key, g) -> {
                            List<Row> rows = new ArrayList<>();
                            g.forEach((row, w) -> {
                                for (long i = 0; i < w; i++) {
                                    rows.add(row);
                                }
                            });
                            rows.sort(BY_TIME.thenComparing(Row::id));
                            for (int i = 0; i < rows.size(); i++) {
                                expected.merge(List.of(key, new LagRow<>(rows.get(i), i == 0 ? null : rows.get(i - 1))), 1L, Long::sum);
                            }
                        });
                        Map<List<Object>, Long> actual = new HashMap<>();
                        h.io().out().integral().forEach((k, v, w) -> actual.put(List.of(k, v), w));
                        assertEquals(expected, actual, "steps of " + stepSize);
                    }
                }
            }
        });
    }

    @Test
    void lagRunsInsideARecursiveCircuit() {
        record Io(IndexedZSetInput<Long, Row> in, ZSetOutput<LagRow<Row>> recursive, ZSetOutput<LagRow<Row>> plain) {}
        try (CircuitHandle<Io> h = Circuit.build(b -> {
            IndexedZSetInput<Long, Row> in = b.indexedInput("rows", Layout.longToObjects());
            ZSetOutput<LagRow<Row>> rec = b.<LagRow<Row>>recursive((scope, r) -> Lag.lag(scope.importStream(in.stream()), BY_TIME).values()).output();
            return new Io(in, rec, Lag.lag(in.stream(), BY_TIME).values().output());
        })) {
            SplittableRandom r = new SplittableRandom(11);
            for (int step = 0; step < 20; step++) {
                for (int i = 0; i < 4; i++) {
                    h.io().in().push((long) r.nextInt(3), new Row(step * 10L + i, r.nextInt(50)), 1);
                }
                h.step();
                assertEquals(h.io().plain().integral(), h.io().recursive().integral(), "step " + step);
            }
        }
    }
}
