package org.jdbsp.nexmark.queries;

import java.util.Comparator;
import java.util.List;

import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.operators.aggregate.Aggregates;
import org.jdbsp.operators.join.Joins;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.time.Watermarks;
import org.jdbsp.operators.window.TimeWindows;
import org.jdbsp.operators.window.WindowResult;
import org.jdbsp.operators.window.WindowedAggregates;
import org.jdbsp.operators.window.Windows;
import org.jdbsp.zset.Orders;

/**
 * q5, hot items: the auctions with the most bids in each sliding window of 10 s, every 2 s.
 *
 * <pre>{@code
 * SELECT AuctionBids.auction, AuctionBids.num
 * FROM (
 *   SELECT auction, count(*) AS num, window_start AS starttime, window_end AS endtime
 *   FROM TABLE(HOP(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
 *   GROUP BY auction, window_start, window_end
 * ) AS AuctionBids
 * JOIN (
 *   SELECT max(CountBids.num) AS maxn, CountBids.starttime, CountBids.endtime
 *   FROM (
 *     SELECT count(*) AS num, window_start AS starttime, window_end AS endtime
 *     FROM TABLE(HOP(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
 *     GROUP BY auction, window_start, window_end
 *   ) AS CountBids
 *   GROUP BY CountBids.starttime, CountBids.endtime
 * ) AS MaxBids
 * ON AuctionBids.starttime = MaxBids.starttime AND AuctionBids.endtime = MaxBids.endtime
 *    AND AuctionBids.num >= MaxBids.maxn;
 * }</pre>
 *
 * Output columns: auction, num. Every auction whose count equals its window's maximum is emitted (ties
 * all), once per window, so a row's multiplicity is the number of windows in which it was the hottest.
 *
 * <p>Windows are epoch-aligned {@code [s, s + 10 s)} for every multiple {@code s} of 2 s. The counts per
 * (auction, window) are final: a window's counts are emitted in the step in which the watermark reaches its
 * end, bids later than the watermark are dropped (as Flink's window aggregate drops late rows), and the
 * maximum per window and the join on the window are regular incremental operators over those rows. Their
 * state is keyed by window start and forgotten once the watermark has passed the window's end, so it
 * stays bounded.
 */
public final class Q5 implements NexmarkQuery<Q5.Row> {
    /** Creates the query. */
    public Q5() {}

    /** The windows: 10 s long, one every 2 s. */
    public static final TimeWindows WINDOWS = Windows.hopping(10_000, 2_000);

    /** A row of q5's result, ordered by auction then count. */
    public record Row(long auction, long num) implements ResultRow, Comparable<Row> {
        /**
         * The rows' order ({@link #compareTo}) as a long prefix: a window's rows, which consolidation sorts each
         * step that closes windows, are sorted by their auctions as primitives, not by a call to {@code compareTo}
         * per comparison.
         */
        public static final Comparator<Row> ORDER = Orders.byLong(Row::auction, Comparator.comparingLong(Row::num));

        @Override
        public Object[] columnValues() {
            return new Object[] {auction, num};
        }

        @Override
        public int compareTo(Row o) {
            int c = Long.compare(auction, o.auction);
            return c != 0 ? c : Long.compare(num, o.num);
        }
    }

    /** q5 over a stream of bids, with windows closed by {@code watermark}. */
    public static ZSetStream<Row> query(ZSetStream<Bid> bids, Watermark watermark) {
        ZSetStream<WindowResult<Long, Long>> counts =
                WindowedAggregates.countByLong(bids, Bid::auction, Bid::dateTime, WINDOWS, watermark).stream();
        IndexedZSetStream<Long, Row> countsByStart = counts.indexByLong(WindowResult::start, r -> new Row(r.key(), r.value()), Row.ORDER);
        IndexedZSetStream<Long, Long> numsByStart = counts.indexLongToLong(WindowResult::start, WindowResult::value);
        IndexedZSetStream<Long, Long> maxByStart = Aggregates.maxLong(numsByStart);
        // a window's rows all arrive in the step that closes it; after that step no operator needs them
        Watermarks.forgetKeysBelow(countsByStart, watermark, WINDOWS.size());
        Watermarks.forgetKeysBelow(numsByStart, watermark, WINDOWS.size());
        Watermarks.forgetKeysBelow(maxByStart, watermark, WINDOWS.size());
        return Joins.joinWhere(countsByStart, maxByStart, (Row r, Long maxn) -> r.num() >= maxn, (Row r, Long maxn) -> r);
    }

    @Override
    public String name() {
        return "q5";
    }

    @Override
    public List<String> columns() {
        return List.of("auction", "num");
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return query(in.bids(), in.watermark());
    }
}
