package org.jdbsp.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbsp.zset.IndexedZSet;
import org.jdbsp.zset.ZSet;

/**
 * The difference between an expected and an actual Z-set, by content: the records missing from the actual
 * one, the extra ones, and those with another weight, each list in a stable order (the records' natural
 * order when all are {@code Comparable} of one class, else their text). Records compare with
 * {@code equals}; the tuples of an indexed Z-set print as {@code key -> value}.
 */
public final class ZSetDiff {
    /** How many rows of each kind {@link #report()} lists before it says how many more there are. */
    public static final int ROWS_SHOWN = 20;

    private final Map<Object, Long> expected;
    private final Map<Object, Long> actual;
    private final List<Object> missing = new ArrayList<>();
    private final List<Object> extra = new ArrayList<>();
    private final List<Object> reweighted = new ArrayList<>();

    private ZSetDiff(Map<Object, Long> expected, Map<Object, Long> actual) {
        this.expected = expected;
        this.actual = actual;
        for (Map.Entry<Object, Long> e : expected.entrySet()) {
            Long got = actual.get(e.getKey());
            if (got == null) {
                missing.add(e.getKey());
            } else if (!got.equals(e.getValue())) {
                reweighted.add(e.getKey());
            }
        }
        for (Object r : actual.keySet()) {
            if (!expected.containsKey(r)) {
                extra.add(r);
            }
        }
        Comparator<Object> order = readableOrder(expected.keySet(), actual.keySet());
        missing.sort(order);
        extra.sort(order);
        reweighted.sort(order);
    }

    /** The difference between two maps from records to weights (zero weights count as absent). */
    public static ZSetDiff of(Map<?, Long> expected, Map<?, Long> actual) {
        return new ZSetDiff(nonZero(expected), nonZero(actual));
    }

    /** The difference between two Z-sets. */
    public static ZSetDiff of(ZSet<?> expected, ZSet<?> actual) {
        return new ZSetDiff(weights(expected), weights(actual));
    }

    /** The difference between two indexed Z-sets, tuple by tuple. */
    public static ZSetDiff of(IndexedZSet<?, ?> expected, IndexedZSet<?, ?> actual) {
        return new ZSetDiff(weights(expected), weights(actual));
    }

    /** True when both hold the same records with the same weights. */
    public boolean isEmpty() {
        return missing.isEmpty() && extra.isEmpty() && reweighted.isEmpty();
    }

    /** The records expected but absent, in the stable order. */
    public List<Object> missing() {
        return List.copyOf(missing);
    }

    /** The records present but not expected, in the stable order. */
    public List<Object> extra() {
        return List.copyOf(extra);
    }

    /** The records present in both with different weights, in the stable order. */
    public List<Object> differentWeights() {
        return List.copyOf(reweighted);
    }

    /**
     * The difference as text: a line with both sizes, then the missing, extra and re-weighted records, at
     * most {@link #ROWS_SHOWN} of each kind, e.g.
     * <pre>
     * expected 2 records, actual 2
     *   missing: b x1
     *   extra:   c x2
     *   weight:  a expected x1, actual x-1
     * </pre>
     */
    public String report() {
        StringBuilder sb = new StringBuilder("expected ").append(expected.size()).append(expected.size() == 1 ? " record" : " records")
                .append(", actual ").append(actual.size());
        rows(sb, "missing: ", missing, r -> text(r) + " x" + expected.get(r));
        rows(sb, "extra:   ", extra, r -> text(r) + " x" + actual.get(r));
        rows(sb, "weight:  ", reweighted, r -> text(r) + " expected x" + expected.get(r) + ", actual x" + actual.get(r));
        return sb.toString();
    }

    /** The expected content, one {@code record xW} a line in the stable order (for an IDE's diff view). */
    public String expectedText() {
        return listing(expected);
    }

    /** The actual content, one {@code record xW} a line in the stable order (for an IDE's diff view). */
    public String actualText() {
        return listing(actual);
    }

    @Override
    public String toString() {
        return report();
    }

    private static void rows(StringBuilder sb, String label, List<Object> records, java.util.function.Function<Object, String> line) {
        for (int i = 0; i < records.size() && i < ROWS_SHOWN; i++) {
            sb.append("\n  ").append(label).append(line.apply(records.get(i)));
        }
        if (records.size() > ROWS_SHOWN) {
            sb.append("\n  ").append(label).append("... and ").append(records.size() - ROWS_SHOWN).append(" more");
        }
    }

    private String listing(Map<Object, Long> weights) {
        List<Object> records = new ArrayList<>(weights.keySet());
        records.sort(readableOrder(expected.keySet(), actual.keySet()));
        StringBuilder sb = new StringBuilder();
        for (Object r : records) {
            sb.append(text(r)).append(" x").append(weights.get(r)).append('\n');
        }
        return sb.toString();
    }

    private static String text(Object r) {
        return String.valueOf(r);
    }

    /** Natural order when every record is Comparable and of one class, else by text, then class name. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object> readableOrder(Set<Object> a, Set<Object> b) {
        Set<Class<?>> classes = new HashSet<>();
        for (Object r : a) {
            classes.add(r.getClass());
        }
        for (Object r : b) {
            classes.add(r.getClass());
        }
        if (classes.size() == 1 && Comparable.class.isAssignableFrom(classes.iterator().next())) {
            return (x, y) -> ((Comparable) x).compareTo(y);
        }
        Comparator<Object> byText = Comparator.comparing(ZSetDiff::text);
        return byText.thenComparing(r -> r.getClass().getName());
    }

    private static Map<Object, Long> nonZero(Map<?, Long> weights) {
        Map<Object, Long> m = new HashMap<>();
        weights.forEach((r, w) -> {
            if (w == null || r == null) {
                throw new IllegalArgumentException("a null record or weight in " + weights);
            }
            if (w != 0) {
                m.put(r, w);
            }
        });
        return m;
    }

    private static Map<Object, Long> weights(ZSet<?> z) {
        Map<Object, Long> m = new HashMap<>();
        z.forEach((r, w) -> m.merge(r, w, Long::sum));
        return m;
    }

    private static Map<Object, Long> weights(IndexedZSet<?, ?> z) {
        Map<Object, Long> m = new HashMap<>();
        z.forEach((k, v, w) -> m.merge(new Tuple(k, v), w, Long::sum));
        return m;
    }

    /** A tuple of an indexed Z-set, printed as {@code key -> value}; ordered by key, then value. */
    private record Tuple(Object key, Object value) implements Comparable<Tuple> {
        @Override
        public int compareTo(Tuple o) {
            int c = compareParts(key, o.key);
            return c != 0 ? c : compareParts(value, o.value);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static int compareParts(Object x, Object y) {
            if (x.getClass() == y.getClass() && x instanceof Comparable) {
                return ((Comparable) x).compareTo(y);
            }
            int c = String.valueOf(x).compareTo(String.valueOf(y));
            return c != 0 ? c : x.getClass().getName().compareTo(y.getClass().getName());
        }

        @Override
        public String toString() {
            return key + " -> " + value;
        }
    }
}
