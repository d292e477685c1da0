package org.jdbsp.operators.window;

import org.jdbsp.operators.aggregate.internal.EmitOnClose;
import org.jdbsp.operators.aggregate.internal.GroupTable;

/** The rows of a fixed-size window aggregate: its {@link WindowAggregate}'s result of a group, as a {@link WindowResult}. */
final class WindowRows implements EmitOnClose.Rows {
    private final WindowAggregate<?, ?> agg;

    WindowRows(WindowAggregate<?, ?> agg) {
        this.agg = agg;
    }

    @Override
    public Object result(GroupTable groups, int slot, Object key, long start, long end) {
        return agg.result(groups, slot, key, start, end);
    }

    @Override
    public Object row(Object key, long start, long end, Object result) {
        return new WindowResult<>(key, start, end, result);
    }
}
