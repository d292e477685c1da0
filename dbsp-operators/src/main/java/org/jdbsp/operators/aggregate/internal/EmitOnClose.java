package org.jdbsp.operators.aggregate.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * The emission policy of a windowed aggregate: a group's row is emitted once, when the watermark passes its window's
 * end; a later change of it (a record within the allowed lateness) retracts the emitted row and emits the new one.
 * The operator tells it, before a step's first change of a group of an already emitted window, to remember that
 * group's row; at the end of the step it emits those rows' changes and the rows of the windows the watermark closes.
 */
public final class EmitOnClose {
    /** How the operator computes a group's result and makes its row. */
    public interface Rows {
        /** The result of the group in {@code slot} of {@code groups} (key {@code key}, window {@code [start, end)}), or null when it has no row. */
        Object result(GroupTable groups, int slot, Object key, long start, long end);

        /** The row of a group with that result. */
        Object row(Object key, long start, long end, Object result);
    }

    /** A group of an already emitted window. */
    private record GroupRef(long start, Object key) {}

    private static final Object ABSENT = new Object();

    private final WindowGroups windows;
    private final Rows rows;
    /** The rows before this step of the emitted groups the step changes (ABSENT: none); null until there is one. */
    private Map<GroupRef, Object> reopened;

    /** Emits the rows of the groups of {@code windows} as {@code rows} makes them. */
    public EmitOnClose(WindowGroups windows, Rows rows) {
        this.windows = windows;
        this.rows = rows;
    }

    /**
     * Called before each change of the group {@code key} of the window starting at {@code start} (whose groups
     * are {@code groups}) when that window's row has been emitted: remembers its row as it was before the step.
     */
    public void beforeChangeOfEmitted(long start, GroupTable groups, Object key) {
        if (reopened == null) {
            reopened = new HashMap<>();
        }
        GroupRef ref = new GroupRef(start, key);
        if (!reopened.containsKey(ref)) {
            int g = groups.slotOf(key);
            Object before = g == GroupTable.NONE ? null : rows.result(groups, g, key, start, windows.end(start));
            reopened.put(ref, before == null ? ABSENT : before);
        }
    }

    /**
     * Adds to {@code out} the step's changes of emitted rows and the rows of the windows that close as the
     * watermark moves from {@code w0} to {@code w1}.
     */
    public void endStep(long w0, long w1, BatchBuilder out) {
        if (reopened != null) {
            for (Map.Entry<GroupRef, Object> e : reopened.entrySet()) {
                GroupRef ref = e.getKey();
                long end = windows.end(ref.start);
                GroupTable groups = windows.existing(ref.start);
                int slot = groups == null ? GroupTable.NONE : groups.slotOf(ref.key);
                Object after = slot == GroupTable.NONE ? null : rows.result(groups, slot, ref.key, ref.start, end);
                Object before = e.getValue() == ABSENT ? null : e.getValue();
                if (!Objects.equals(before, after)) {
                    if (before != null) {
                        out.add(rows.row(ref.key, ref.start, end, before), -1);
                    }
                    if (after != null) {
                        out.add(rows.row(ref.key, ref.start, end, after), 1);
                    }
                }
            }
            reopened = null;
        }
        windows.forEachClosing(w0, w1, (start, end, groups, key, slot) -> {
            Object r = rows.result(groups, slot, key, start, end);
            if (r != null) {
                out.add(rows.row(key, start, end, r), 1);
            }
        });
    }
}
