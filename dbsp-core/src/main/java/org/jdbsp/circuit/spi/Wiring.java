package org.jdbsp.circuit.spi;

import java.util.Objects;
import org.jdbsp.circuit.AbstractStream;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.Placement;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.circuit.internal.StreamWiring;
import org.jdbsp.zset.Layout;

/**
 * Adds operators written against this SPI to a circuit, and gives them the shared traces of their inputs.
 *
 * <p>Every input must belong to the circuit being built. An operator keeping state per key must be given
 * its inputs {@linkplain IndexedZSetStream#shard() sharded} by that key (and read the sharded streams' traces),
 * or it is wrong on several workers; its output is then {@link Placement#SHARDED}. An operator whose output
 * is the same on every worker declares {@link Placement#REPLICATED}. The overloads without a placement take
 * {@link Placement#REPLICATED} when every input is replicated (each worker computes the same thing from the
 * same data), else {@link Placement#ANY}.
 *
 * <p>A keyed operator is best added with {@link #addKeyedIndexedStream} or {@link #addKeyedStream}: they shard
 * every input by key, build the operator from the sharded inputs' traces ({@link KeyedInputs}) and place
 * its output, so the sharding rule cannot be forgotten.
 */
public final class Wiring {
    private Wiring() {}

    /** Adds {@code operator}, reading {@code inputs}, whose output is a plain stream placed as {@code placement}. */
    public static <T> ZSetStream<T> addStream(String kind, Operator operator, Layout layout, Placement placement,
            AbstractStream... inputs) {
        if (!layout.isPlainZSet()) {
            throw new IllegalArgumentException(kind + " produces indexed batches of " + layout + ": use addIndexedStream");
        }
        return StreamWiring.get().addStream(kind, operator, layout, placement, inputs);
    }

    /** Adds {@code operator}, reading {@code inputs}, whose output is a plain stream placed as its inputs say. */
    public static <T> ZSetStream<T> addStream(String kind, Operator operator, Layout layout, AbstractStream... inputs) {
        return addStream(kind, operator, layout, derivedPlacement(inputs), inputs);
    }

    /** Adds {@code operator}, reading {@code inputs}, whose output is an indexed stream placed as {@code placement}. */
    public static <K, V> IndexedZSetStream<K, V> addIndexedStream(String kind, Operator operator, Layout layout,
            Placement placement, AbstractStream... inputs) {
        if (layout.isPlainZSet()) {
            throw new IllegalArgumentException(kind + " produces plain Z-sets of " + layout + ": use addStream");
        }
        return StreamWiring.get().addIndexedStream(kind, operator, layout, placement, inputs);
    }

    /** Adds {@code operator}, reading {@code inputs}, whose output is an indexed stream placed as its inputs say. */
    public static <K, V> IndexedZSetStream<K, V> addIndexedStream(String kind, Operator operator, Layout layout,
            AbstractStream... inputs) {
        return addIndexedStream(kind, operator, layout, derivedPlacement(inputs), inputs);
    }

    /**
     * Adds {@code operator} for its effect on state (a sink or a garbage collector of traces): its output, if
     * any, is not read.
     */
    public static void addSink(String kind, Operator operator, AbstractStream... inputs) {
        addStream(kind, operator, Layout.LONGS, derivedPlacement(inputs), inputs);
    }

    /**
     * The shared trace of {@code stream}'s integral, created on first use; every stateful operator reading
     * the stream should keep a reference to this one object rather than integrate the stream again. During
     * a step it holds the integral up to the previous step. An operator holding it must override
     * {@link Operator#fork(ForkContext)} to use the copy's trace.
     */
    public static IntegralTrace integralTrace(AbstractStream stream) {
        return StreamWiring.get().integralTrace(stream);
    }

