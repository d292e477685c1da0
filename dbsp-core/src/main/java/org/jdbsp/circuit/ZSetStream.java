package org.jdbsp.circuit;

import java.util.Comparator;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.internal.FilterOperator;
import org.jdbsp.circuit.internal.LinearOperators;
import org.jdbsp.circuit.internal.MapOperator;
import org.jdbsp.circuit.internal.Node;
import org.jdbsp.circuit.internal.SinkOperators;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.jdbsp.zset.ZSet;
import org.jdbsp.zset.spi.Batch;

/**
 * A stream of Z-sets of records: one Z-set (a change) per step. Its methods add operators to the circuit.
 *
 * <p>The linear operators ({@link #filter}, {@link #map}, {@link #flatMap}, {@link #index}, {@link #plus},
 * {@link #minus}, {@link #negate}) are their own incremental versions: they see only each step's change.
 * {@link #delay}, {@link #integrate} and {@link #differentiate} are the primitive operators over time.
 * Deriving the same stream twice ({@code s.integrate()} twice) builds one operator.
 *
 * <p>With several workers, each step's change is spread over the workers (see {@link Placement}); the
 * linear operators work on each worker's part, {@link #shard()} moves records to the worker owning them,
 * and outputs and inspectors see the whole change.
 *
 * <p>Not final: an operator library may subclass it to add its operators as methods (see
 * {@link #ZSetStream(ZSetStream)}).
 *
 * @param <T> the record type
 */
public class ZSetStream<T> extends AbstractStream {
    ZSetStream(CircuitBuilder builder, Node node) {
        super(builder, node);
    }

    /**
     * The same stream (same circuit, same producing operator) seen through a subclass: for operator libraries
     * that add methods to streams. A subclass should override every method returning a stream so that a
     * chain keeps its type.
     */
    protected ZSetStream(ZSetStream<T> stream) {
        super(Objects.requireNonNull(stream, "stream").builder, stream.node);
    }

    /** Renames the operator producing this stream (names appear in errors). */
    public ZSetStream<T> named(String name) {
        node.rename(name);
        return this;
    }

    @SuppressWarnings("unchecked")
    static <T> T record(Batch b, int i) {
        return (T) b.key(i);
    }

    /** Keeps the records {@code predicate} accepts. */
    public ZSetStream<T> filter(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        ZSetStream<T> out = add("filter", new FilterOperator((b, i) -> predicate.test(record(b, i))), layout());
        out.node.place(placement());
        return out;
    }

    /**
     * This stream with every record on the worker that owns it (by a well-mixed hash of the record; see
     * {@link Placement#SHARDED}): what operators keeping state per record (distinct) read. With one worker,
     * or when the stream is already sharded, the stream itself; otherwise an exchange between the workers.
     */
    public ZSetStream<T> shard() {
        Node n = Exchanges.shard(this);
        return n == node ? this : new ZSetStream<>(builder, n);
    }

    /**
     * This stream with every record on the worker that owns {@code key(record)}: what operators keeping
     * state per key of a plain stream (windowed aggregates) read. With one worker, the stream itself.
     * {@code key} must give equal keys for records that must meet, and keys whose hash is stable (see
     * {@link Placement#SHARDED}).
     */
    @SuppressWarnings("unchecked")
    public ZSetStream<T> shardBy(Function<? super T, ?> key) {
        Objects.requireNonNull(key, "key");
        Node n = Exchanges.shardBy(this, (Function<Object, ?>) key);
        return n == node ? this : new ZSetStream<>(builder, n);
    }

    /** Applies {@code f} to every record; the results are ordered naturally. */
    public <R> ZSetStream<R> map(Function<? super T, ? extends R> f) {
        return map(f, Layout.OBJECTS);
    }

    /** Applies {@code f} to every record; the results are ordered by {@code order}. */
    public <R> ZSetStream<R> map(Function<? super T, ? extends R> f, Comparator<? super R> order) {
        return map(f, Layout.zset(order));
    }

    private <R> ZSetStream<R> map(Function<? super T, ? extends R> f, Layout out) {
        Objects.requireNonNull(f, "f");
        return add("map", new MapOperator(out, (in, i, o) -> o.add(notNull(f.apply(record(in, i)), "map"), in.weights[i])), out);
    }

