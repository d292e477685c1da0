package org.jdbsp.flinkbaseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.jdbsp.nexmark.generator.NexmarkGenerator;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Smoke runs of the Flink baseline on a few thousand events (the profile flink-baseline only). */
class FlinkBaselineSmokeTest {
    private static final int EVENTS = 3000;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void q0AndQ1PrintOneCsvRowPerQueryAndRun(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("flink.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FlinkBaseline.execute(print(out), print(err), "--query", "q0,q1", "--max-events",
            Integer.toString(EVENTS), "--parallelism", "2", "--runs", "1", "--csv", csv.toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(BaselineCsv.header()), lines.subList(0, 1));
        assertEquals(3, lines.size(), lines.toString());
        List<String> queries = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals(BaselineCsv.COLUMNS.size(), f.length, line);
            queries.add(f[1]);
            assertEquals("1", f[2], line);
            assertEquals(Integer.toString(EVENTS), f[3], line);
            assertEquals("2", f[4], line);
            double elapsed = Double.parseDouble(f[5]);
            assertTrue(elapsed > 0, line);
            assertEquals(Math.round(EVENTS / elapsed), Long.parseLong(f[6]), Math.max(1, EVENTS / elapsed / 100), line);
            assertTrue(Double.parseDouble(f[8]) >= elapsed, "wall clock below the job's run time: " + line);
            assertEquals("1.20.3", f[9], line);
        }
        assertEquals(List.of("q0", "q1"), queries);
        assertEquals(lines, Files.readAllLines(csv));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void q0AndQ1SeeEveryBidOfOurGeneratorOnce() throws Exception {
        List<Bid> bids = new ArrayList<>();
        try (NexmarkGenerator g = NexmarkGenerator.create(PregeneratedEvents.config(EVENTS))) {
            for (Event e; g.hasNext(); ) {
                e = g.next();
                if (e instanceof Bid b) {
                    bids.add(b);
                }
            }
        }
        List<String> expected0 = new ArrayList<>();
        List<String> expected1 = new ArrayList<>();
        for (Bid b : bids) {
            expected0.add(b.auction() + "|" + b.bidder() + "|" + b.price() + "|" + b.dateTime() + "|" + b.extra());
            expected1.add(b.auction() + "|" + b.bidder() + "|"
                + new BigDecimal("0.908").multiply(BigDecimal.valueOf(b.price())) + "|" + b.dateTime());
        }
        String key = InMemoryEvents.register(PregeneratedEvents.rows(PregeneratedEvents.config(EVENTS)));
        try {
            StreamTableEnvironment env = BaselineEnvironment.create(2, key);
            List<String> got0 = new ArrayList<>();
            for (Row r : collect(env, "q0")) {
                got0.add(r.getField(0) + "|" + r.getField(1) + "|" + r.getField(2) + "|" + millis(r.getField(3))
                    + "|" + r.getField(4));
            }
            List<String> got1 = new ArrayList<>();
            for (Row r : collect(env, "q1")) {
                got1.add(r.getField(0) + "|" + r.getField(1) + "|" + r.getField(2) + "|" + millis(r.getField(3)));
            }
            assertTrue(bids.size() > EVENTS / 2, "bids: " + bids.size());
            assertEquals(sorted(expected0), sorted(got0));
            assertEquals(sorted(expected1), sorted(got1));
        } finally {
            InMemoryEvents.release(key);
        }
    }

    @Test
    void anUnknownQueryIsRefusedNamingTheValidOnes() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FlinkBaseline.execute(print(new ByteArrayOutputStream()), print(err), "--query", "q0,q6");
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, message);
        assertTrue(message.contains("unknown query 'q6'") && message.contains("q22"), message);
    }

    @Test
    void badNumbersAreRefusedNamingTheOption() {
        for (String[] args : List.of(new String[] {"--max-events", "0"}, new String[] {"--parallelism", "0"},
                new String[] {"--runs", "0"})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = FlinkBaseline.execute(print(new ByteArrayOutputStream()), print(err), args);
            String message = err.toString(StandardCharsets.UTF_8);
            assertEquals(2, code, message);
            assertTrue(message.contains(args[0]) && message.contains("invalid"), message);
        }
    }

    @Test
    void eventsThatWouldNotFitTheHeapAreRefusedBeforeGenerating() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long tooMany = Runtime.getRuntime().maxMemory() / PregeneratedEvents.BYTES_PER_EVENT + 1;
        int code = FlinkBaseline.execute(print(new ByteArrayOutputStream()), print(err), "--max-events",
            Long.toString(tooMany));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, message);
        assertTrue(message.contains("--max-events") && message.contains("-Xmx"), message);
        assertTrue(!message.contains("generating"), message);
    }

    private static List<Row> collect(StreamTableEnvironment env, String query) throws Exception {
        List<Row> rows = new ArrayList<>();
        CloseableIterator<Row> it = env.sqlQuery(NexmarkSql.query(query)).execute().collect();
        try {
            it.forEachRemaining(rows::add);
        } finally {
            it.close();
        }
        return rows;
    }

    private static long millis(Object time) {
        return ((LocalDateTime) time).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static List<String> sorted(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.sort(copy);
        return copy;
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
