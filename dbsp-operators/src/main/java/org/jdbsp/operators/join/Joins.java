package org.jdbsp.operators.join;

import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.Wiring;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.Placement;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;

/**
 * Entry points of the incremental joins of two indexed streams on their key.
 *
 * <p>Both streams must store their keys the same way (both as longs, or both as objects in the same
 * order). Every join reads the two streams' shared integral traces, so joining a stream several times
 * stores it once ({@code lookupJoin} reads only its right side's). The output of {@code join},
 * {@code lookupJoin} and {@code leftJoin} is a plain stream of the records the
 * join function returns, ordered naturally unless an order is given; {@code joinWhereByKey} keeps its
 * output indexed by the join key; {@code semiJoin} and {@code antiJoin} return the left stream's tuples. Weights multiply; all joins may be used inside a
 * recursive body.
 */
public final class Joins {
    private Joins() {}

    /** The inner join: {@code f(a, b)} for every left value {@code a} and right value {@code b} of a key. */
    public static <K, A, B, R> ZSetStream<R> join(IndexedZSetStream<K, A> left, IndexedZSetStream<K, B> right, JoinFunction<? super A, ? super B, ? extends R> f) {
        return join(left, right, f, Orders.natural());
    }

    /** The inner join with its records ordered by {@code order} (see {@link #join(IndexedZSetStream, IndexedZSetStream, JoinFunction)}). */
    public static <K, A, B, R> ZSetStream<R> join(IndexedZSetStream<K, A> left, IndexedZSetStream<K, B> right,
            JoinFunction<? super A, ? super B, ? extends R> f, Comparator<? super R> order) {
        return add(left, right, order, pairs(f));
    }

    /**
     * The inner join with a residual predicate: {@code f(a, b)} for every left value {@code a} and right
     * value {@code b} of a key such that {@code predicate.test(a, b)} (SQL {@code ON a.k = b.k AND p(a, b)}).
     */
    public static <K, A, B, R> ZSetStream<R> joinWhere(IndexedZSetStream<K, A> left, IndexedZSetStream<K, B> right,
            BiPredicate<? super A, ? super B> predicate, JoinFunction<? super A, ? super B, ? extends R> f) {
        return joinWhere(left, right, predicate, f, Orders.natural());
    }

    /** The inner join with a residual predicate, its records ordered by {@code order}. */
    @SuppressWarnings("unchecked")
    public static <K, A, B, R> ZSetStream<R> joinWhere(IndexedZSetStream<K, A> left, IndexedZSetStream<K, B> right,
            BiPredicate<? super A, ? super B> predicate, JoinFunction<? super A, ? super B, ? extends R> f, Comparator<? super R> order) {
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(f, "f");
        BiPredicate<Object, Object> p = (BiPredicate<Object, Object>) predicate;
        JoinFunction<Object, Object, Object> g = (JoinFunction<Object, Object, Object>) f;
        return add(left, right, order, (keys, k, a, b, w, out) -> {
            if (p.test(a, b)) {
                out.add(notNull(g.apply(a, b)), w);
            }
        });
    }

    /**
     * The inner join with a residual predicate whose output stays indexed by the join key: for every key,
     * {@code f(a, b)} for its pairs with {@code predicate.test(a, b)}, the values ordered by {@code valueOrder}.
     * Equal to indexing {@link #joinWhere}'s output by the key again, but cheaper: the output is already on
     * the worker that owns its key ({@link Placement#SHARDED}), so a keyed operator reading it (an
     * aggregate or top-k per join key) needs no exchange, and nothing is sorted by the key a second time.
     */
    @SuppressWarnings("unchecked")
    public static <K, A, B, R> IndexedZSetStream<K, R> joinWhereByKey(IndexedZSetStream<K, A> left, IndexedZSetStream<K, B> right,
            BiPredicate<? super A, ? super B> predicate, JoinFunction<? super A, ? super B, ? extends R> f,
            Comparator<? super R> valueOrder) {
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(f, "f");
        BiPredicate<Object, Object> p = (BiPredicate<Object, Object>) predicate;
        JoinFunction<Object, Object, Object> g = (JoinFunction<Object, Object, Object>) f;
        checkKeys(left, right);
        Layout in = left.layout();
        Layout out = Layout.indexed(in.keyKind(), in.keyOrder(), ColumnKind.OBJECT, Objects.requireNonNull(valueOrder, "valueOrder"));
        PairEmitter emitter = (keys, k, a, b, w, builder) -> {
            if (p.test(a, b)) {
                builder.addKeyOf(keys, k, notNull(g.apply(a, b)), w);
            }
        };
        return Wiring.addKeyedIndexedStream("join", out, keyed -> new JoinOperator(keyed.trace(0), keyed.trace(1), out, emitter), left, right);
    }

