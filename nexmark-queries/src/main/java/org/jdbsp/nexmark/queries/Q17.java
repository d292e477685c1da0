package org.jdbsp.nexmark.queries;

import java.util.Comparator;
import java.util.List;

import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.operators.aggregate.Aggregates;
import org.jdbsp.operators.aggregate.IncrementalAggregator;
import org.jdbsp.zset.Orders;

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
 * BIGINT), sum_price. An update stream. Each group is one small state (seven longs) updated by each bid.
 *
 * <p><b>Insert-only input.</b> Keeping MIN and MAX under deletions would need every price of every group
 * (the whole bid stream); like Flink, which plans MIN/MAX without retraction for the append-only bid
 * source, this query keeps only the current extremes, so its bid stream must be insert-only (Nexmark's
 * is). A deletion fails with an {@link IllegalStateException} rather than give a wrong result.
 */
public final class Q17 implements NexmarkQuery<Q17.Row> {
    /** Creates the query. */
    public Q17() {}

    /** A row of q17's result. */
    public record Row(long auction, String day, long totalBids, long rank1Bids, long rank2Bids, long rank3Bids,
                      long minPrice, long maxPrice, long avgPrice, long sumPrice) implements ResultRow {
        static Row of(AuctionDay key, Stats s) {
            return new Row(key.auction(), BidBands.dayText(key.day()), s.count(), s.rank1(), s.rank2(), s.rank3(),
                    s.min(), s.max(), s.sum() / s.count(), s.sum());
        }

        @Override
        public Object[] columnValues() {
            return new Object[] {auction, day, totalBids, rank1Bids, rank2Bids, rank3Bids, minPrice, maxPrice, avgPrice,
                sumPrice};
        }
    }

    /** The group key: an auction and a UTC day number. */
    record AuctionDay(long auction, long day) implements Comparable<AuctionDay> {
        @Override
        public int compareTo(AuctionDay o) {
            int c = Long.compare(auction, o.auction);
            return c != 0 ? c : Long.compare(day, o.day);
        }
    }

    /**
     * The groups' order: a mix of auction and day as the long prefix ({@link Orders#byLong}), ties broken by
     * {@link AuctionDay#compareTo}. A step's bids are then sorted by primitives (the group's mix, then the bid
     * stream's mix within a group); the record's own order sorted them with a comparison sort.
     */
    private static final Comparator<AuctionDay> KEY_ORDER =
            Orders.byLong((AuctionDay k) -> k.auction() * 0x9E37_79B9_7F4A_7C15L + k.day(), AuctionDay::compareTo);

    /** A group's measures. */
    record Stats(long count, long rank1, long rank2, long rank3, long min, long max, long sum) {}

    /** A group's state. */
    private static final class State {
        long count;
        final long[] banded = new long[4];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long sum;
    }

    /** Keeps an (auction, day)'s {@link State}; insert-only (see the class comment). */
    private static final class AuctionDayAggregator implements IncrementalAggregator<Bid, State, Stats> {
        @Override
        public State newState() {
            return new State();
        }

        @Override
        public void add(State s, Bid bid, long weight) {
            if (weight < 0) {
                throw new IllegalStateException("q17 keeps MIN/MAX(price) without the prices of each group, so its bids"
                        + " must be insert-only; got a deletion of " + bid);
            }
            long price = bid.price();
            s.count = Math.addExact(s.count, weight);
            int band = BidBands.band(price);
            s.banded[band] = Math.addExact(s.banded[band], weight);
            s.min = Math.min(s.min, price);
            s.max = Math.max(s.max, price);
            s.sum = Math.addExact(s.sum, Math.multiplyExact(price, weight));
        }

        @Override
        public boolean isEmpty(State s) {
            return s.count == 0;
        }

        @Override
        public Stats result(State s) {
            return new Stats(s.count, s.banded[1], s.banded[2], s.banded[3], s.min, s.max, s.sum);
        }

        @Override
        public State copy(State s) {
            State c = new State();
            c.count = s.count;
            System.arraycopy(s.banded, 0, c.banded, 0, 4);
            c.min = s.min;
            c.max = s.max;
            c.sum = s.sum;
            return c;
        }

        @Override
        public void writeState(State s, StateWriter out) {
            out.writeLong(s.count);
            for (int band = 1; band < 4; band++) {
                out.writeLong(s.banded[band]);
            }
            out.writeLong(s.min);
            out.writeLong(s.max);
            out.writeLong(s.sum);
        }

        @Override
        public State readState(StateReader in) {
            State s = new State();
            s.count = in.readLong();
            for (int band = 1; band < 4; band++) {
                s.banded[band] = in.readLong();
            }
            s.min = in.readLong();
            s.max = in.readLong();
            s.sum = in.readLong();
            return s;
        }
    }

    /** q17 over a stream of insert-only bids. */
    public static ZSetStream<Row> query(ZSetStream<Bid> bids) {
        return Aggregates.incremental(
                        bids.index(b -> new AuctionDay(b.auction(), BidBands.day(b.dateTime())), b -> b, KEY_ORDER, EventOrders.BID_STREAM),
                        new AuctionDayAggregator(), Orders.natural())
                .map(Row::of);
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
