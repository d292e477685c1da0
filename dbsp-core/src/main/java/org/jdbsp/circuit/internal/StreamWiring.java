package org.jdbsp.circuit.internal;

import org.jdbsp.circuit.AbstractStream;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.Placement;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.zset.Layout;

/**
 * The bridge from the operator SPI ({@link org.jdbsp.circuit.spi.Wiring}) to the package-private
 * wiring of the circuit API: the API package registers its implementation when its stream class is
 * first loaded, so the SPI can add operators without the API showing nodes in its signatures.
 */
public interface StreamWiring {
    /** Adds an operator reading {@code inputs} and returns its output as a plain stream. */
    <T> ZSetStream<T> addStream(String kind, Operator operator, Layout layout, Placement placement, AbstractStream... inputs);

    /** Adds an operator reading {@code inputs} and returns its output as an indexed stream. */
    <K, V> IndexedZSetStream<K, V> addIndexedStream(String kind, Operator operator, Layout layout, Placement placement,
            AbstractStream... inputs);

    /** The shared integral trace of {@code stream}, created on first use. */
    IntegralTrace integralTrace(AbstractStream stream);

    /** The registered implementation (set once by the API package). */
    static StreamWiring get() {
        return Holder.wiring;
    }

    /** Registers the API package's implementation; only the first registration counts. */
    static void register(StreamWiring wiring) {
        synchronized (Holder.class) {
            if (Holder.wiring == null) {
                Holder.wiring = wiring;
            }
        }
    }

    /** Where the registered implementation lives. */
    final class Holder {
        private static volatile StreamWiring wiring;

        private Holder() {}
    }
}
