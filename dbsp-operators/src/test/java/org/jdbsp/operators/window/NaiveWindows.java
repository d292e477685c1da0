package org.jdbsp.operators.window;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jdbsp.operators.window.Events.Bid;

/**
 * A deliberately naive reference for windows and watermarks, on plain collections: it keeps every
 * accepted record and recomputes all closed windows from scratch. Its arithmetic on times is exact
 * (BigInteger), with the rules at the edges of long: a watermark below Long.MIN_VALUE stays there, a window or
 * session end beyond Long.MAX_VALUE is Long.MAX_VALUE, and a watermark at Long.MAX_VALUE (the end of time)
 * makes every later record late.
 */
final class NaiveWindows {
    private final long delay;
    private final long lateness;
    long watermark = Long.MIN_VALUE;
    private long maxSeen = Long.MIN_VALUE;
    long dropped;
    final Map<Bid, Long> accepted = new HashMap<>();

    NaiveWindows(long delay, long lateness) {
        this.delay = delay;
        this.lateness = lateness;
    }

    /** Applies one step's net change; at the end of input the watermark jumps to the end of time. */
    void step(Map<Bid, Long> change, boolean endOfInput) {
        for (Map.Entry<Bid, Long> e : change.entrySet()) {
            if (watermark == Long.MAX_VALUE || big(e.getKey().time()).compareTo(big(watermark).subtract(big(lateness))) < 0) {
                dropped += Math.abs(e.getValue());
            } else {
                accepted.merge(e.getKey(), e.getValue(), Long::sum);
                accepted.values().removeIf(w -> w == 0);
            }
        }
        for (Map.Entry<Bid, Long> e : change.entrySet()) {
            if (e.getValue() > 0) {
                maxSeen = Math.max(maxSeen, e.getKey().time());
            }
        }
        if (maxSeen != Long.MIN_VALUE) {
            watermark = Math.max(watermark, big(maxSeen).subtract(big(delay)).max(big(Long.MIN_VALUE)).longValueExact());
        }
        if (endOfInput) {
            watermark = Long.MAX_VALUE;
        }
    }

    /** Rows of every closed fixed-size window: aggregate of the (key, window) records, weight 1. */
    Map<WindowResult<Long, Object>, Long> fixed(long size, long slide, Function<List<Bid>, Object> agg) {
        Map<List<Long>, List<Bid>> groups = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                ? Long.compare(a.get(1), b.get(1)) : Long.compare(a.get(0), b.get(0)));
        accepted.forEach((bid, w) -> {
            BigInteger t = big(bid.time());
            BigInteger step = big(slide);
            for (BigInteger s = floorDiv(t, step).multiply(step); s.compareTo(t.subtract(big(size))) > 0; s = s.subtract(step)) {
                if (s.compareTo(big(Long.MIN_VALUE)) < 0) {
                    throw new IllegalArgumentException("the test generated a time whose window starts before Long.MIN_VALUE: " + t);
                }
                if (clampedSum(s.longValueExact(), size) <= watermark) {
                    List<Bid> g = groups.computeIfAbsent(List.of(bid.key(), s.longValueExact()), x -> new ArrayList<>());
                    for (long i = 0; i < w; i++) {
                        g.add(bid);
                    }
                }
            }
        });
        Map<WindowResult<Long, Object>, Long> rows = new HashMap<>();
        groups.forEach((ks, bids) -> rows.put(new WindowResult<>(ks.get(0), ks.get(1), clampedSum(ks.get(1), size), agg.apply(bids)), 1L));
        return rows;
    }

    /** Rows of every closed session: per key, runs of records less than {@code gap} apart. */
    Map<WindowResult<Long, Object>, Long> sessions(long gap, Function<List<Bid>, Object> agg) {
        return sessions(gap, false, agg);
    }

    /**
     * Rows of every closed session: per key, runs of records less than {@code gap} apart, or at most
     * {@code gap} apart when {@code inclusive} (then a session closes one millisecond after its end).
     */
    Map<WindowResult<Long, Object>, Long> sessions(long gap, boolean inclusive, Function<List<Bid>, Object> agg) {
        long reach = inclusive ? gap + 1 : gap;
        Map<Long, List<Bid>> byKey = new TreeMap<>();
        accepted.forEach((bid, w) -> {
            for (long i = 0; i < w; i++) {
                byKey.computeIfAbsent(bid.key(), x -> new ArrayList<>()).add(bid);
            }
        });
        Map<WindowResult<Long, Object>, Long> rows = new HashMap<>();
        byKey.forEach((key, bids) -> {
            bids.sort((a, b) -> Long.compare(a.time(), b.time()));
            List<Bid> session = new ArrayList<>();
            for (int i = 0; i <= bids.size(); i++) {
                if (i == bids.size() || (!session.isEmpty()
                        && big(bids.get(i).time()).subtract(big(session.get(session.size() - 1).time())).compareTo(big(reach)) >= 0)) {
                    long last = session.get(session.size() - 1).time();
                    long end = clampedSum(last, gap);
                    if (clampedSum(last, reach) <= watermark) {
                        rows.put(new WindowResult<>(key, session.get(0).time(), end, agg.apply(session)), 1L);
                    }
                    session = new ArrayList<>();
                }
                if (i < bids.size()) {
                    session.add(bids.get(i));
                }
            }
        });
        return rows;
    }

    private static BigInteger big(long x) {
        return BigInteger.valueOf(x);
    }

    private static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    /** {@code a + b} (b non-negative), or Long.MAX_VALUE when the sum passes it. */
    private static long clampedSum(long a, long b) {
        return big(a).add(big(b)).min(big(Long.MAX_VALUE)).longValueExact();
    }
}