    /**
     * Adds a keyed operator whose output is indexed by the key of its inputs (an aggregate, a distinct, a
     * top-k, a semi-join): shards every input by key, builds the operator with {@code factory} from the
     * sharded inputs and their traces, and places the output {@link Placement#SHARDED}. The inputs must store
     * their keys the same way, and {@code out} must keep that key.
     */
    public static <K, V> IndexedZSetStream<K, V> addKeyedIndexedStream(String kind, Layout out, KeyedInputs.Factory factory,
            IndexedZSetStream<?, ?>... inputs) {
        checkKeyed(kind, factory, inputs);
        if (out.isPlainZSet() || out.keyKind() != inputs[0].layout().keyKind() || !Objects.equals(out.keyOrder(), inputs[0].layout().keyOrder())) {
            throw new IllegalArgumentException(kind + " must keep the key of its input " + inputs[0].layout() + ", not produce " + out);
        }
        KeyedInputs sharded = shardAll(inputs);
        return addIndexedStream(kind, factory.create(sharded), out, Placement.SHARDED, streams(sharded));
    }

    /**
     * Adds a keyed operator over indexed inputs whose output is a plain stream of new records (a join):
     * shards every input by key, builds the operator with {@code factory} from the sharded inputs and their
     * traces; the output's records are not placed by the key, so it is {@link Placement#ANY} (replicated
     * only when, on one worker, every input is).
     */
    public static <T> ZSetStream<T> addKeyedStream(String kind, Layout out, KeyedInputs.Factory factory, IndexedZSetStream<?, ?>... inputs) {
        checkKeyed(kind, factory, inputs);
        KeyedInputs sharded = shardAll(inputs);
        return addStream(kind, factory.create(sharded), out, streams(sharded));
    }

    /**
     * Adds a keyed operator over a plain stream, keyed by its records, whose output holds records of its
     * input in the input's layout (a distinct): shards the input by record, builds the operator with
     * {@code factory}; the output is {@link Placement#SHARDED} like the input it was built from.
     */
    public static <T> ZSetStream<T> addKeyedStream(String kind, KeyedInputs.Factory factory, ZSetStream<T> input) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(factory, "factory");
        ZSetStream<T> sharded = input.shard();
        KeyedInputs keyed = new KeyedInputs(new AbstractStream[] {sharded});
        return addStream(kind, factory.create(keyed), sharded.layout(), Placement.SHARDED, sharded);
    }

    private static void checkKeyed(String kind, KeyedInputs.Factory factory, IndexedZSetStream<?, ?>[] inputs) {
        Objects.requireNonNull(factory, "factory");
        if (inputs.length == 0) {
            throw new IllegalArgumentException(kind + " needs at least one input");
        }
        Layout first = Objects.requireNonNull(inputs[0], "input 0").layout();
        for (int i = 1; i < inputs.length; i++) {
            Layout other = Objects.requireNonNull(inputs[i], "input " + i).layout();
            if (other.keyKind() != first.keyKind() || !Objects.equals(other.keyOrder(), first.keyOrder())) {
                throw new IllegalArgumentException(kind + ": the keys of " + inputs[0].name() + " and " + inputs[i].name()
                        + " are stored differently (" + first + " vs " + other + "); index both by the same kind of key");
            }
        }
    }

    private static KeyedInputs shardAll(IndexedZSetStream<?, ?>[] inputs) {
        AbstractStream[] sharded = new AbstractStream[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            sharded[i] = inputs[i].shard();
        }
        return new KeyedInputs(sharded);
    }

    private static AbstractStream[] streams(KeyedInputs keyed) {
        AbstractStream[] out = new AbstractStream[keyed.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = keyed.stream(i);
        }
        return out;
    }

    private static Placement derivedPlacement(AbstractStream... inputs) {
        boolean replicated = inputs.length > 0;
        for (AbstractStream in : inputs) {
            replicated &= in.placement() == Placement.REPLICATED;
        }
        return replicated ? Placement.REPLICATED : Placement.ANY;
    }
}
