package org.jdbsp.nexmark.queries.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.SinkOperator;
import org.jdbsp.circuit.spi.StatePartitioning;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.nexmark.queries.Q10;
import org.jdbsp.zset.spi.Batch;

/**
 * Appends q10's rows to CSV files partitioned by date and minute, like the suite's filesystem sink.
 *
 * <p>Layout: {@code <directory>/dt=<dt>/hm=<hm>/part-<sink id>.csv}, where partition values are escaped for
 * file names: every character but {@code A-Z a-z 0-9 - _ .} becomes {@code %XX} (its UTF-8 bytes in upper
 * case hexadecimal), so the minute {@code 00:05} is the directory {@code hm=00%3A05}. Each line is
 * {@code auction,bidder,price,dateTime,extra} (dateTime in epoch ms; the partition columns are in the path,
 * not the line); a field holding a comma, a double quote or a line break is quoted as RFC 4180 says. A row of
 * weight {@code w} is written {@code w} times. Lines are encoded into a reused byte buffer ({@link CsvLineBuffer}) and
 * written to the file's channel 64 KiB at a time, so a row costs no string building and no charset encoder; rows
 * are read a block ahead of their encoding ({@link #fetch}) so that waiting for their memory overlaps.
 *
 * <p>Every sink instance has its own random id, so several instances (one per worker thread, or several runs)
 * can write under one directory without sharing a file. Each step appends to the files of the partitions it
 * touches and closes them before it ends, so everything written is flushed at the end of the step and at
 * most one file is open at a time (the rows arrive sorted by time, see {@link Q10#ORDER}). The log is
 * append-only: a negative weight fails the step before anything is written; an I/O error fails the step
 * naming the file.
 *
 * <p><b>Checkpoints.</b> The sink remembers the length of every file it wrote. A checkpoint fsyncs the files
 * written since the previous one and saves the sink id and those lengths; a restore takes the id back,
 * truncates each file to its saved length and deletes this sink's files that the checkpoint does not know,
 * so that rows written after the checkpoint (before a crash) are dropped and written again exactly once by
 * the steps that follow. A file shorter than saved (lost data) fails the restore naming it.
 */
public final class Q10FileSink implements SinkOperator {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final int DRAIN_BYTES = 1 << 16;
    /** Rows read ahead of their encoding by {@link #fetch}: their memory (a few KiB) stays in the CPU's cache. */
    private static final int FETCH_ROWS = 64;

    private final Path directory;
    private String fileName;
    /** Per partition written (relative path), the length of this sink's file there. */
    private final Map<String, Long> lengths = new HashMap<>();
    /** The partitions written since the last checkpoint (their files are not durable yet). */
    private final Set<String> unsynced = new HashSet<>();
    /** The lines of the partition being written, encoded; drained to its file every {@link #DRAIN_BYTES}. */
    private final CsvLineBuffer lines = new CsvLineBuffer(DRAIN_BYTES + 4096);
    /** What {@link #fetch} read, kept so that the reads are not optimised away. */
    private int fetched;

    /** A sink writing under {@code directory} (created when needed) with a fresh sink id. */
    public Q10FileSink(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.fileName = "part-" + UUID.randomUUID() + ".csv";
    }

    /** The name of the files this sink writes in each partition directory. */
    public String fileName() {
        return fileName;
    }

    /** The directory of the partition ({@code dt}, {@code hm}) under {@code directory}. */
    public static Path partition(Path directory, String dt, String hm) {
        return directory.resolve("dt=" + escape(dt)).resolve("hm=" + escape(hm));
    }

