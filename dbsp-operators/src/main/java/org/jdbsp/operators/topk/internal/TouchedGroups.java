package org.jdbsp.operators.topk.internal;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.jdbsp.trace.TraceCursor;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Weights;
import org.jdbsp.zset.spi.Batch;

/**
 * Visits every key of a step's change with its group of values before the step (read from the shared
 * integral trace, which holds {@code z^-1(I s)} during the step) and after it (that plus the change).
 * The work is proportional to the touched keys times their group sizes; untouched keys are never read.
 */
public final class TouchedGroups {
    private TouchedGroups() {}

    /** Receives one touched key and its value multisets before and after the step (values in layout order). */
    @FunctionalInterface
    public interface Visitor {
        /** Called once per key of the change, in key order. */
        void group(Object key, Map<Object, Long> before, Map<Object, Long> after);
    }

    /** The order of a layout's values, boxed (longs in numeric order). */
    @SuppressWarnings("unchecked")
    public static Comparator<Object> valueOrder(Layout layout) {
        if (layout.valueKind() == ColumnKind.LONG) {
            return (a, b) -> Long.compare((Long) a, (Long) b);
        }
        return layout.valueOrder();
    }

    /** Visits each key of {@code delta} with its groups read through {@code cursor} (a cursor on the integral). */
    public static void visit(TraceCursor cursor, Batch delta, Visitor visitor) {
        Comparator<Object> order = valueOrder(delta.layout);
        for (int i = 0; i < delta.size; ) {
            int end = delta.endOfKey(i);
            Object key = delta.key(i);
            TreeMap<Object, Long> before = new TreeMap<>(order);
            if (cursor.seekKey(key)) {
                while (cursor.nextValue()) {
                    before.put(cursor.value(), cursor.weight());
                }
            }
            TreeMap<Object, Long> after = new TreeMap<>(before);
            for (int j = i; j < end; j++) {
                after.merge(delta.value(j), delta.weights[j], (a, b) -> {
                    long s = Weights.add(a, b);
                    return s == 0 ? null : s;
                });
            }
            visitor.group(key, before, after);
            i = end;
        }
    }
}
