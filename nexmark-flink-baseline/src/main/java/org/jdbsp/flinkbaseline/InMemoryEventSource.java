package org.jdbsp.flinkbaseline;

import org.apache.flink.streaming.api.functions.source.RichParallelSourceFunction;
import org.apache.flink.table.data.RowData;

/**
 * The parallel source of the {@code datagen} table: subtask {@code i} of {@code P} emits the registered rows
 * {@code i, i + P, i + 2P, ...} in order, so every subtask's rows are in event-time order and all subtasks cover the
 * same event-time range (as the suite's parallel generators do). Each row is emitted under the checkpoint lock, as
 * the suite's source does. Bounded: it ends after its last row, and Flink's final watermark closes every window.
 */
@SuppressWarnings("deprecation") // the SourceFunction API is deprecated in Flink 1.20 but is what the suite uses
final class InMemoryEventSource extends RichParallelSourceFunction<RowData> {
    private static final long serialVersionUID = 1L;

    private final String eventsKey;
    private volatile boolean running = true;

    InMemoryEventSource(String eventsKey) {
        this.eventsKey = eventsKey;
    }

    @Override
    public void run(SourceContext<RowData> ctx) {
        RowData[] rows = InMemoryEvents.get(eventsKey);
        int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        int subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        Object lock = ctx.getCheckpointLock();
        for (int i = subtask; i < rows.length && running; i += subtasks) {
            synchronized (lock) {
                ctx.collect(rows[i]);
            }
        }
    }

    @Override
    public void cancel() {
        running = false;
    }
}
