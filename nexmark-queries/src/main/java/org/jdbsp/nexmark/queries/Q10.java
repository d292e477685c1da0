package org.jdbsp.nexmark.queries;

import org.jdbsp.circuit.spi.Wiring;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.zset.Orders;
import org.jdbsp.nexmark.queries.internal.Q10FileSink;

/**
 * q10, log to file system: every bid with its UTC date and minute, also written to CSV files partitioned by
 * date and minute.
 *
 * <pre>{@code
 * CREATE TABLE nexmark_q10 (auction BIGINT, bidder BIGINT, price BIGINT, dateTime TIMESTAMP(3),
 *     extra VARCHAR, dt STRING, hm STRING) PARTITIONED BY (dt, hm) WITH ('connector' = 'filesystem', ...);
 *
 * INSERT INTO nexmark_q10
 * SELECT auction, bidder, price, dateTime, extra,
 *     DATE_FORMAT(dateTime, 'yyyy-MM-dd'), DATE_FORMAT(dateTime, 'HH:mm')
 * FROM bid;
 * }</pre>
 *
 * Output columns: auction, bidder, price, dateTime (epoch ms), extra, dt ({@code yyyy-MM-dd}), hm
 * ({@code HH:mm}), both of the UTC wall clock. The output stream carries these rows; {@link #build} also
 * appends them to files under {@link QueryOptions#q10Directory()} (see {@link Q10FileSink} for the layout:
 * {@code dt=2015-07-15/hm=00%3A05/part-<sink id>.csv}, the minute's {@code ':'} escaped as {@code %3A} as
 * Hive and Flink escape partition values, and lines {@code auction,bidder,price,dateTime,extra}). The log
 * is append-only: a retracted bid fails the step. Flink's partition commit ({@code _SUCCESS} files one
 * minute after the watermark passes a partition) is not reproduced.
 */
public final class Q10 implements NexmarkQuery<Q10.Row> {
    private final boolean writesFiles;

    /** Creates the query: its rows, also written to files. */
    public Q10() {
        this(true);
    }

    private Q10(boolean writesFiles) {
        this.writesFiles = writesFiles;
    }

    /**
     * q10 with its rows into a discarding sink, named {@code q10-discard}: the same rows, no files. This is what
     * Flink's Nexmark figure for q10 measures (its SELECT into a blackhole sink); {@link #Q10()} is the query as
     * written, with the files.
     */
    public static Q10 discarding() {
        return new Q10(false);
    }

    /** Whether {@link #build} writes the rows to files (false for {@link #discarding()}). */
    public boolean writesFiles() {
        return writesFiles;
    }

    private static final long MS_PER_MINUTE = 60_000L;
    private static final long MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    /** A row of q10's result. */
    public record Row(long auction, long bidder, long price, long dateTime, String extra, String dt, String hm)
            implements ResultRow {
        @Override
        public Object[] columnValues() {
            return new Object[] {auction, bidder, price, dateTime, extra, dt, hm};
        }
    }

    /**
     * The order of q10's rows: by minute of {@code dateTime} first, so that a step's rows come partition by
     * partition, then by a mix of auction, bidder, dateTime and price (the long prefix of {@link Orders#byLong},
     * so sorting a step's rows compares few rows field by field), then by every column (total and consistent
     * with {@code equals}).
     */
    public static final Comparator<Row> ORDER = Orders.byLong(Q10::orderPrefix, Q10::compare);

    /**
     * The minute of {@code r}'s time in the high 32 bits (minutes beyond an int's range share one prefix with
     * zero low bits, and {@link #compare} orders them by time), a mix of its long columns in the low 32 bits.
     */
    static long orderPrefix(Row r) {
        long minute = Math.floorDiv(r.dateTime(), MS_PER_MINUTE);
        if (minute <= Integer.MIN_VALUE || minute >= Integer.MAX_VALUE) {
            return (minute < 0 ? (long) Integer.MIN_VALUE : (long) Integer.MAX_VALUE) << 32;
        }
        return (minute << 32) | (EventOrders.mix(r.auction(), r.bidder(), r.dateTime(), r.price()) >>> 32);
    }

    private static int compare(Row a, Row b) {
        int c = Long.compare(a.dateTime(), b.dateTime());
        if (c == 0) {
            c = Long.compare(a.auction(), b.auction());
        }
        if (c == 0) {
            c = Long.compare(a.bidder(), b.bidder());
        }
        if (c == 0) {
            c = Long.compare(a.price(), b.price());
        }
        if (c == 0) {
            c = a.extra().compareTo(b.extra());
        }
        if (c == 0) {
            c = a.dt().compareTo(b.dt());
        }
        if (c == 0) {
            c = a.hm().compareTo(b.hm());
        }
        return c;
    }

    /** {@code DATE_FORMAT(dateTime, 'yyyy-MM-dd')} in UTC. */
    static String dt(long dateTime) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(dateTime, MS_PER_DAY));
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            return DATE.format(date);
        }
        char[] s = new char[10];
        digits(s, 0, year, 4);
        s[4] = '-';
        digits(s, 5, date.getMonthValue(), 2);
        s[7] = '-';
        digits(s, 8, date.getDayOfMonth(), 2);
        return new String(s);
    }

    /** {@code DATE_FORMAT(dateTime, 'HH:mm')} in UTC. */
    static String hm(long dateTime) {
        int minuteOfDay = (int) (Math.floorMod(dateTime, MS_PER_DAY) / MS_PER_MINUTE);
        char[] s = new char[5];
        digits(s, 0, minuteOfDay / 60, 2);
        s[2] = ':';
        digits(s, 3, minuteOfDay % 60, 2);
        return new String(s);
    }

    private static void digits(char[] s, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            s[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** q10's rows over a stream of bids, without writing files. */
    public static ZSetStream<Row> query(ZSetStream<Bid> bids) {
        MinuteLabels labels = new MinuteLabels();
        return bids.map(b -> {
            MinuteLabels.Minute m = labels.of(b.dateTime());
            return new Row(b.auction(), b.bidder(), b.price(), b.dateTime(), b.extra(), m.dt(), m.hm());
        }, ORDER);
    }

    /**
     * The {@code dt} and {@code hm} strings of the minute last asked for: bids come in time order, so most bids
     * share the previous bid's minute and get its strings instead of two new ones. Safe on any thread (the
     * remembered minute is one immutable object).
     */
    private static final class MinuteLabels {
        record Minute(long minute, String dt, String hm) {}

        private Minute last = new Minute(0, dt(0), hm(0));

        Minute of(long dateTime) {
            long minute = Math.floorDiv(dateTime, MS_PER_MINUTE);
            Minute m = last;
            if (m.minute() != minute) {
                m = new Minute(minute, dt(dateTime), hm(dateTime));
                last = m;
            }
            return m;
        }
    }

    /** q10's rows over a stream of bids, also appended to partitioned files under {@code directory}. */
    public static ZSetStream<Row> query(ZSetStream<Bid> bids, Path directory) {
        Objects.requireNonNull(directory, "directory");
        ZSetStream<Row> rows = query(bids);
        Wiring.addSink("q10 files", new Q10FileSink(directory), rows);
        return rows;
    }

    @Override
    public String name() {
        return writesFiles ? "q10" : "q10-discard";
    }

    @Override
    public List<String> columns() {
        return List.of("auction", "bidder", "price", "dateTime", "extra", "dt", "hm");
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return writesFiles ? query(in.bids(), in.options().q10Directory()) : query(in.bids());
    }
}
