package org.jdbsp.circuit.internal;

import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * The linear operators map, flatMap and index: each input tuple becomes zero or more output tuples, then the
 * output is consolidated.
 *
 * <p>On several workers, when the output must be sharded by key ({@link #exchangeBeforeConsolidating}),
 * the raw output tuples go to their key's owner first and each worker consolidates what it receives: one
 * sort per tuple, where consolidating, exchanging and then merging the parts received would sort and merge.
 */
public final class MapOperator implements UnaryOperator {
    @Override
    public boolean hasState() {
        return false;
    }

    private final Layout outLayout;
    private final TupleMapper mapper;
    private final BatchBuilder builder;
    private WorkerContext exchange;
    private boolean unconsolidatedOutput;
    private final KeyOwners owners = new KeyOwners();
    private int[] destinations;

    /** An operator applying {@code mapper} to every tuple and producing batches of {@code outLayout}. */
    public MapOperator(Layout outLayout, TupleMapper mapper) {
        this.outLayout = outLayout;
        this.mapper = mapper;
        this.builder = new BatchBuilder(outLayout);
    }

    /**
     * Makes this operator's output sharded by key on the workers of {@code workers}: each output tuple goes
     * to the owner of its key (as a {@link ShardOperator} would send it) before being consolidated there.
     * Called at build time, before the circuit runs.
     */
    public void exchangeBeforeConsolidating(WorkerContext workers) {
        this.exchange = workers;
    }

    /** Whether this operator sends its output tuples to their key's owner before consolidating them. */
    public boolean exchangesBeforeConsolidating() {
        return exchange != null;
    }

    /**
     * Makes this operator hand its output on as appended, unconsolidated (its readers all read tuple by tuple;
     * decided when the graph is sealed, see {@link UnconsolidatedHandOff}).
     */
    void emitUnconsolidated() {
        this.unconsolidatedOutput = true;
    }

    /** Whether the output must be sharded by key before it is consolidated (see {@link #exchangeBeforeConsolidating}). */
    boolean exchanges() {
        return exchange != null;
    }

    @Override
    public Batch apply(Batch input) {
        try {
            for (int i = 0; i < input.size; i++) {
                mapper.map(input, i, builder);
            }
        } catch (RuntimeException e) {
            builder.clear();
            throw e;
        }
        if (exchange != null) {
            return exchangeAndBuild();
        }
        return unconsolidatedOutput ? builder.buildUnconsolidated() : builder.build();
    }

    private Batch exchangeAndBuild() {
        int w = exchange.count();
        if (builder.size() > 0) {
            if (destinations == null) {
                destinations = new int[w];
            }
            BatchBuilder[] parts = builder.takeAppendedByUsedPart(ownersOfAppended(w), w, destinations);
            for (int k = 0; k < parts.length; k++) {
                exchange.send(destinations[k], parts[k]);
            }
        }
        Object[] incoming = exchange.receive();
        int total = 0;
        for (Object part : incoming) {
            total += ((BatchBuilder) part).size();
        }
        BatchBuilder mine = new BatchBuilder(outLayout, total);
        for (Object part : incoming) {
            mine.addAppended((BatchBuilder) part);
        }
        Batch received = mine.build();
        KeyOwners.checkReceived(received, exchange.index(), w);
        return received;
    }

    private int[] ownersOfAppended(int w) {
        long[] longKeys = builder.appendedLongKeys();
        return longKeys != null ? owners.ofLongs(longKeys, builder.size(), w) : owners.ofObjects(builder.appendedKeys(), builder.size(), w);
    }

    @Override
    public Operator fork() {
        MapOperator copy = new MapOperator(outLayout, mapper);
        copy.exchange = exchange;
        copy.unconsolidatedOutput = unconsolidatedOutput;
        return copy;
    }
}
