package org.jdbsp.circuit;

import java.util.function.Function;
import org.jdbsp.circuit.internal.MapOperator;
import org.jdbsp.circuit.internal.Node;
import org.jdbsp.circuit.internal.ShardOperator;
import org.jdbsp.circuit.internal.ShardOperator.Route;

/**
 * Adds the exchanges of a circuit run by several workers; with one worker each returns its stream's own
 * node and adds nothing, so a one-worker circuit is exactly the single-threaded one. A map, flatMap or index
 * whose output must be sharded does the exchange itself, before consolidating ({@link MapOperator}).
 */
final class Exchanges {
    private Exchanges() {}

    private static boolean single(AbstractStream s) {
        return s.builder.context == null;
    }

    /** The node of {@code s} placed by key: {@code s} itself when it already is. */
    static Node shard(AbstractStream s) {
        if (single(s) || s.placement() == Placement.SHARDED) {
            return s.node;
        }
        if (s.placement() == Placement.ANY && s.node.operator() instanceof MapOperator) {
            s.builder.graph.checkNotSealed();
            // a map's raw output goes to the owners before it is consolidated; the node itself becomes sharded
            ((MapOperator) s.node.operator()).exchangeBeforeConsolidating(s.builder.context);
            return s.node.place(Placement.SHARDED);
        }
        return s.builder.derived.computeIfAbsent("shard:" + s.node.id(),
                k -> add(s, "shard", Route.BY_KEY, null).place(Placement.SHARDED));
    }

    /** The node of plain stream {@code s} placed by the hash of {@code key} of each record. */
    static Node shardBy(ZSetStream<?> s, Function<Object, ?> key) {
        if (single(s)) {
            return s.node;
        }
        return add(s, "shardBy", Route.BY_FUNCTION, key);
    }

    /** The node of {@code s} gathered on worker 0 (for outputs and inspectors). */
    static Node gather(AbstractStream s) {
        if (single(s)) {
            return s.node;
        }
        return s.builder.derived.computeIfAbsent("gather:" + s.node.id(), k -> add(s, "gather", Route.TO_WORKER_ZERO, null));
    }

    /**
     * The node of {@code s} fit to be added to a stream placed {@code other}: a replicated stream added to one
     * that is not counts once, on worker 0, instead of once per worker.
     */
    static Node alignFor(AbstractStream s, Placement other) {
        if (single(s) || s.placement() != Placement.REPLICATED || other == Placement.REPLICATED) {
            return s.node;
        }
        return gather(s);
    }

    private static Node add(AbstractStream s, String kind, Route route, Function<Object, ?> key) {
        ShardOperator op = new ShardOperator(s.builder.context, s.layout(), route, key, s.placement() == Placement.REPLICATED);
        return s.builder.graph.add(kind, op, s.layout(), s.node.id());
    }
}
