package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jdbsp.circuit.CircuitException;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.nexmark.queries.internal.Q10FileSink;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Q10Test {
    private static final Q10 Q = new Q10();
    private static final long BASE = GeneratorConfig.DEFAULT_BASE_TIME; // 2015-07-15T00:00:00Z
    private static final long MINUTE = 60_000L;

    @TempDir
    Path dir;

    private static Bid bid(long auction, long time, String extra) {
        return new Bid(auction, 2001, 100 + auction, "Google", "https://x", time, extra);
    }

    private static Q10.Row row(Bid b, String dt, String hm) {
        return new Q10.Row(b.auction(), b.bidder(), b.price(), b.dateTime(), b.extra(), dt, hm);
    }

    private QueryCircuit<Q10.Row> start(Path directory) {
        return QueryCircuit.start(Q, QueryOptions.defaults().withQ10Directory(directory),
                org.jdbsp.circuit.CircuitConfig.defaults(), true);
    }

    @Test
    void formatsTheUtcDateAndMinute() {
        assertEquals("2015-07-15", Q10.dt(BASE));
        assertEquals("00:00", Q10.hm(BASE));
        assertEquals("2015-07-14", Q10.dt(BASE - 1));
        assertEquals("23:59", Q10.hm(BASE - 1));
        assertEquals("13:07", Q10.hm(BASE + 13 * 60 * MINUTE + 7 * MINUTE + 59_999));
        assertEquals("1970-01-01", Q10.dt(0));
        assertEquals("1969-12-31", Q10.dt(-1));
        assertEquals("23:59", Q10.hm(-1));
        assertEquals("0999-12-31", Q10.dt(java.time.LocalDate.of(999, 12, 31).toEpochDay() * 86_400_000L));
        assertEquals("2000-02-29", Q10.dt(java.time.LocalDate.of(2000, 2, 29).toEpochDay() * 86_400_000L));
    }

    @Test
    void escapesPartitionValuesForFileNames() {
        assertEquals("00%3A05", Q10FileSink.escape("00:05"));
        assertEquals("2015-07-15", Q10FileSink.escape("2015-07-15"));
        assertEquals("a%2Fb%25c%20%C3%A9", Q10FileSink.escape("a/b%c \u00e9"));
        assertEquals(dir.resolve("dt=2015-07-15").resolve("hm=23%3A59"),
                Q10FileSink.partition(dir, "2015-07-15", "23:59"));
    }

    @Test
    void emitsRowsStepByStepAndAppendsThemToPartitionFiles() throws IOException {
        Bid a = bid(1001, BASE - 1, "a");                 // 2015-07-14 23:59
        Bid b = bid(1002, BASE, "b,\"quoted\"\nline");   // 2015-07-15 00:00, needs CSV quoting
        Bid c = bid(1003, BASE + MINUTE - 1, "c");       // 00:00
        Bid d = bid(1004, BASE + MINUTE, "d");           // 00:01
        try (QueryCircuit<Q10.Row> q = start(dir)) {
            q.push(a);
            q.push(b);
            q.step();
            assertEquals(Map.of(row(a, "2015-07-14", "23:59"), 1L, row(b, "2015-07-15", "00:00"), 1L), q.delta().toMap());
            assertEquals(q.integral().toMap(), readBack(dir), "the files hold the rows after every step");
            q.push(c);
            q.push(d, 2);
            q.step();
            assertEquals(Map.of(row(c, "2015-07-15", "00:00"), 1L, row(d, "2015-07-15", "00:01"), 2L), q.delta().toMap());
            q.step();
            assertEquals(ZSet.empty(), q.delta());
            assertEquals(q.integral().toMap(), readBack(dir));
            assertEquals(3, partFiles(dir).size(), "one file per partition for one sink");
        }
    }

    @Test
    void retractingABidFailsTheStepWithoutWriting() throws IOException {
        Bid a = bid(1001, BASE, "a");
        try (QueryCircuit<Q10.Row> q = start(dir)) {
            q.push(a);
            q.step();
            q.push(a, -1);
            q.push(bid(1002, BASE + 5 * MINUTE, "new"));
            CircuitException e = assertThrows(CircuitException.class, q::step);
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        }
        assertEquals(Map.of(row(a, "2015-07-15", "00:00"), 1L), readBack(dir), "nothing of the failed step is written");
    }

    @Test
    void anUnwritableDirectoryFailsTheStepNamingThePath() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        try (QueryCircuit<Q10.Row> q = start(notADirectory)) {
            q.push(bid(1001, BASE, "a"));
            CircuitException e = assertThrows(CircuitException.class, q::step);
            assertTrue(e.getMessage().contains("q10 could not write"), e.getMessage());
            assertTrue(e.getMessage().contains(notADirectory.toString()), e.getMessage());
        }
    }

    @Test
    void writesWeightsNonAsciiTextAndExtremeNumbersExactly() throws IOException {
        Bid accented = new Bid(Long.MIN_VALUE, Long.MAX_VALUE, -1, "Google", "https://x", BASE, "caf\u00e9 \ud83d\ude00");
        Bid quotedAccent = new Bid(0, -42, 0, "Google", "https://x", BASE + 1, "\u00e9,\"x\"\r\n");
        Bid plain = bid(7, BASE + 2, "");
        try (QueryCircuit<Q10.Row> q = start(dir)) {
            q.push(accented, 3);
            q.push(quotedAccent);
            q.push(plain, 2);
            q.step();
            assertEquals(q.integral().toMap(), readBack(dir));
        }
    }

    @Test
    void anUnpairedSurrogateFailsTheStepNamingTheFile() {
        try (QueryCircuit<Q10.Row> q = start(dir)) {
            q.push(bid(1001, BASE, "bad \ud800 text"));
            CircuitException e = assertThrows(CircuitException.class, q::step);
            assertTrue(e.getMessage().contains("q10 could not write " + dir), e.getMessage());
        }
    }

    @Test
    void rowsOfOneMinuteShareTheirDateAndMinuteStrings() {
        try (QueryCircuit<Q10.Row> q = start(dir)) {
            q.push(bid(1, BASE + 1_000, "a"));
            q.push(bid(2, BASE + 59_000, "b"));
            q.push(bid(3, BASE + MINUTE, "c"));
            q.step();
            List<Q10.Row> rows = new ArrayList<>(q.delta().toMap().keySet());
            rows.sort(java.util.Comparator.comparingLong(Q10.Row::dateTime));
            assertSame(rows.get(0).dt(), rows.get(1).dt());
            assertSame(rows.get(0).hm(), rows.get(1).hm());
            assertEquals("00:01", rows.get(2).hm());
        }
    }

    @Test
    void theOrderGroupsRowsByMinuteAndIsTotal() {
        long[] times = {Long.MIN_VALUE, Long.MIN_VALUE + 1, (long) Integer.MIN_VALUE * MINUTE - 1,
            (long) Integer.MIN_VALUE * MINUTE, ((long) Integer.MIN_VALUE + 1) * MINUTE, -1, 0, BASE, BASE + 1,
            BASE + MINUTE - 1, BASE + MINUTE, ((long) Integer.MAX_VALUE - 1) * MINUTE + 59_999,
            (long) Integer.MAX_VALUE * MINUTE, (long) Integer.MAX_VALUE * MINUTE + 1, Long.MAX_VALUE};
        List<Q10.Row> rows = new ArrayList<>();
        java.util.Random random = new java.util.Random(18);
        for (long t : times) {
            for (int i = 0; i < 20; i++) {
                rows.add(new Q10.Row(random.nextInt(5), random.nextLong(), random.nextInt(3), t, "e" + random.nextInt(2),
                        "d", "h"));
            }
        }
        java.util.Collections.shuffle(rows, random);
        rows.sort(Q10.ORDER);
        for (int i = 1; i < rows.size(); i++) {
            Q10.Row a = rows.get(i - 1);
            Q10.Row b = rows.get(i);
            assertTrue(Math.floorDiv(a.dateTime(), MINUTE) <= Math.floorDiv(b.dateTime(), MINUTE), a + " before " + b);
            int c = Q10.ORDER.compare(a, b);
            assertEquals(a.equals(b), c == 0, a + " vs " + b);
            assertTrue(c <= 0 && Q10.ORDER.compare(b, a) >= 0, a + " vs " + b);
        }
    }

    @Test
    void theDiscardingVariantGivesTheSameRowsAndWritesNoFile() throws IOException {
        List<Event> events = QueryHarness.events(GeneratorConfig.builder().firstEventRate(50).maxEvents(5_000).build());
        Map<Q10.Row, Long> withFiles = run(events, dir.resolve("files"));
        Path discardDir = dir.resolve("discard");
        Q10 discarding = Q10.discarding();
        assertEquals("q10-discard", discarding.name());
        assertFalse(discarding.writesFiles());
        assertTrue(Q.writesFiles());
        try (QueryCircuit<Q10.Row> q = QueryCircuit.start(discarding, QueryOptions.defaults().withQ10Directory(discardDir),
                org.jdbsp.circuit.CircuitConfig.defaults(), true)) {
            events.forEach(q::push);
            q.step();
            q.finish();
            assertEquals(withFiles, q.integral().toMap());
        }
        assertFalse(Files.exists(discardDir), "the discarding q10 wrote under " + discardDir);
    }

    @Test
    void filesHoldExactlyTheRowsOfAGeneratedRunAcrossMidnight() throws IOException {
        // Ten events per second from 23:50: 20,000 events span 33 minutes across two dates.
        List<Event> events = QueryHarness.events(GeneratorConfig.builder().baseTime(BASE - 10 * MINUTE)
                .firstEventRate(10).maxEvents(20_000).build());
        Map<Q10.Row, Long> rows = run(events, dir);
        assertEquals(rows, readBack(dir));
        Set<String> dates = new HashSet<>();
        rows.keySet().forEach(r -> dates.add(r.dt()));
        assertEquals(Set.of("2015-07-14", "2015-07-15"), dates);
        assertEquals(34, partFiles(dir).size(), "23:50 .. 00:23, one file each");
    }

    @Test
    void severalSinksShareADirectoryWithoutCollisions() throws IOException {
        // Two circuits stand for two workers, each writing its share of the bids with its own sink.
        List<Event> events = QueryHarness.events(GeneratorConfig.builder().firstEventRate(50).maxEvents(10_000).build());
        List<Event> even = new ArrayList<>();
        List<Event> odd = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            (i % 2 == 0 ? even : odd).add(events.get(i));
        }
        Map<Q10.Row, Long> expected = new HashMap<>(run(even, dir));
        run(odd, dir).forEach((r, w) -> expected.merge(r, w, Long::sum));
        assertEquals(expected, readBack(dir));
        Set<Path> partitions = new HashSet<>();
        for (Path f : partFiles(dir)) {
            partitions.add(f.getParent());
        }
        assertEquals(2 * partitions.size(), partFiles(dir).size(), "each sink has its own file in each partition");
    }

    @Test
    void matchesSql() {
        // Ten events per second: 50,000 events span 83 minutes.
        List<Event> events = QueryHarness.events(GeneratorConfig.builder().firstEventRate(10)
                .maxEvents(QueryHarness.ORACLE_EVENTS).build());
        QueryHarness.assertMatchesSql(Q, events, "SELECT auction, bidder, price, dateTime, extra,"
                        + " strftime(epoch_ms(dateTime), '%Y-%m-%d') AS dt, strftime(epoch_ms(dateTime), '%H:%M') AS hm FROM bid",
                QueryOptions.defaults().withQ10Directory(dir));
    }

    /** Runs q10 over {@code events} in steps of 1,000 and returns its integrated result. */
    private Map<Q10.Row, Long> run(List<Event> events, Path directory) {
        try (QueryCircuit<Q10.Row> q = start(directory)) {
            for (int i = 0; i < events.size(); i++) {
                q.push(events.get(i));
                if ((i + 1) % 1_000 == 0) {
                    q.step();
                }
            }
            q.finish();
            return q.integral().toMap();
        }
    }

    private static List<Path> partFiles(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().startsWith("part-")).toList();
        }
    }

    /** The rows in the files under {@code dir}, read back with their partition values from the path. */
    private static Map<Q10.Row, Long> readBack(Path dir) throws IOException {
        Map<Q10.Row, Long> rows = new HashMap<>();
        for (Path f : partFiles(dir)) {
            Path rel = dir.relativize(f);
            assertEquals(3, rel.getNameCount(), rel.toString());
            String dt = partitionValue(rel.getName(0).toString(), "dt=");
            String hm = partitionValue(rel.getName(1).toString(), "hm=");
            assertFalse(rel.toString().contains(":"), "file names hold no ':'");
            for (List<String> fields : parseCsv(Files.readString(f, StandardCharsets.UTF_8))) {
                assertEquals(5, fields.size(), fields.toString());
                Q10.Row r = new Q10.Row(Long.parseLong(fields.get(0)), Long.parseLong(fields.get(1)),
                        Long.parseLong(fields.get(2)), Long.parseLong(fields.get(3)), fields.get(4), dt, hm);
                rows.merge(r, 1L, Long::sum);
            }
        }
        return rows;
    }

    private static String partitionValue(String name, String prefix) {
        assertTrue(name.startsWith(prefix), name);
        return URLDecoder.decode(name.substring(prefix.length()), StandardCharsets.UTF_8);
    }

    /** A small RFC 4180 reader: fields split on commas, records on newlines, quoted fields may hold both. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        assertTrue(field.length() == 0 && fields.isEmpty() && !quoted, "the file ends with a complete line");
        return records;
    }
}
