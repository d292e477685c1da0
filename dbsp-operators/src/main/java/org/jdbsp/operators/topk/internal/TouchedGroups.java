package org.jdbsp.operators.topk.internal;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.jdbsp.trace.DeltaTraceCursor;
import org.jdbsp.trace.Trace;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
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

    /** Visits each key of {@code delta} with its groups before and after the step, read against {@code trace}. */
    public static void visit(Trace trace, Batch delta, Visitor visitor) {
        Comparator<Object> order = valueOrder(delta.layout);
        DeltaTraceCursor c = new DeltaTraceCursor(trace, delta);
        while (c.nextKey()) {
            TreeMap<Object, Long> before = new TreeMap<>(order);
            TreeMap<Object, Long> after = new TreeMap<>(order);
            while (c.nextValue()) {
                if (c.oldWeight() != 0) {
                    before.put(c.value(), c.oldWeight());
                }
                if (c.newWeight() != 0) {
                    after.put(c.value(), c.newWeight());
                }
            }
            visitor.group(delta.key(c.changeStart()), before, after);
        }
    }
}
