package org.jdbsp.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.jdbsp.zset.IndexedZSet;
import org.jdbsp.zset.ZSet;

/**
 * A deliberately naive Z-set on {@link HashMap} (records to weights, zeros removed), sharing no code with
 * the library, used as the oracle of differential tests.
 */
public final class RefZSet {
    private final Map<Object, Long> weights = new HashMap<>();

    /** Adds {@code w} to {@code r}. */
    public RefZSet add(Object r, long w) {
        long s = Math.addExact(weights.getOrDefault(r, 0L), w);
        if (s == 0) {
            weights.remove(r);
        } else {
            weights.put(r, s);
        }
        return this;
    }

    /** Adds every record of {@code other}. */
    public RefZSet addAll(RefZSet other) {
        other.weights.forEach(this::add);
        return this;
    }

    /** A copy. */
    public RefZSet copy() {
        return new RefZSet().addAll(this);
    }

    /** The records and their weights. */
    public Map<Object, Long> map() {
        return weights;
    }

    /** The image of every record under {@code f}, with the record's weight. */
    public RefZSet map(Function<Object, Object> f) {
        RefZSet out = new RefZSet();
        weights.forEach((r, w) -> out.add(f.apply(r), w));
        return out;
    }

    /** The reference content of a Z-set. */
    public static RefZSet of(ZSet<?> z) {
        RefZSet r = new RefZSet();
        z.forEach((x, w) -> r.add(x, w));
        return r;
    }

    /** The reference content of an indexed Z-set, as (key, value) lists. */
    public static RefZSet of(IndexedZSet<?, ?> z) {
        RefZSet r = new RefZSet();
        z.forEach((k, v, w) -> r.add(List.of(k, v), w));
        return r;
    }

    /** A random list of (record, weight) changes over a small domain so that cancellations are common. */
    public static List<Object[]> randomChanges(SplittableRandom rnd, int n, int domain) {
        List<Object[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long w = rnd.nextInt(7) - 3;
            out.add(new Object[] {(long) rnd.nextInt(domain), w});
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RefZSet && ((RefZSet) o).weights.equals(weights);
    }

    @Override
    public int hashCode() {
        return weights.hashCode();
    }

    @Override
    public String toString() {
        return new java.util.TreeMap<>(weights.entrySet().stream().collect(
                java.util.stream.Collectors.toMap(e -> String.valueOf(e.getKey()), Map.Entry::getValue))).toString();
    }
}
