package org.jdbsp.nexmark.queries;

import java.math.BigDecimal;
import java.util.List;

import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Bid;

/**
 * q14, calculation: bids with a converted price between one and fifty million, with a time-of-day label and
 * the number of {@code 'c'} characters of their extra field.
 *
 * <pre>{@code
 * SELECT auction, bidder, 0.908 * price AS price,
 *     CASE
 *         WHEN HOUR(dateTime) >= 8 AND HOUR(dateTime) <= 18 THEN 'dayTime'
 *         WHEN HOUR(dateTime) <= 6 OR HOUR(dateTime) >= 20 THEN 'nightTime'
 *         ELSE 'otherTime'
 *     END AS bidTimeType,
 *     dateTime, extra, count_char(extra, 'c') AS c_counts
 * FROM bid
 * WHERE 0.908 * price > 1000000 AND 0.908 * price < 50000000;
 * }</pre>
 *
 * Output columns: auction, bidder, price (DECIMAL(23, 3), as in {@link Q1}), bidTimeType, dateTime (epoch ms),
 * extra, c_counts ({@link CountChar}). {@code HOUR} is the hour of the UTC wall clock, as the suite's
 * timestamps are UTC. The decimal comparisons are exact: they become bounds on the integer price.
 */
public final class Q14 implements NexmarkQuery<Q14.Row> {
    /** Creates the query. */
    public Q14() {}

    /** The smallest price with {@code 0.908 * price > 1,000,000}. */
    static final long MIN_PRICE = Math.floorDiv(1_000_000_000L, 908) + 1;
    /** The largest price with {@code 0.908 * price < 50,000,000}. */
    static final long MAX_PRICE = Math.floorDiv(50_000_000_000L - 1, 908);

    private static final long MS_PER_HOUR = 3_600_000L;
    private static final long MS_PER_DAY = 24 * MS_PER_HOUR;

    /** A row of q14's result. */
    public record Row(long auction, long bidder, BigDecimal price, String bidTimeType, long dateTime, String extra,
                      long cCounts) implements ResultRow {
        @Override
        public Object[] columnValues() {
            return new Object[] {auction, bidder, price, bidTimeType, dateTime, extra, cCounts};
        }
    }

    /** The CASE label of a bid time: 'dayTime' for hours 8..18, 'nightTime' for 0..6 and 20..23, else 'otherTime'. */
    static String bidTimeType(long dateTime) {
        long hour = Math.floorMod(dateTime, MS_PER_DAY) / MS_PER_HOUR;
        if (hour >= 8 && hour <= 18) {
            return "dayTime";
        }
        if (hour <= 6 || hour >= 20) {
            return "nightTime";
        }
        return "otherTime";
    }

    /** q14 over a stream of bids. */
    public static ZSetStream<Row> query(ZSetStream<Bid> bids) {
        return bids.filter(b -> b.price() >= MIN_PRICE && b.price() <= MAX_PRICE)
                .map(b -> new Row(b.auction(), b.bidder(), Q1.euros(b.price()), bidTimeType(b.dateTime()),
                        b.dateTime(), b.extra(), CountChar.count(b.extra(), "c")));
    }

    @Override
    public String name() {
        return "q14";
    }

    @Override
    public List<String> columns() {
        return List.of("auction", "bidder", "price", "bidTimeType", "dateTime", "extra", "c_counts");
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return query(in.bids());
    }
}
