package org.jdbsp.operators.window;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Random bid-like events with insertions and retractions, for the differential tests of windows. */
final class Events {
    private Events() {}

    /** An event: a distinct id, a group key, an event time and a price. */
    record Bid(long id, long key, long time, long price) {}

    /** Adds {@code weight} copies of {@code bid} (negative: retracts). */
    record Op(Bid bid, long weight) {}

    /**
     * {@code n} operations: insertions at times that drift upwards but arrive up to {@code disorder} ms out
     * of order, and retractions of earlier insertions (each insertion retracted at most once, and never
     * before it), so the integral of the input never has a negative weight.
     */
    static List<Op> random(SplittableRandom r, int n, int keys, long disorder) {
        List<Op> ops = new ArrayList<>();
        List<Op> live = new ArrayList<>();
        long clock = 10_000 + r.nextInt(1000);
        for (int i = 0; i < n; i++) {
            if (!live.isEmpty() && r.nextInt(5) == 0) {
                Op ins = live.remove(r.nextInt(live.size()));
                ops.add(new Op(ins.bid, -ins.weight));
            } else {
                clock += r.nextInt(150);
                long time = clock - (disorder == 0 ? 0 : r.nextLong(disorder));
                Op op = new Op(new Bid(i, r.nextInt(keys), time, r.nextInt(20)), 1 + (r.nextInt(6) == 0 ? 1 : 0));
                ops.add(op);
                live.add(op);
            }
        }
        return ops;
    }

    /** The net change of a step: weights per bid, zeros removed. */
    static Map<Bid, Long> net(List<Op> step) {
        Map<Bid, Long> m = new HashMap<>();
        for (Op op : step) {
            m.merge(op.bid, op.weight, Long::sum);
        }
        m.values().removeIf(w -> w == 0);
        return m;
    }
}
