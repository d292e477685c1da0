package org.jdbsp.operators.lag;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.operators.topk.internal.GroupRewriteOperator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Incremental lag over the input's shared integral trace: for each touched key, the (row, previous row)
 * pairs before and after the step, and the difference as output.
 */
final class LagOperator extends GroupRewriteOperator {
    LagOperator(IntegralTrace input, Comparator<Object> rowOrder, Layout out) {
        super(input, rowOrder, out);
    }

    @Override
    protected void emit(BatchBuilder result, Object key, List<Map.Entry<Object, Long>> rows, long sign) {
        Object previous = null;
        for (Map.Entry<Object, Long> e : rows) {
            Object row = e.getKey();
            result.addBoxed(key, new LagRow<>(row, previous), sign);
            if (e.getValue() > 1) {
                // the further copies of a row follow the row itself
                result.addBoxed(key, new LagRow<>(row, row), sign * (e.getValue() - 1));
            }
            previous = row;
        }
    }

    @Override
    public Operator fork(ForkContext context) {
        return new LagOperator(context.forked(input), rowOrder, out);
    }
}
