package org.jdbsp.nexmark.queries;

import java.util.List;

import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.operators.aggregate.Aggregates;
import org.jdbsp.operators.aggregate.Aggregator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * q17, auction statistics per day: per (auction, day), the bids overall and per price band, and the
 * minimum, maximum, average and sum of their prices.
 *
 * <pre>{@code
 * SELECT
 *      auction,
 *      DATE_FORMAT(dateTime, 'yyyy-MM-dd') as `day`,
 *      count(*) AS total_bids,
 *      count(*) filter (where price < 10000) AS rank1_bids,
 *      count(*) filter (where price >= 10000 and price < 1000000) AS rank2_bids,
 *      count(*) filter (where price >= 1000000) AS rank3_bids,
 *      min(price) AS min_price,
 *      max(price) AS max_price,
 *      avg(price) AS avg_price,
 *      sum(price) AS sum_price
 * FROM bid
 * GROUP BY auction, DATE_FORMAT(dateTime, 'yyyy-MM-dd');
 * }</pre>
 *
 * Output columns: auction, day ({@code yyyy-MM-dd}, UTC), total_bids, rank1_bids, rank2_bids, rank3_bids,
 * min_price, max_price, avg_price (a BIGINT: sum / count truncated toward zero, as Flink's AVG of a
 * BIGINT), sum_price. An update stream.
 *
 * <p><b>State in a trace.</b> The bids are indexed by (auction, day) packed into one long key
 * ({@code auction << 20 | day}) with the price as a long value; the ordinary group aggregate
 * ({@link Aggregates#aggregate}) reads, for every group a step touches, the group's prices from the integral
 * trace (which spills to files with storage on) and folds all measures in one pass. Outside the trace only
 * the step's changed groups are held, so MIN and MAX stay correct under deletions too.
 *
 * <p>The packing holds auction ids 0 to 2^43 - 1 and days 0 to 2^20 - 1 (1970 to the year 4840); a bid outside
 * fails the step with an {@link IllegalArgumentException} naming the bid.
 */
public final class Q17 implements NexmarkQuery<Q17.Row> {
    /** Bits of the day in a packed key. */
    static final int DAY_BITS = 20;
    /** Bits of the auction id in a packed key. */
    static final int AUCTION_BITS = 43;
    private static final long DAY_MASK = (1L << DAY_BITS) - 1;

    /** Creates the query. */
    public Q17() {}

    /** A row of q17's result. */
    public record Row(long auction, String day, long totalBids, long rank1Bids, long rank2Bids, long rank3Bids,
                      long minPrice, long maxPrice, long avgPrice, long sumPrice) implements ResultRow {
        static Row of(long key, Stats s) {
            return new Row(key >>> DAY_BITS, BidBands.dayText(key & DAY_MASK), s.count(), s.rank1(), s.rank2(), s.rank3(),
                    s.min(), s.max(), s.sum() / s.count(), s.sum());
        }

        @Override
        public Object[] columnValues() {
            return new Object[] {auction, day, totalBids, rank1Bids, rank2Bids, rank3Bids, minPrice, maxPrice, avgPrice,
                sumPrice};
        }
    }

    /** The packed group key of {@code bid}: {@code auction << 20 | day}. */
    static long key(Bid bid) {
        long auction = bid.auction();
        long day = BidBands.day(bid.dateTime());
        if ((auction >>> AUCTION_BITS) != 0 || (day >>> DAY_BITS) != 0) {
            throw new IllegalArgumentException("q17 holds auction ids 0 to " + ((1L << AUCTION_BITS) - 1) + " and days 0 to "
                    + DAY_MASK + " (UTC, from 1970-01-01); this bid is outside: " + bid);
        }
        return auction << DAY_BITS | day;
    }

    /** A group's measures. */
    record Stats(long count, long rank1, long rank2, long rank3, long min, long max, long sum) {}

    /** The measures of a group being folded. */
    private static final class Measures {
        long count;
        final long[] banded = new long[4];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long sum;
    }

    /** Folds a group's prices (each with its multiplicity) into its {@link Stats}. */
    private static final class StatsAggregator implements Aggregator<Long, Measures, Stats> {
        @Override
        public Measures zero() {
            return new Measures();
        }

        @Override
        public Measures add(Measures m, Long boxedPrice, long weight) {
            long price = boxedPrice;
            m.count = Math.addExact(m.count, weight);
            int band = BidBands.band(price);
            m.banded[band] = Math.addExact(m.banded[band], weight);
            m.min = Math.min(m.min, price);
            m.max = Math.max(m.max, price);
            m.sum = Math.addExact(m.sum, Math.multiplyExact(price, weight));
            return m;
        }

        @Override
        public Stats result(Measures m) {
            return new Stats(m.count, m.banded[1], m.banded[2], m.banded[3], m.min, m.max, m.sum);
        }
    }

    /** One (packed (auction, day), price) tuple per bid. Stateless. */
    private static final class PriceIndex extends StatelessStep {
        @Override
        public Batch apply(Batch in) {
            BatchBuilder out = new BatchBuilder(Layout.longToLongs(), in.size);
            for (int i = 0; i < in.size; i++) {
                Bid b = (Bid) in.objKeys[i];
                out.addLongLong(key(b), b.price(), in.weights[i]);
            }
            return out.build();
        }
    }

    /** q17 over a stream of bids. */
    public static ZSetStream<Row> query(ZSetStream<Bid> bids) {
        IndexedZSetStream<Long, Long> prices = bids.<Long, Long>applyIndexed("index", new PriceIndex(), Layout.longToLongs())
                .named("q17 prices by (auction, day)");
        return Aggregates.aggregate(prices, new StatsAggregator(), Orders.natural()).map(Row::of);
    }

    @Override
    public String name() {
        return "q17";
    }

    @Override
    public List<String> columns() {
        return List.of("auction", "day", "total_bids", "rank1_bids", "rank2_bids", "rank3_bids", "min_price",
                "max_price", "avg_price", "sum_price");
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return query(in.bids());
    }
}
