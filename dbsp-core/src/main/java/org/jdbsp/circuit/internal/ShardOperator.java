package org.jdbsp.circuit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.jdbsp.zset.spi.Merging;
import org.jdbsp.zset.internal.PartCounts;
import org.jdbsp.zset.internal.Partition;
import org.jdbsp.zset.internal.Selection;

/**
 * The exchange: moves every tuple of this worker's batch to the worker that must hold it, and returns the
 * sum of what every worker sent here.
 *
 * <p>Where a tuple goes is decided by a {@link Route}: by the {@link KeyHash} of its key column (the
 * record, for a plain Z-set), by the hash of a function of the record, or to worker 0 (to gather a
 * stream for an output). Each worker cuts its consolidated batch into consolidated parts in one pass, one
 * per worker that gets a tuple, sends only those in one collective round, and merges the parts it receives
 * (so an exchange costs the data, not W per worker: see {@link WorkerGroup}); batches coming from other
 * workers' replicas are relabelled with this replica's layout, whose comparators are equivalent.
 *
 * <p>An unconsolidated input (tuples as appended, from a split input's part or a map; see
 * {@link UnconsolidatedHandOff}) is cut as it is, the raw parts are handed over, and each worker consolidates
 * what it receives in one sort: where consolidating first would sort on the sending side and merge the W
 * parts on the receiving side. When its readers all read tuple by tuple, what it receives is handed on
 * unconsolidated, and nothing is sorted here at all.
 *
 * <p>When the input is replicated (every worker holds the whole change), nothing moves: each worker keeps
 * the tuples it owns (for a gather, worker 0 keeps everything and the others nothing).
 */
public final class ShardOperator implements UnaryOperator {
    @Override
    public boolean hasState() {
        return false;
    }

    /** Where the tuples of a batch go. */
    public enum Route {
        /** To the owner of the key column's value. */
        BY_KEY,
        /** To the owner of a function of the record. */
        BY_FUNCTION,
        /** To worker 0. */
        TO_WORKER_ZERO
    }

    private final WorkerContext workers;
    private final Layout layout;
    private final Route route;
    private final Function<Object, ?> keyFunction;
    private final boolean replicatedInput;
    private final KeyOwners owners = new KeyOwners();
    private final PartCounts counts = new PartCounts();
    private boolean unconsolidatedOutput;
    /** The parts received in a step, some unconsolidated, in one set of columns (reused from step to step). */
    private final BatchBuilder received;

    /**
     * An exchange of batches of {@code layout} on worker {@code workers}; {@code keyFunction} is used with
     * {@link Route#BY_FUNCTION} only; with {@code replicatedInput}, nothing is sent.
     */
    public ShardOperator(WorkerContext workers, Layout layout, Route route, Function<Object, ?> keyFunction, boolean replicatedInput) {
        this.workers = workers;
        this.layout = layout;
        this.received = new BatchBuilder(layout);
        this.route = route;
        this.keyFunction = keyFunction;
        this.replicatedInput = replicatedInput;
    }

    /**
     * Makes this exchange hand on what it receives as it arrives, unconsolidated, when some of it is (its readers
     * all read tuple by tuple; decided when the graph is sealed, see {@link UnconsolidatedHandOff}).
     */
    void emitUnconsolidated() {
        this.unconsolidatedOutput = true;
    }

    /** Where this exchange sends tuples. */
    public Route route() {
        return route;
    }

    /**
     * Whether this is a gather onto worker 0 from several workers: its input is best consolidated where it is
     * made, each worker sorting its own part at once, rather than handed over raw and sorted by worker 0 alone
     * (which, for q0's output, halved the throughput at two workers).
     */
    boolean gathersFromSeveralWorkers() {
        return route == Route.TO_WORKER_ZERO && workers.count() > 1 && !replicatedInput;
    }

    /** Whether its input is replicated, so that nothing is sent (each worker keeps what it owns). */
    public boolean replicatedInput() {
        return replicatedInput;
    }

    @Override
    public Batch apply(Batch input) {
        int w = workers.count();
        int me = workers.index();
        if (replicatedInput) {
            Batch all = input.consolidate();
            if (route == Route.TO_WORKER_ZERO) {
                return me == 0 ? all : Batch.empty(layout);
            }
            int[] own = computeOwners(all, w);
            return Selection.select(all, (b, i) -> own[i] == me);
        }
        if (route == Route.TO_WORKER_ZERO) {
            if (input.size > 0) {
                workers.send(0, input);
            }
        } else if (input.size > 0) {
            Batch[] parts = Partition.split(input, computeOwners(input, w), w, counts);
            for (int k = 0; k < parts.length; k++) {
                workers.send(counts.part(k), parts[k]);
            }
        }
        Object[] incoming = workers.receive();
        if (incoming.length == 0) {
            return Batch.empty(layout);
        }
        List<Batch> received = new ArrayList<>(incoming.length);
        boolean allConsolidated = true;
        for (Object o : incoming) {
            Batch b = (Batch) o;
            allConsolidated &= b.consolidated;
            received.add(b.withLayout(layout));
        }
        // what arrives decides: one raw part makes the worker consolidate everything it received in one sort
        Batch mine = !allConsolidated ? consolidateAll(received)
                : received.size() == 1 ? received.get(0) : Merging.sum(received, null);
        if (route == Route.BY_KEY) {
            KeyOwners.checkReceived(mine, me, w);
        }
        return mine;
    }

    /**
     * The sum of {@code parts}, some unconsolidated: their tuples in one array per column, sorted once, or handed on
     * as they are when this exchange's readers take that.
     */
    private Batch consolidateAll(List<Batch> parts) {
        for (Batch b : parts) {
            received.addBatch(b);
        }
        return unconsolidatedOutput ? received.buildUnconsolidated() : received.build();
    }

    /**
     * The tuples of consolidated {@code batch} whose key column's owner, among {@code workers}, is {@code worker}:
     * where an exchange by key sends them (used to cut saved state when a checkpoint is restored on another
     * number of workers).
     */
    public static Batch ownedPart(Batch batch, int worker, int workers) {
        if (batch.size == 0 || workers == 1) {
            return batch;
        }
        KeyOwners owners = new KeyOwners();
        int[] own = batch.longKeys != null ? owners.ofLongs(batch.longKeys, batch.size, workers)
                : owners.ofObjects(batch.objKeys, batch.size, workers);
        return Selection.select(batch, (b, i) -> own[i] == worker);
    }

    private int[] computeOwners(Batch b, int w) {
        if (route == Route.BY_FUNCTION) {
            int[] own = owners.room(b.size);
            for (int i = 0; i < b.size; i++) {
                own[i] = KeyHash.ownerOf(keyFunction.apply(b.key(i)), w);
            }
            return own;
        }
        return b.longKeys != null ? owners.ofLongs(b.longKeys, b.size, w) : owners.ofObjects(b.objKeys, b.size, w);
    }

    @Override
    public Operator fork() {
        ShardOperator copy = new ShardOperator(workers, layout, route, keyFunction, replicatedInput);
        copy.unconsolidatedOutput = unconsolidatedOutput;
        return copy;
    }
}
