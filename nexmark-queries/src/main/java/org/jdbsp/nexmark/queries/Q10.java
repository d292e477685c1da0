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
    /** Creates the query. */
    public Q10() {}

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
     * The order of q10's rows: by time first, so that a step's rows come partition by partition, then by the
     * other columns (total and consistent with {@code equals}).
     */
    public static final Comparator<Row> ORDER = Q10::compare;

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
        return bids.map(b -> new Row(b.auction(), b.bidder(), b.price(), b.dateTime(), b.extra(),
                dt(b.dateTime()), hm(b.dateTime())), ORDER);
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
        return "q10";
    }

    @Override
    public List<String> columns() {
        return List.of("auction", "bidder", "price", "dateTime", "extra", "dt", "hm");
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return query(in.bids(), in.options().q10Directory());
    }
}
