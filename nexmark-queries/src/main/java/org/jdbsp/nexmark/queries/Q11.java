package org.jdbsp.nexmark.queries;

import java.util.Comparator;
import java.util.List;

import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.zset.Orders;
import org.jdbsp.operators.window.WindowAggregate;
import org.jdbsp.operators.window.SessionWindows;
import org.jdbsp.operators.window.WindowedAggregates;
import org.jdbsp.operators.window.Windows;

/**
 * q11, user sessions: how many bids each bidder made in each of its sessions (10 s of inactivity end one).
 *
 * <pre>{@code
 * SELECT B.bidder, count(*) AS bid_count,
 *        SESSION_START(B.dateTime, INTERVAL '10' SECOND) AS starttime,
 *        SESSION_END(B.dateTime, INTERVAL '10' SECOND) AS endtime
 * FROM bid B
 * GROUP BY B.bidder, SESSION(B.dateTime, INTERVAL '10' SECOND);
 * }</pre>
 *
 * Output columns: bidder, bid_count, starttime (the session's first bid time), endtime (its last bid time
 * plus 10 s), times in epoch ms. As in Flink, which merges the session windows {@code [t, t + 10 s)} of a
 * bidder's bids when they overlap or touch, two bids at most 10 s apart (exactly 10 s included) share a
 * session.
 *
 * <p>A session's row is final: it is emitted once the watermark rules out a bid that could still join it,
 * i.e. when it passes {@code endtime} (by 1 ms, since a bid exactly at {@code endtime} would join), and
 * bids later than the watermark are dropped (as Flink's window operator drops late rows). The operator
 * keeps, per bidder, the (time, count) of the bids of its open sessions only: q11 reduces each bid to its
 * (bidder, dateTime) first, and a closed session's state is forgotten, so state stays bounded by the
 * bidders active within the last 10 s plus the watermark delay.
 */
public final class Q11 implements NexmarkQuery<Q11.Row> {
    /** Creates the query. */
    public Q11() {}

    /** The sessions: per bidder, closed by 10 s without a bid (bids exactly 10 s apart share one). */
    public static final SessionWindows SESSIONS = Windows.sessionInclusive(10_000);

    /** A row of q11's result (and of q12's, which has the same columns), ordered by its columns. */
    public record Row(long bidder, long bidCount, long starttime, long endtime) implements ResultRow, Comparable<Row> {
        @Override
        public Object[] columnValues() {
            return new Object[] {bidder, bidCount, starttime, endtime};
        }

        @Override
        public int compareTo(Row o) {
            int c = Long.compare(bidder, o.bidder);
            c = c != 0 ? c : Long.compare(starttime, o.starttime);
            c = c != 0 ? c : Long.compare(endtime, o.endtime);
            return c != 0 ? c : Long.compare(bidCount, o.bidCount);
        }
    }

    /** A bidder and the time of one of its bids (event time in q11, processing time in q12); equal ones add up in weight. */
    record BidderTime(long bidder, long time) implements Comparable<BidderTime> {
        @Override
        public int compareTo(BidderTime o) {
            int c = Long.compare(bidder, o.bidder);
            return c != 0 ? c : Long.compare(time, o.time);
        }
    }

    /**
     * The order of the (bidder, time) pairs: a mix of bidder and time as the long prefix ({@link Orders#byLong}),
     * ties broken by {@code then}, which must order the pairs totally (q11 gives {@link BidderTime#compareTo}). A
     * step's pairs are then sorted as primitives, comparing pairs only where the mixes are equal; the natural
     * order of the records sorted them with a comparison sort.
     */
    static Comparator<BidderTime> timesOrder(Comparator<? super BidderTime> then) {
        return Orders.byLong((BidderTime p) -> p.bidder() * 0x9E37_79B9_7F4A_7C15L + p.time(), then);
    }

    private static final Comparator<BidderTime> TIMES_ORDER = timesOrder(BidderTime::compareTo);

    /** q11 over a stream of bids, with sessions closed by {@code watermark}. */
    public static ZSetStream<Row> query(ZSetStream<Bid> bids, Watermark watermark) {
        ZSetStream<BidderTime> times = bids.map(b -> new BidderTime(b.bidder(), b.dateTime()), TIMES_ORDER);
        return WindowedAggregates.aggregate(times, BidderTime::bidder, BidderTime::time, SESSIONS, watermark, 0,
                        WindowAggregate.<BidderTime>count())
                .stream()
                .map(r -> new Row(r.key(), r.value(), r.start(), r.end()));
    }

    @Override
    public String name() {
        return "q11";
    }

    @Override
    public List<String> columns() {
        return List.of("bidder", "bid_count", "starttime", "endtime");
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return query(in.bids(), in.watermark());
    }
}
