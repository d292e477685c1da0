package org.jdbsp.circuit.internal;

import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.internal.Batch;
import org.jdbsp.zset.internal.BatchBuilder;

/** The linear operators map, flatMap and index: each input tuple becomes zero or more output tuples, then the output is consolidated. */
public final class MapOperator implements UnaryOperator {
    private final Layout outLayout;
    private final TupleMapper mapper;
    private final BatchBuilder builder;

    /** An operator applying {@code mapper} to every tuple and producing batches of {@code outLayout}. */
    public MapOperator(Layout outLayout, TupleMapper mapper) {
        this.outLayout = outLayout;
        this.mapper = mapper;
        this.builder = new BatchBuilder(outLayout);
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
        return builder.build();
    }

    @Override
    public Operator fork() {
        return new MapOperator(outLayout, mapper);
    }
}