    /** Applies {@code f} to every record, giving longs stored unboxed. */
    public ZSetStream<Long> mapToLong(ToLongFunction<? super T> f) {
        Objects.requireNonNull(f, "f");
        return add("mapToLong", new MapOperator(Layout.LONGS, (in, i, o) -> o.addLong(f.applyAsLong(record(in, i)), in.weights[i])), Layout.LONGS);
    }

    /** Replaces every record by the records {@code f} returns for it (each with the record's weight). */
    public <R> ZSetStream<R> flatMap(Function<? super T, ? extends Iterable<? extends R>> f) {
        Objects.requireNonNull(f, "f");
        return add("flatMap", new MapOperator(Layout.OBJECTS, (in, i, o) -> {
            long w = in.weights[i];
            for (R r : notNull(f.apply(record(in, i)), "flatMap")) {
                o.add(notNull(r, "flatMap"), w);
            }
        }), Layout.OBJECTS);
    }

    /** Re-keys the records into an indexed stream; keys and values are ordered naturally. */
    public <K, V> IndexedZSetStream<K, V> index(Function<? super T, ? extends K> key, Function<? super T, ? extends V> value) {
        return index(key, value, Orders.natural(), Orders.natural());
    }

    /** Re-keys the records into an indexed stream with keys ordered by {@code keyOrder} and values by {@code valueOrder}. */
    public <K, V> IndexedZSetStream<K, V> index(Function<? super T, ? extends K> key, Function<? super T, ? extends V> value,
                                            Comparator<? super K> keyOrder, Comparator<? super V> valueOrder) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Layout out = Layout.indexed(ColumnKind.OBJECT, Objects.requireNonNull(keyOrder, "keyOrder"),
                ColumnKind.OBJECT, Objects.requireNonNull(valueOrder, "valueOrder"));
        return addIndexed("index", new MapOperator(out, (in, i, o) -> {
            T r = record(in, i);
            o.add(notNull(key.apply(r), "index key"), notNull(value.apply(r), "index value"), in.weights[i]);
        }), out);
    }

    /** Re-keys the records by a long key stored unboxed; values are ordered naturally. */
    public <V> IndexedZSetStream<Long, V> indexByLong(ToLongFunction<? super T> key, Function<? super T, ? extends V> value) {
        return indexByLong(key, value, Orders.natural());
    }

    /**
     * Re-keys the records by a long key stored unboxed; the values of a key are ordered by {@code valueOrder}
     * (total and consistent with {@code equals}), which operators reading the stream's trace in value order
     * (top-k by that order) can exploit.
     */
    public <V> IndexedZSetStream<Long, V> indexByLong(ToLongFunction<? super T> key, Function<? super T, ? extends V> value,
                                                  Comparator<? super V> valueOrder) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Layout out = Layout.indexed(ColumnKind.LONG, null, ColumnKind.OBJECT, Objects.requireNonNull(valueOrder, "valueOrder"));
        return addIndexed("index", new MapOperator(out, (in, i, o) -> {
            T r = record(in, i);
            o.addLong(key.applyAsLong(r), notNull(value.apply(r), "index value"), in.weights[i]);
        }), out);
    }

    /** Re-keys the records into (long key, long value) tuples, both stored unboxed. */
    public IndexedZSetStream<Long, Long> indexLongToLong(ToLongFunction<? super T> key, ToLongFunction<? super T> value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Layout out = Layout.longToLongs();
        return addIndexed("index", new MapOperator(out, (in, i, o) -> {
            T r = record(in, i);
            o.addLongLong(key.applyAsLong(r), value.applyAsLong(r), in.weights[i]);
        }), out);
    }

    /** The sum of this stream and {@code other}. */
    public ZSetStream<T> plus(ZSetStream<T> other) {
        builder.checkOwn(other);
        return new ZSetStream<>(builder, builder.graph.add("plus", new LinearOperators.Plus(), layout(),
                Exchanges.alignFor(this, other.placement()).id(), Exchanges.alignFor(other, placement()).id())
                .place(placement().plus(other.placement())));
    }

    /** This stream minus {@code other}. */
    public ZSetStream<T> minus(ZSetStream<T> other) {
        builder.checkOwn(other);
        return new ZSetStream<>(builder, builder.graph.add("minus", new LinearOperators.Minus(), layout(),
                Exchanges.alignFor(this, other.placement()).id(), Exchanges.alignFor(other, placement()).id())
                .place(placement().plus(other.placement())));
    }

    /** Every weight negated. */
    public ZSetStream<T> negate() {
        return new ZSetStream<>(builder, Derivations.negate(this));
    }

    /** Delays this stream by one step (z<sup>-1</sup>); the first output is empty. */
    public ZSetStream<T> delay() {
        checkTimeOperatorAllowed("delay");
        return new ZSetStream<>(builder, Derivations.delay(this));
    }

    /** The running sum (I) of this stream: each step outputs the whole accumulated Z-set. */
    public ZSetStream<T> integrate() {
        checkTimeOperatorAllowed("integrate");
        return new ZSetStream<>(builder, Derivations.integrate(this));
    }

    /** The change (D) of this stream since the previous step. */
    public ZSetStream<T> differentiate() {
        checkTimeOperatorAllowed("differentiate");
        return new ZSetStream<>(builder, Derivations.differentiate(this));
    }

    /**
     * Calls {@code consumer} with every step's change; returns this stream. With several workers the change is
     * gathered, and only worker 0's consumer is called, on the thread calling {@code step()}.
     */
    public ZSetStream<T> inspect(Consumer<? super ZSet<T>> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        builder.graph.add("inspect", new SinkOperators.Inspect(builder.workers.index() == 0 ? b -> consumer.accept(ZSet.wrap(b)) : b -> { }), layout(),
                Exchanges.gather(this).id());
        return this;
    }

    /** An output handle giving every step's change and the running integral. */
    public ZSetOutput<T> output() {
        return output(null, true);
    }

    /** An output handle giving only every step's change (keeps no state: for long runs). */
    public ZSetOutput<T> outputDeltas() {
        return output(null, false);
    }

    /**
     * A named output handle giving every step's change and the running integral; the name appears in
     * {@link CircuitHandle#describe()} and the metrics, and must differ from every other input, table and output
     * name of the circuit.
     *
     * @throws IllegalArgumentException if the name is blank or already taken
     */
    public ZSetOutput<T> output(String name) {
        return output(Objects.requireNonNull(name, "name"), true);
    }

    /** A named output handle giving only every step's change (see {@link #output(String)}). */
    public ZSetOutput<T> outputDeltas(String name) {
        return output(Objects.requireNonNull(name, "name"), false);
    }

    private ZSetOutput<T> output(String name, boolean keepIntegral) {
        return new ZSetOutput<>(addOutput(name, keepIntegral), builder.runtime);
    }

    /** Adds a custom unary operator (extension point) producing batches of {@code out}. */
    public <R> ZSetStream<R> apply(String kind, UnaryOperator operator, Layout out) {
        if (!out.isPlainZSet()) {
            throw new IllegalArgumentException("apply gives a plain Z-set stream; use applyIndexed for " + out);
        }
        return add(kind, operator, out);
    }

    /** Adds a custom unary operator (extension point) producing indexed batches of {@code out}. */
    public <K, V> IndexedZSetStream<K, V> applyIndexed(String kind, UnaryOperator operator, Layout out) {
        return addIndexed(kind, operator, out);
    }

    /** Adds a unary operator whose output is placed as a per-record function of this stream's would be. */
    private <R> ZSetStream<R> add(String kind, UnaryOperator op, Layout out) {
        return new ZSetStream<>(builder, builder.graph.add(kind, op, out, node.id()).place(mappedPlacement()));
    }

    private <K, V> IndexedZSetStream<K, V> addIndexed(String kind, UnaryOperator op, Layout out) {
        return new IndexedZSetStream<>(builder, builder.graph.add(kind, op, out, node.id()).place(mappedPlacement()));
    }

    static <X> X notNull(X x, String what) {
        if (x == null) {
            throw new NullPointerException(what + " function returned null");
        }
        return x;
    }
}
