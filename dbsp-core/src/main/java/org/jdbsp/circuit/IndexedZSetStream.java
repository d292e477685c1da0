package org.jdbsp.circuit;

import java.util.Comparator;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbsp.circuit.internal.FilterOperator;
import org.jdbsp.circuit.internal.LinearOperators;
import org.jdbsp.circuit.internal.MapOperator;
import org.jdbsp.circuit.internal.Node;
import org.jdbsp.circuit.internal.SinkOperators;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.IndexedZSet;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.jdbsp.zset.spi.Batch;

/**
 * A stream of indexed Z-sets: one change of a key-to-values map per step. Stateful operators (joins,
 * aggregates) read indexed streams; the operators here are the linear and time operators.
 *
 * <p>With several workers, a stateful operator reads its input through {@link #shard()}, so that all the
 * tuples of a key, and the key's state, live on one worker.
 *
 * @param <K> the key type (stored as {@code long} when the layout's key column is LONG)
 * <p>Not final: an operator library may subclass it to add its operators as methods (see
 * {@link #IndexedZSetStream(IndexedZSetStream)}).
 *
 * @param <V> the value type
 */
public class IndexedZSetStream<K, V> extends AbstractStream {
    IndexedZSetStream(CircuitBuilder builder, Node node) {
        super(builder, node);
    }

    /**
     * The same indexed stream (same circuit, same producing operator) seen through a subclass: for operator
     * libraries that add methods to streams. A subclass should override every method returning a stream so
     * that a chain keeps its type.
     */
    protected IndexedZSetStream(IndexedZSetStream<K, V> stream) {
        super(Objects.requireNonNull(stream, "stream").builder, stream.node);
    }

    /** Renames the operator producing this stream. */
    public IndexedZSetStream<K, V> named(String name) {
        node.rename(name);
        return this;
    }

    @SuppressWarnings("unchecked")
    static <K> K key(Batch b, int i) {
        return (K) b.key(i);
    }

    @SuppressWarnings("unchecked")
    static <V> V value(Batch b, int i) {
        return (V) b.value(i);
    }

    /** Keeps the tuples {@code predicate} accepts. */
    public IndexedZSetStream<K, V> filter(BiPredicate<? super K, ? super V> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return new IndexedZSetStream<>(builder, builder.graph.add("filter",
                new FilterOperator((b, i) -> predicate.test(key(b, i), value(b, i))), layout(), node.id()).place(placement()));
    }

    /**
     * This stream with every tuple on the worker that owns its key (see {@link Placement#SHARDED}): what
     * every operator keeping state per key reads. With one worker, or when the stream is already sharded
     * (by an earlier {@code shard()}, kept by filters, value maps and keyed operators), the stream itself;
     * otherwise an exchange between the workers, built once per stream however often it is asked for.
     */
    public IndexedZSetStream<K, V> shard() {
        Node n = Exchanges.shard(this);
        return n == node ? this : new IndexedZSetStream<>(builder, n);
    }

    /** Turns every tuple into a record; the results are ordered naturally. */
    public <R> ZSetStream<R> map(BiFunction<? super K, ? super V, ? extends R> f) {
        return map(f, Orders.natural());
    }

    /** Turns every tuple into a record; the results are ordered by {@code order}. */
    public <R> ZSetStream<R> map(BiFunction<? super K, ? super V, ? extends R> f, Comparator<? super R> order) {
        Objects.requireNonNull(f, "f");
        Layout out = Layout.zset(order);
        return new ZSetStream<>(builder, builder.graph.add("map", new MapOperator(out,
                (in, i, o) -> o.add(ZSetStream.notNull(f.apply(key(in, i), value(in, i)), "map"), in.weights[i])), out, node.id())
                .place(mappedPlacement()));
    }

    /** Applies {@code f} to every value, keeping the key. */
    public <W> IndexedZSetStream<K, W> mapValues(Function<? super V, ? extends W> f) {
        Objects.requireNonNull(f, "f");
        Layout out = Layout.indexed(layout().keyKind(), layout().keyOrder(), ColumnKind.OBJECT, Orders.natural());
        boolean longKeys = layout().keyKind() == ColumnKind.LONG;
        return new IndexedZSetStream<>(builder, builder.graph.add("mapValues", new MapOperator(out, (in, i, o) -> {
            Object w = ZSetStream.notNull(f.apply(value(in, i)), "mapValues");
            if (longKeys) {
                o.addLong(in.longKeys[i], w, in.weights[i]);
            } else {
                o.add(in.objKeys[i], w, in.weights[i]);
            }
        }), out, node.id()).place(placement()));
    }

