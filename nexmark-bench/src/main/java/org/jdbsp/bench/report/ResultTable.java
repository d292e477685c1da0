package org.jdbsp.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The final table: one row per query, aligned as a Markdown table (readable in a terminal, pastable into a README),
 * followed by notes that say what the columns count.
 */
public final class ResultTable {
    /** The column headers, in order. */
    public static final List<String> HEADERS = List.of("Query", "#Events", "Cores", "Elapsed", "Cores * Elapsed",
        "Throughput/Cores", "Total Usr CPU", "Total Sys CPU", "GC time", "Peak heap", "Peak RSS", "Output changes",
        "Heap after GC", "Storage written", "Storage at end", "Step p50", "Step p99", "Step max");

    private ResultTable() {}

    /**
     * The table of {@code rows} and the notes of {@code context}, lines ending with {@code \n}; with the
     * {@link CheckpointFigures#HEADERS} columns after {@link #HEADERS} when a row took checkpoints.
     */
    public static String render(List<QueryMeasurement> rows, RunContext context) {
        boolean checkpoints = rows.stream().anyMatch(m -> m.checkpoints() != null);
        List<String> headers = new ArrayList<>(HEADERS);
        if (checkpoints) {
            headers.addAll(CheckpointFigures.HEADERS);
        }
        List<String[]> cells = new ArrayList<>();
        cells.add(headers.toArray(new String[0]));
        for (QueryMeasurement m : rows) {
            String[] row = cells(m);
            cells.add(checkpoints ? concat(row, CheckpointFigures.cells(m.checkpoints())) : row);
        }
        int[] width = new int[headers.size()];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, cells.get(0), width);
        sb.append('|');
        for (int c = 0; c < width.length; c++) {
            sb.append(c == 0 ? " :" : " ").append("-".repeat(Math.max(1, width[c] - 1))).append(c == 0 ? " |" : ": |");
        }
        sb.append('\n');
        for (int r = 1; r < cells.size(); r++) {
            line(sb, cells.get(r), width);
        }
        sb.append('\n');
        for (String note : notes(context)) {
            sb.append(note).append('\n');
        }
        if (checkpoints) {
            sb.append(CheckpointFigures.NOTE).append('\n');
        }
        return sb.toString();
    }

    /** {@code a} followed by {@code b}. */
    static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String[] cells(QueryMeasurement m) {
        return new String[] {
            m.query(),
            Units.count(m.events()),
            Integer.toString(m.cores()),
            Units.seconds(m.elapsedNanos()),
            Units.seconds(m.coreSeconds()),
            Units.rate(m.throughputPerCore(), "/s"),
            Units.seconds(m.cpu().userNanos()),
            Units.seconds(m.cpu().systemNanos()),
            Units.seconds(m.gcMillis() * 1_000_000L),
            Units.bytes(m.peakHeapBytes()),
            Units.bytes(m.peakRssBytes()),
            Units.count(m.outputChanges()),
            Units.bytes(m.memory().peakHeapAfterGcBytes()),
            Units.bytes(m.memory().storageWrittenBytes()),
            Units.bytes(m.memory().storageAtEndBytes()),
            Units.millis(m.steps().p50Nanos()),
            Units.millis(m.steps().p99Nanos()),
            Units.millis(m.steps().maxNanos()),
        };
    }

    private static void line(StringBuilder sb, String[] row, int[] width) {
        sb.append('|');
        for (int c = 0; c < row.length; c++) {
            String pad = " ".repeat(width[c] - row[c].length());
            sb.append(' ').append(c == 0 ? row[c] + pad : pad + row[c]).append(" |");
        }
        sb.append('\n');
    }

    private static List<String> notes(RunContext c) {
        List<String> notes = new ArrayList<>();
        notes.add("Cores = --cpu-cores, the circuit's worker threads: the run loop's own thread (which also pushes"
            + " the events) plus Cores - 1 worker threads. " + c.generatorNote() + " The JVM's GC and JIT threads are not counted in"
            + " Cores either; every thread is counted in the CPU columns.");
        notes.add("Elapsed = wall clock from " + (c.pregenerated()
            ? "the first push to the end of finish(); the events were generated into memory beforehand (--pregenerate)."
            : "the start of the event generator to the end of finish() (generation runs concurrently and is included)."));
        notes.add("Throughput/Cores = #Events / (Cores * Elapsed). Input batches of " + Units.count(c.batchSize())
            + " events per step.");
        notes.add("Total Usr/Sys CPU = CPU time of every thread of the process during the query (/proc/self/stat, "
            + c.ticksPerSecond() + " ticks/s " + (c.tickRateMeasured() ? "read from AT_CLKTCK in /proc/self/auxv"
            : "ASSUMED: AT_CLKTCK could not be read") + "); it exceeds Elapsed when several threads are busy.");
        notes.add("GC time = collection time of the JVM's collectors (JMX). Peak heap = the largest heap occupancy"
            + " seen (just before a collection, or at the end); a full GC runs before each query.");
        notes.add("Peak RSS = VmHWM of /proc/self/status, " + (c.rssResetWorks()
            ? "reset before each query (5 written to /proc/self/clear_refs)."
            : "NOT reset between queries (/proc/self/clear_refs was refused): the peak since the process started."));
        notes.add("Output changes = sum of |weight| of every change the query's output emitted.");
        notes.add("Heap after GC = the largest heap occupancy a collection left during the query, or a full GC"
            + " after its last step (JMX notifications). Storage written / at end = bytes of batch files the"
            + " circuit wrote (files merged away since included) / bytes of its files after the last step"
            + (c.storage() == null ? "; n/a: no --storage." : ", in " + c.storage() + "."));
        notes.add("Step p50/p99/max = latency of one input batch's push and step (HdrHistogram, 3 significant digits),"
            + " over every step of the query (finish() is not a step here).");
        notes.add(c.jvm());
        return notes;
    }

    /**
     * What the notes under the table say about the run.
     *
     * @param generatorNote    a sentence saying which threads generated the events
     * @param pregenerated     whether the events were generated before the timed part (--pregenerate)
     * @param batchSize        events pushed per step
     * @param ticksPerSecond   the CPU clock's tick rate
     * @param tickRateMeasured whether that rate was read from the kernel
     * @param rssResetWorks    whether the peak RSS was reset before each query
     * @param jvm              the JVM and machine, one line
     * @param storage          the storage settings, one phrase, or null without storage
     */
    public record RunContext(String generatorNote, boolean pregenerated, int batchSize, long ticksPerSecond,
                             boolean tickRateMeasured, boolean rssResetWorks, String jvm, String storage) {
    }
}
