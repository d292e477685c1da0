package org.jdbsp.flinkbaseline;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * One timed run of a query into a discarding ({@code blackhole}) sink.
 *
 * @param query     the query's name
 * @param elapsedNs the job's own run time as Flink reports it ({@link JobExecutionResult#getNetRuntime}): from the
 *                  job's submission to the MiniCluster to its end (scheduling, the events, the final watermark);
 *                  not the planning nor the MiniCluster's start
 * @param wallNs    the wall clock from handing the query to Flink to the job's end: planning, code generation and
 *                  the MiniCluster's start included
 */
public record QueryRun(String query, long elapsedNs, long wallNs) {

    /**
     * Plans and runs {@code query} in {@code env} until its job ends.
     *
     * @throws IllegalArgumentException if there is no such query
     * @throws IllegalStateException    if the job fails, with Flink's cause
     */
    public static QueryRun run(StreamTableEnvironment env, String query) throws InterruptedException {
        String sql = NexmarkSql.query(query);
        long start = System.nanoTime();
        Table table = env.sqlQuery(sql);
        TableResult result = table.executeInsert(TableDescriptor.forConnector("blackhole").build());
        JobClient job = result.getJobClient()
            .orElseThrow(() -> new IllegalStateException(query + ": Flink started no job"));
        JobExecutionResult done;
        try {
            done = job.getJobExecutionResult().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(query + " failed on Flink: " + e.getCause(), e.getCause());
        }
        long wall = System.nanoTime() - start;
        return new QueryRun(query, done.getNetRuntime(TimeUnit.NANOSECONDS), wall);
    }
}