    /** The values, as a stream of records (ordered naturally). */
    public ZSetStream<V> values() {
        return map((k, v) -> v);
    }

    /** The sum of this stream and {@code other}. */
    public IndexedZSetStream<K, V> plus(IndexedZSetStream<K, V> other) {
        builder.checkOwn(other);
        return new IndexedZSetStream<>(builder, builder.graph.add("plus", new LinearOperators.Plus(), layout(),
                Exchanges.alignFor(this, other.placement()).id(), Exchanges.alignFor(other, placement()).id())
                .place(placement().plus(other.placement())));
    }

    /** This stream minus {@code other}. */
    public IndexedZSetStream<K, V> minus(IndexedZSetStream<K, V> other) {
        builder.checkOwn(other);
        return new IndexedZSetStream<>(builder, builder.graph.add("minus", new LinearOperators.Minus(), layout(),
                Exchanges.alignFor(this, other.placement()).id(), Exchanges.alignFor(other, placement()).id())
                .place(placement().plus(other.placement())));
    }

    /** Every weight negated. */
    public IndexedZSetStream<K, V> negate() {
        return new IndexedZSetStream<>(builder, Derivations.negate(this));
    }

    /** Delays this stream by one step; the first output is empty. */
    public IndexedZSetStream<K, V> delay() {
        checkTimeOperatorAllowed("delay");
        return new IndexedZSetStream<>(builder, Derivations.delay(this));
    }

    /** The running sum of this stream. */
    public IndexedZSetStream<K, V> integrate() {
        checkTimeOperatorAllowed("integrate");
        return new IndexedZSetStream<>(builder, Derivations.integrate(this));
    }

    /** The change of this stream since the previous step. */
    public IndexedZSetStream<K, V> differentiate() {
        checkTimeOperatorAllowed("differentiate");
        return new IndexedZSetStream<>(builder, Derivations.differentiate(this));
    }

    /**
     * Calls {@code consumer} with every step's change; returns this stream. With several workers the change is
     * gathered, and only worker 0's consumer is called, on the thread calling {@code step()}.
     */
    public IndexedZSetStream<K, V> inspect(Consumer<? super IndexedZSet<K, V>> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        builder.graph.add("inspect", new SinkOperators.Inspect(builder.workers.index() == 0 ? b -> consumer.accept(IndexedZSet.wrap(b)) : b -> { }), layout(),
                Exchanges.gather(this).id());
        return this;
    }

    /** An output handle giving every step's change and the running integral. */
    public IndexedZSetOutput<K, V> output() {
        return output(null, true);
    }

    /** An output handle giving only every step's change. */
    public IndexedZSetOutput<K, V> outputDeltas() {
        return output(null, false);
    }

    /**
     * A named output handle giving every step's change and the running integral; the name appears in
     * {@link CircuitHandle#describe()} and the metrics, and must differ from every other input, table and output
     * name of the circuit.
     *
     * @throws IllegalArgumentException if the name is blank or already taken
     */
    public IndexedZSetOutput<K, V> output(String name) {
        return output(Objects.requireNonNull(name, "name"), true);
    }

    /** A named output handle giving only every step's change (see {@link #output(String)}). */
    public IndexedZSetOutput<K, V> outputDeltas(String name) {
        return output(Objects.requireNonNull(name, "name"), false);
    }

    private IndexedZSetOutput<K, V> output(String name, boolean keepIntegral) {
        return new IndexedZSetOutput<>(addOutput(name, keepIntegral), builder.runtime);
    }

    /** Adds a custom unary operator (extension point) producing plain Z-sets of {@code out}. */
    public <R> ZSetStream<R> apply(String kind, UnaryOperator operator, Layout out) {
        return new ZSetStream<>(builder, builder.graph.add(kind, operator, out, node.id()).place(mappedPlacement()));
    }

    /** Adds a custom unary operator (extension point) producing indexed batches of {@code out}. */
    public <K2, V2> IndexedZSetStream<K2, V2> applyIndexed(String kind, UnaryOperator operator, Layout out) {
        return new IndexedZSetStream<>(builder, builder.graph.add(kind, operator, out, node.id()).place(mappedPlacement()));
    }
}
