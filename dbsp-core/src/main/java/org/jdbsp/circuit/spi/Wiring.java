package org.jdbsp.circuit.spi;

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

    private static Placement derivedPlacement(AbstractStream... inputs) {
        boolean replicated = inputs.length > 0;
        for (AbstractStream in : inputs) {
            replicated &= in.placement() == Placement.REPLICATED;
        }
        return replicated ? Placement.REPLICATED : Placement.ANY;
    }
}
