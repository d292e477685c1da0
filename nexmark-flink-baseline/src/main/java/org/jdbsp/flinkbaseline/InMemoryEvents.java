package org.jdbsp.flinkbaseline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.table.data.RowData;

/**
 * The pre-built event rows of the runs, by key. The source table names its rows by key only, so the job that Flink
 * serializes and ships to its (in-process) tasks carries a short string, never the events; the MiniCluster's tasks
 * run in this JVM and read the same arrays.
 */
public final class InMemoryEvents {
    private static final Map<String, RowData[]> EVENTS = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT = new AtomicLong();

    private InMemoryEvents() {}

    /** Registers {@code rows} and returns their key; {@link #release} drops them. */
    public static String register(RowData[] rows) {
        String key = "events-" + NEXT.incrementAndGet();
        EVENTS.put(key, rows);
        return key;
    }

    /**
     * The rows registered under {@code key}.
     *
     * @throws IllegalStateException if no rows are registered under it (released, or from another JVM)
     */
    public static RowData[] get(String key) {
        RowData[] rows = EVENTS.get(key);
        if (rows == null) {
            throw new IllegalStateException("no in-memory events under '" + key + "' (released, or the job runs in"
                + " another JVM: the baseline needs Flink's local MiniCluster)");
        }
        return rows;
    }

    /** Drops the rows registered under {@code key}, if any. */
    public static void release(String key) {
        EVENTS.remove(key);
    }
}