    /** A partition value made safe for a file name (see the class comment). */
    public static String escape(String value) {
        StringBuilder sb = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
            if (safe) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < value.length() ? i + 2 : i + 1;
            for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
            i = end - 1;
        }
        return sb == null ? value : sb.toString();
    }

    @Override
    public void consume(Batch input) {
        for (int i = 0; i < input.size; i++) {
            if (input.weights[i] < 0) {
                throw new IllegalStateException("q10 writes an append-only log and cannot retract " + input.key(i)
                        + " (weight " + input.weights[i] + ")");
            }
        }
        FileChannel out = null;
        Path file = null;
        String dt = null;
        String hm = null;
        lines.clear();
        try {
            for (int i = 0; i < input.size; i++) {
                if (i % FETCH_ROWS == 0) {
                    fetch(input.objKeys, i, Math.min(input.size, i + FETCH_ROWS));
                }
                Q10.Row r = (Q10.Row) input.objKeys[i];
                if (out == null || !r.dt().equals(dt) || !r.hm().equals(hm)) {
                    if (out != null) {
                        lines.drainTo(out);
                        out.close();
                        out = null;
                        written(file);
                    }
                    dt = r.dt();
                    hm = r.hm();
                    Path dir = partition(directory, dt, hm);
                    file = dir.resolve(fileName);
                    Files.createDirectories(dir);
                    out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND);
                } else if (lines.length() >= DRAIN_BYTES) {
                    lines.drainTo(out);
                }
                appendLine(r, input.weights[i]);
            }
            if (out != null) {
                lines.drainTo(out);
                out.close();
                out = null;
                written(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("q10 could not write " + (file != null ? file : directory) + ": " + e, e);
        } finally {
            lines.clear();
            if (out != null) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // the first failure is the one reported
                }
            }
        }
    }

    /**
     * Reads each row of {@code rows[from, to)} (its fields at both ends, wherever the JVM laid them out), its extra's
     * length and last character, so that their cache misses overlap: a batch holds its rows in their sort order,
     * which is not the order they sit in memory, and when each row is read just before its line is encoded the CPU
     * waits for the row, then its string, then the string's bytes, one row after the other. After this loop, which
     * does little per row, the lines of these rows are encoded from the cache.
     */
    private void fetch(Object[] rows, int from, int to) {
        int seen = 0;
        for (int i = from; i < to; i++) {
            Q10.Row r = (Q10.Row) rows[i];
            String extra = r.extra();
            int n = extra.length();
            seen += (int) r.auction() + (int) r.dateTime() + r.dt().length() + r.hm().length()
                    + (n == 0 ? 0 : extra.charAt(n - 1));
        }
        fetched = seen;
    }

    /** Encodes the line of {@code r} {@code weight} times. */
    private void appendLine(Q10.Row r, long weight) throws IOException {
        int lineStart = lines.length();
        lines.append(r.auction());
        lines.append(',');
        lines.append(r.bidder());
        lines.append(',');
        lines.append(r.price());
        lines.append(',');
        lines.append(r.dateTime());
        lines.append(',');
        lines.appendField(r.extra());
        lines.append('\n');
        lines.repeatFrom(lineStart, weight - 1);
    }

    private void written(Path file) throws IOException {
        String partition = directory.relativize(file.getParent()).toString();
        lengths.put(partition, Files.size(file));
        unsynced.add(partition);
    }

    /** Makes the files written since the last checkpoint durable, then saves the sink id and every file's length. */
    @Override
    public void snapshot(StateWriter out) {
        for (String partition : unsynced) {
            Path file = directory.resolve(partition).resolve(fileName);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.force(true);
            } catch (IOException e) {
                throw new UncheckedIOException("q10 could not make " + file + " durable for a checkpoint: " + e, e);
            }
        }
        unsynced.clear();
        out.writeObject(fileName);
        out.writeInt(lengths.size());
        for (Map.Entry<String, Long> e : new TreeMap<>(lengths).entrySet()) {
            out.writeObject(e.getKey());
            out.writeLong(e.getValue());
        }
    }

    /**
     * On another number of workers the files go back to the checkpoint on new worker 0 (every saved sink's,
     * {@link StatePartitioning#ON_WORKER_ZERO}); every new sink then writes files of its own fresh id.
     */
    @Override
    public StatePartitioning statePartitioning() {
        return StatePartitioning.ON_WORKER_ZERO;
    }

    /**
     * Takes back the sink id and the files' lengths, truncates every file to its saved length and deletes this
     * sink's files the checkpoint does not know (written after it). On another number of workers new worker 0
     * does so for every saved sink and keeps its own fresh id; the other workers leave the files alone.
     */
    @Override
    public void restore(StateReader in) {
        String savedName = (String) in.readObject();
        Map<String, Long> saved = new HashMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            String partition = (String) in.readObject();
            saved.put(partition, in.readLong());
        }
        if (in.rescaling() && !in.owns(savedName)) {
            return;
        }
        truncateToCheckpoint(savedName, saved);
        if (!in.rescaling()) {
            fileName = savedName;
            lengths.clear();
            lengths.putAll(saved);
            unsynced.clear();
        }
    }

    /** Cuts the files of sink {@code name} to the {@code saved} lengths and deletes its files not in {@code saved}. */
    private void truncateToCheckpoint(String name, Map<String, Long> saved) {
        try {
            for (Map.Entry<String, Long> e : saved.entrySet()) {
                Path file = directory.resolve(e.getKey()).resolve(name);
                long size = Files.exists(file) ? Files.size(file) : -1;
                if (size < e.getValue()) {
                    throw new IllegalStateException("q10's file " + file + (size < 0 ? " is missing" : " has " + size + " bytes")
                            + ", the checkpoint saved " + e.getValue() + ": rows written before the checkpoint were lost");
                }
                if (size > e.getValue()) {
                    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        ch.truncate(e.getValue());
                        ch.force(true);
                    }
                }
            }
            if (Files.isDirectory(directory)) {
                List<Path> later;
                try (Stream<Path> files = Files.find(directory, 3, (p, a) -> a.isRegularFile()
                        && p.getFileName().toString().equals(name))) {
                    later = files.filter(p -> !saved.containsKey(directory.relativize(p.getParent()).toString())).toList();
                }
                for (Path p : later) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("q10 could not put its files under " + directory + " back to the checkpoint: " + e, e);
        }
    }

    /** A sink for another replica of the circuit: same directory, its own files. */
    @Override
    public Operator fork() {
        return new Q10FileSink(directory);
    }
}