    /** The inner join whose function also sees the key (boxed for long keys). */
    @SuppressWarnings("unchecked")
    public static <K, A, B, R> ZSetStream<R> joinWithKey(IndexedZSetStream<K, A> left, IndexedZSetStream<K, B> right,
            KeyedJoinFunction<? super K, ? super A, ? super B, ? extends R> f, Comparator<? super R> order) {
        Objects.requireNonNull(f, "f");
        KeyedJoinFunction<Object, Object, Object, Object> g = (KeyedJoinFunction<Object, Object, Object, Object>) f;
        return add(left, right, order, (keys, k, a, b, w, out) -> out.add(notNull(g.apply(keys.key(k), a, b)), w));
    }

    /** The inner join of two long-keyed streams whose function sees the unboxed key. */
    @SuppressWarnings("unchecked")
    public static <A, B, R> ZSetStream<R> joinWithLongKey(IndexedZSetStream<Long, A> left, IndexedZSetStream<Long, B> right,
            LongKeyJoinFunction<? super A, ? super B, ? extends R> f, Comparator<? super R> order) {
        Objects.requireNonNull(f, "f");
        if (left.layout().keyKind() != ColumnKind.LONG) {
            throw new IllegalArgumentException("joinWithLongKey needs streams whose keys are stored as longs, not " + left.layout());
        }
        LongKeyJoinFunction<Object, Object, Object> g = (LongKeyJoinFunction<Object, Object, Object>) f;
        return add(left, right, order, (keys, k, a, b, w, out) -> out.add(notNull(g.apply(keys.longKeys[k], a, b)), w));
    }

    /**
     * The lookup join (SQL {@code JOIN right FOR SYSTEM_TIME AS OF} the processing time): each change of
     * {@code left} is joined, in its step, with the right side's contents at that step (its integral including
     * the step's own right change), giving {@code f(a, b)}. Later right changes do not revisit earlier left
     * rows, so only the right side is stored. Over a right side that is fixed from the first step on (a
     * static table), the output equals the inner join's.
     */
    public static <K, A, B, R> ZSetStream<R> lookupJoin(IndexedZSetStream<K, A> left, IndexedZSetStream<K, B> right,
            JoinFunction<? super A, ? super B, ? extends R> f) {
        return lookupJoin(left, right, f, Orders.natural());
    }

    /**
     * The lookup join with its records ordered by {@code order} (see {@link #lookupJoin(IndexedZSetStream, IndexedZSetStream, JoinFunction)}).
     * Over a {@linkplain Placement#REPLICATED replicated} right side (a {@linkplain org.jdbsp.circuit.CircuitBuilder#table
     * table}), each worker joins its own left changes with its whole copy of the right side, so the left side is
     * not exchanged between the workers; with long keys, each left tuple finds its key's right values in a hash
     * index of the right side (rebuilt in a step that changes the right side), so the left side is not sorted
     * either.
     */
    public static <K, A, B, R> ZSetStream<R> lookupJoin(IndexedZSetStream<K, A> left, IndexedZSetStream<K, B> right,
            JoinFunction<? super A, ? super B, ? extends R> f, Comparator<? super R> order) {
        checkKeys(left, right);
        if (right.placement() == Placement.REPLICATED) {
            Layout out = Layout.zset(Objects.requireNonNull(order, "order"));
            IntegralTrace trace = Wiring.integralTrace(right);
            Operator op = right.layout().keyKind() == ColumnKind.LONG ? new TableLookupOperator(trace, out, pairs(f))
                    : new JoinOperator(null, trace, out, pairs(f));
            return Wiring.addStream("lookupJoin", op, out, left, right);
        }
        return add("lookupJoin", false, left, right, order, pairs(f));
    }

