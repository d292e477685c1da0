package org.jdbsp.flinkbaseline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * The Flink setting of the baseline: a local MiniCluster (each job starts its own, in this JVM) at the given
 * parallelism, the heap ("hashmap") state backend, no checkpoints, and the Nexmark suite's table settings
 * ({@link #TABLE_SETTINGS}); with the suite's source table, views, q13's side table and q14's function declared.
 */
public final class BaselineEnvironment {
    /** The state backend: state on the heap. */
    public static final String STATE_BACKEND = "hashmap";

    /**
     * The table settings, those of the Nexmark suite's Flink configuration: mini-batches of at most 50,000 rows or
     * 2 s, and distinct aggregates split into two levels (which the suite also enables; it changes q15 and q16).
     */
    public static final Map<String, String> TABLE_SETTINGS = tableSettings();

    private BaselineEnvironment() {}

    /** A table environment over the rows registered under {@code eventsKey}, running jobs at {@code parallelism}. */
    public static StreamTableEnvironment create(int parallelism, String eventsKey) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism = " + parallelism + " is invalid: must be >= 1");
        }
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, STATE_BACKEND);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        StreamTableEnvironment t = StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
        TABLE_SETTINGS.forEach((k, v) -> t.getConfig().set(k, v));
        t.executeSql(NexmarkSql.sourceTable(eventsKey));
        for (String view : NexmarkSql.views()) {
            t.executeSql(view);
        }
        t.executeSql(NexmarkSql.sideInputTable());
        t.createTemporarySystemFunction(CountChar.NAME, CountChar.class);
        return t;
    }

    private static Map<String, String> tableSettings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("table.exec.mini-batch.enabled", "true");
        m.put("table.exec.mini-batch.allow-latency", "2 s");
        m.put("table.exec.mini-batch.size", "50000");
        m.put("table.optimizer.distinct-agg.split.enabled", "true");
        return Collections.unmodifiableMap(m);
    }
}
