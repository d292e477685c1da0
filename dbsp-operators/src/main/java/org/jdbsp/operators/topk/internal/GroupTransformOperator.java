package org.jdbsp.operators.topk.internal;

import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.ints.IntComparator;
import java.util.Arrays;
import java.util.Comparator;
import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.trace.DeltaTraceCursor;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * An operator whose output for a key is a function of that key's group (top-k, lag), computed incrementally
 * over the input's shared integral trace: for each key the step touches, it hands the subclass the group's
 * rows in row order, each with its weight before the step and after it, and the subclass adds the change of
 * that key's output (typically only the rows that differ).
 *
 * <p>The row order is the input's value order, in which the trace already holds a group, so rows stream
 * straight from a {@link DeltaTraceCursor} and the subclass may stop early (top-k reads only its first rows
 * and the changed ones); or a comparator, ties broken by the value order, in which case the touched group is
 * gathered into reusable arrays and sorted by index (long values are boxed for the comparator). Rows
 * whose weight is positive neither before nor after the step are not handed over.
 */
public abstract class GroupTransformOperator implements UnaryOperator {
    /** The shared integral of the input. */
    protected final IntegralTrace input;
    /** The order of a group's rows, or null for the input's value order. */
    protected final Comparator<Object> order;
    /** The layout of the output. */
    protected final Layout out;
    private Batch[] batches = new Batch[16];
    private int[] indices = new int[16];
    private long[] oldWeights = new long[16];
    private long[] newWeights = new long[16];
    private Object[] values = new Object[16];
    private int[] rows = new int[16];
    private final IntComparator byOrder = this::compareRows;

    protected GroupTransformOperator(IntegralTrace input, Comparator<Object> order, Layout out) {
        this.input = input;
        this.order = order;
        this.out = out;
    }

    /** Starts a touched key, the key of tuple {@code k} of {@code keys}. */
    protected abstract void startGroup(Batch keys, int k);

    /**
     * One row of the current group, in row order: tuple {@code index} of {@code batch} (holding the key too),
     * with its weight before and after the step; returns false when the group's later rows cannot change the
     * output (they are then not read).
     */
    protected abstract boolean row(BatchBuilder result, Batch batch, int index, long oldWeight, long newWeight);

    /** Its state is in the integral trace it reads, saved by that trace. */
    @Override
    public boolean hasState() {
        return false;
    }

    @Override
    public final Batch apply(Batch delta) {
        if (delta.size == 0) {
            return Batch.empty(out);
        }
        BatchBuilder result = new BatchBuilder(out);
        DeltaTraceCursor c = new DeltaTraceCursor(input.trace(), delta);
        while (c.nextKey()) {
            startGroup(delta, c.changeStart());
            if (order == null) {
                while (c.nextValue()) {
                    if ((c.oldWeight() > 0 || c.newWeight() > 0)
                            && !row(result, c.valueBatch(), c.valueIndex(), c.oldWeight(), c.newWeight())) {
                        break;
                    }
                }
            } else {
                sortedGroup(c, result);
            }
        }
        return result.build();
    }

    private void sortedGroup(DeltaTraceCursor c, BatchBuilder result) {
        int n = 0;
        while (c.nextValue()) {
            if (c.oldWeight() <= 0 && c.newWeight() <= 0) {
                continue;
            }
            if (n == rows.length) {
                grow();
            }
            batches[n] = c.valueBatch();
            indices[n] = c.valueIndex();
            oldWeights[n] = c.oldWeight();
            newWeights[n] = c.newWeight();
            values[n] = c.value();
            rows[n] = n;
            n++;
        }
        IntArrays.quickSort(rows, 0, n, byOrder);
        for (int i = 0; i < n; i++) {
            int r = rows[i];
            if (!row(result, batches[r], indices[r], oldWeights[r], newWeights[r])) {
                break;
            }
        }
        // do not keep the step's batches and values alive until the next large group
        Arrays.fill(batches, 0, n, null);
        Arrays.fill(values, 0, n, null);
    }

    /** Row order on gathered indices; indices are in value order, so the index breaks ties. */
    private int compareRows(int a, int b) {
        int c = order.compare(values[a], values[b]);
        return c != 0 ? c : Integer.compare(a, b);
    }

    private void grow() {
        int size = 2 * rows.length;
        batches = Arrays.copyOf(batches, size);
        indices = Arrays.copyOf(indices, size);
        oldWeights = Arrays.copyOf(oldWeights, size);
        newWeights = Arrays.copyOf(newWeights, size);
        values = Arrays.copyOf(values, size);
        rows = Arrays.copyOf(rows, size);
    }

    /** The order of a layout's values, boxed (longs in numeric order). */
    @SuppressWarnings("unchecked")
    public static Comparator<Object> valueOrder(Layout layout) {
        if (layout.valueKind() == ColumnKind.LONG) {
            return (a, b) -> Long.compare((Long) a, (Long) b);
        }
        return layout.valueOrder();
    }
}
