package org.jdbsp.operators.topk;

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
 * Incremental top-k per key over the input's shared integral trace: for each key the step touches, the
 * first {@code k} rows before and after the step, and the difference as output. Keeps no state of its own.
 */
final class TopKOperator extends GroupRewriteOperator {
    private final int k;
    private final boolean ranked;

    TopKOperator(IntegralTrace input, int k, Comparator<Object> rowOrder, boolean ranked, Layout out) {
        super(input, rowOrder, out);
        this.k = k;
        this.ranked = ranked;
    }

    @Override
    protected void emit(BatchBuilder result, Object key, List<Map.Entry<Object, Long>> rows, long sign) {
        long rank = 0;
        for (Map.Entry<Object, Long> e : rows) {
            if (rank == k) {
                break;
            }
            long take = Math.min(e.getValue(), k - rank);
            if (ranked) {
                for (long i = 1; i <= take; i++) {
                    result.addBoxed(key, new Ranked<>(rank + i, e.getKey()), sign);
                }
            } else {
                result.addBoxed(key, e.getKey(), sign * take);
            }
            rank += take;
        }
    }

    @Override
    public Operator fork(ForkContext context) {
        return new TopKOperator(context.forked(input), k, rowOrder, ranked, out);
    }
}
