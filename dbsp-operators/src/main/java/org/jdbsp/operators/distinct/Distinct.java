package org.jdbsp.operators.distinct;

import org.jdbsp.circuit.spi.Wiring;
import java.util.Objects;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.ZSetStream;

/**
 * Entry points of the distinct operator, the incremental version of SQL {@code SELECT DISTINCT}.
 *
 * <p>The output holds every record (or, for indexed streams, every (key, value) tuple) whose total
 * weight in the integral of the input is positive, with weight 1; records with zero or negative total
 * weight are absent. The operator keeps no state of its own: it reads the input's shared integral
 * trace, so several operators on the same stream store its integral once. It may be used inside a
 * recursive body (it is what makes recursion converge).
 */
public final class Distinct {
    private Distinct() {}

    /** The records of {@code input} whose total weight is positive, each with weight 1. */
    public static <T> ZSetStream<T> distinct(ZSetStream<T> unsharded) {
        Objects.requireNonNull(unsharded, "input");
        return Wiring.addKeyedStream("distinct", keyed -> new DistinctOperator(keyed.trace(0)), unsharded);
    }

    /** The (key, value) tuples of {@code input} whose total weight is positive, each with weight 1. */
    public static <K, V> IndexedZSetStream<K, V> distinct(IndexedZSetStream<K, V> unsharded) {
        Objects.requireNonNull(unsharded, "input");
        return Wiring.addKeyedIndexedStream("distinct", unsharded.layout(), keyed -> new DistinctOperator(keyed.trace(0)), unsharded);
    }
}