    /**
     * The left outer join: the inner join, plus {@code f(a, null)} for every left value {@code a} whose key
     * is not present on the right (a key is present while the total weight of its right tuples is
     * positive). {@code f} must accept a null right value.
     */
    public static <K, A, B, R> ZSetStream<R> leftJoin(IndexedZSetStream<K, A> left, IndexedZSetStream<K, B> right, JoinFunction<? super A, ? super B, ? extends R> f) {
        return leftJoin(left, right, f, Orders.natural());
    }

    /** The left outer join with its records ordered by {@code order} (see {@link #leftJoin(IndexedZSetStream, IndexedZSetStream, JoinFunction)}). */
    public static <K, A, B, R> ZSetStream<R> leftJoin(IndexedZSetStream<K, A> left, IndexedZSetStream<K, B> right,
            JoinFunction<? super A, ? super B, ? extends R> f, Comparator<? super R> order) {
        ZSetStream<R> matched = join(left, right, f, order);
        ZSetStream<R> unmatched = antiJoin(left, right).map((k, a) -> f.apply(a, null), order);
        return matched.plus(unmatched).named("leftJoin");
    }

    /**
     * The semi-join: the tuples of {@code left} whose key is present on the right, with their weights
     * (SQL {@code WHERE k IN (SELECT k FROM right)}); a key is present while the total weight of its right
     * tuples is positive.
     */
    public static <K, A, B> IndexedZSetStream<K, A> semiJoin(IndexedZSetStream<K, A> left, IndexedZSetStream<K, B> right) {
        return semi(left, right, false);
    }

    /**
     * The anti-join: the tuples of {@code left} whose key is not present on the right, with their weights
     * (SQL {@code WHERE k NOT IN (SELECT k FROM right)} without nulls).
     */
    public static <K, A, B> IndexedZSetStream<K, A> antiJoin(IndexedZSetStream<K, A> left, IndexedZSetStream<K, B> right) {
        return semi(left, right, true);
    }

    private static <K, A, B> IndexedZSetStream<K, A> semi(IndexedZSetStream<K, A> left, IndexedZSetStream<K, B> right, boolean anti) {
        checkKeys(left, right);
        return Wiring.addKeyedIndexedStream(anti ? "antiJoin" : "semiJoin", left.layout(),
                keyed -> new SemiJoinOperator(keyed.trace(0), keyed.trace(1), anti), left, right);
    }

    /** Emits {@code f(a, b)} for every joined pair. */
    @SuppressWarnings("unchecked")
    private static PairEmitter pairs(JoinFunction<?, ?, ?> f) {
        Objects.requireNonNull(f, "f");
        JoinFunction<Object, Object, Object> g = (JoinFunction<Object, Object, Object>) f;
        return (keys, k, a, b, w, out) -> out.add(notNull(g.apply(a, b)), w);
    }

    private static <R> ZSetStream<R> add(IndexedZSetStream<?, ?> left, IndexedZSetStream<?, ?> right, Comparator<? super R> order, PairEmitter emitter) {
        return add("join", true, left, right, order, emitter);
    }

    /** Adds a join operator; {@code storeLeft} false makes it a lookup join, which keeps no left trace. */
    private static <R> ZSetStream<R> add(String kind, boolean storeLeft, IndexedZSetStream<?, ?> left, IndexedZSetStream<?, ?> right,
            Comparator<? super R> order, PairEmitter emitter) {
        checkKeys(left, right);
        Layout out = Layout.zset(Objects.requireNonNull(order, "order"));
        return Wiring.addKeyedStream(kind, out,
                keyed -> new JoinOperator(storeLeft ? keyed.trace(0) : null, keyed.trace(1), out, emitter), left, right);
    }

    private static void checkKeys(IndexedZSetStream<?, ?> left, IndexedZSetStream<?, ?> right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Layout l = left.layout();
        Layout r = right.layout();
        if (l.keyKind() != r.keyKind() || !Objects.equals(l.keyOrder(), r.keyOrder())) {
            throw new IllegalArgumentException("cannot join " + left.name() + " and " + right.name()
                    + ": their keys are stored differently (" + l + " vs " + r + "); index both by the same kind of key");
        }
    }

    private static Object notNull(Object r) {
        if (r == null) {
            throw new NullPointerException("join function returned null");
        }
        return r;
    }
}
