package org.jdbsp.nexmark.queries;

import java.util.List;

import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.operators.join.Joins;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.time.Watermarks;
import org.jdbsp.operators.window.TimeWindows;
import org.jdbsp.operators.window.WindowResult;
import org.jdbsp.operators.window.WindowedAggregates;
import org.jdbsp.operators.window.Windows;

/**
 * q7, highest bid: the bids whose price is the highest of a 10 s tumbling window.
 *
 * <pre>{@code
 * SELECT B.auction, B.price, B.bidder, B.dateTime, B.extra
 * FROM bid B
 * JOIN (
 *   SELECT MAX(price) AS maxprice, window_end AS dateTime
 *   FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' SECOND))
 *   GROUP BY window_start, window_end
 * ) B1
 * ON B.price = B1.maxprice
 * WHERE B.dateTime BETWEEN B1.dateTime - INTERVAL '10' SECOND AND B1.dateTime;
 * }</pre>
 *
 * Output columns, in the SELECT's order and named by what they hold: auction, price, bidder, dateTime,
 * extra. (The suite's sink table declares {@code (auction, bidder, price, ...)} and Flink inserts by
 * position, so there the column labelled {@code bidder} receives the price and {@code price} the bidder;
 * we keep the SELECT's meaning.) Both ends of BETWEEN are inclusive: a bid exactly at a window's end, which
 * belongs to the next window, also matches the ended window's maximum when its price equals it.
 *
 * <p>The maximum per window is final: it is emitted in the step in which the watermark reaches the window's
 * end, and bids later than the watermark do not count in it (Flink's window aggregate drops them). The
 * join keys each bid by the ends of the windows it can match (the end of its own window, and its own time
 * when that is a window end), so a window's maximum meets exactly the bids of its BETWEEN range. Both join
 * sides are forgotten once the watermark passes a window's end: a bid at or above the watermark always
 * meets its windows' maxima, and a late bid still meets those of windows the watermark has not passed; a
 * bid later than that matches nothing (Flink's unbounded regular join would keep every bid and maximum
 * forever and could still match it). Deleting a bid retracts its rows.
 */
public final class Q7 implements NexmarkQuery<Q7.Row> {
    /** Creates the query. */
    public Q7() {}

    /** The windows: tumbling, 10 s. */
    public static final TimeWindows WINDOWS = Windows.tumbling(10_000);

    /** The one group of the maximum per window. */
    private static final String ALL = "all";

    /** A row of q7's result, ordered by its columns. */
    public record Row(long auction, long price, long bidder, long dateTime, String extra) implements ResultRow, Comparable<Row> {
        @Override
        public Object[] columnValues() {
            return new Object[] {auction, price, bidder, dateTime, extra};
        }

        @Override
        public int compareTo(Row o) {
            int c = Long.compare(dateTime, o.dateTime);
            c = c != 0 ? c : Long.compare(auction, o.auction);
            c = c != 0 ? c : Long.compare(price, o.price);
            c = c != 0 ? c : Long.compare(bidder, o.bidder);
            return c != 0 ? c : extra.compareTo(o.extra);
        }
    }

    /** q7 over a stream of bids, with windows closed by {@code watermark}. */
    public static ZSetStream<Row> query(ZSetStream<Bid> bids, Watermark watermark) {
        long size = WINDOWS.size();
        ZSetStream<WindowResult<String, Long>> maxima =
                WindowedAggregates.max(bids, b -> ALL, Bid::dateTime, WINDOWS, watermark, Bid::price).stream();
        IndexedZSetStream<Long, Long> maxByEnd = maxima.indexLongToLong(WindowResult::end, WindowResult::value);
        IndexedZSetStream<Long, Bid> byOwnEnd = bids.indexByLong(b -> WINDOWS.lastStart(b.dateTime()) + size, b -> b, EventOrders.BID);
        IndexedZSetStream<Long, Bid> atAnEnd = bids.filter(b -> WINDOWS.lastStart(b.dateTime()) == b.dateTime())
                .indexByLong(Bid::dateTime, b -> b, EventOrders.BID);
        IndexedZSetStream<Long, Bid> byEnd = byOwnEnd.plus(atAnEnd);
        Watermarks.forgetKeysBelow(byEnd, watermark, 0);
        Watermarks.forgetKeysBelow(maxByEnd, watermark, 0);
        return Joins.joinWhere(byEnd, maxByEnd, (Bid b, Long maxprice) -> b.price() == maxprice,
                (Bid b, Long maxprice) -> new Row(b.auction(), b.price(), b.bidder(), b.dateTime(), b.extra()));
    }

    @Override
    public String name() {
        return "q7";
    }

    @Override
    public List<String> columns() {
        return List.of("auction", "price", "bidder", "dateTime", "extra");
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return query(in.bids(), in.watermark());
    }
}
