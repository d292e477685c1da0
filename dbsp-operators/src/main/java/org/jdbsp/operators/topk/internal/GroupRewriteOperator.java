package org.jdbsp.operators.topk.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * An operator whose output for a key is a function of that key's whole group (top-k, lag): each step it
 * retracts the output of every touched group as it was before the step and inserts it as it is after;
 * unchanged rows cancel when the output is consolidated.
 */
public abstract class GroupRewriteOperator implements UnaryOperator {
    /** The shared integral of the input. */
    protected final IntegralTrace input;
    /** Orders a group's rows: the user's order, then the input's value order. */
    protected final Comparator<Object> rowOrder;
    /** The layout of the output. */
    protected final Layout out;

    protected GroupRewriteOperator(IntegralTrace input, Comparator<Object> rowOrder, Layout out) {
        this.input = input;
        this.rowOrder = rowOrder;
        this.out = out;
    }

    @Override
    public final Batch apply(Batch delta) {
        if (delta.size == 0) {
            return Batch.empty(out);
        }
        BatchBuilder result = new BatchBuilder(out);
        TouchedGroups.visit(input.trace(), delta, (key, before, after) -> {
            emit(result, key, sortedRows(before), -1);
            emit(result, key, sortedRows(after), 1);
        });
        return result.build();
    }

    /** The rows of a group with positive multiplicity, in row order. */
    private List<Map.Entry<Object, Long>> sortedRows(Map<Object, Long> group) {
        List<Map.Entry<Object, Long>> rows = new ArrayList<>(group.size());
        for (Map.Entry<Object, Long> e : group.entrySet()) {
            if (e.getValue() > 0) {
                rows.add(e);
            }
        }
        rows.sort((a, b) -> rowOrder.compare(a.getKey(), b.getKey()));
        return rows;
    }

    /** Adds the output of one group, given its sorted rows with multiplicities, with weights times {@code sign}. */
    protected abstract void emit(BatchBuilder result, Object key, List<Map.Entry<Object, Long>> rows, long sign);
}
