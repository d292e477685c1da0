package org.jdbsp.nexmark.queries;

import java.util.Comparator;
import java.util.List;

import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.operators.topk.TopK;

/**
 * q19, auction top-10 price: the ten highest bids of each auction with their rank.
 *
 * <pre>{@code
 * SELECT * FROM
 * (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rank_number FROM bid)
 * WHERE rank_number <= 10;
 * }</pre>
 *
 * Output columns: auction, bidder, price, channel, url, dateTime (epoch ms), extra, rank_number (1 to 10).
 * An update stream: a bid entering an auction's top 10 inserts its row and renumbers the rows below it
 * (each renumbered row is retracted with its old rank and inserted with the new one); the 10th falls out.
 *
 * <p><b>Deviation:</b> Flink ranks bids of equal price by arrival (the earlier first; a newcomer equal to
 * the 10th is rejected). A Z-set has no arrival order; equal prices are ranked by dateTime ascending (the
 * earlier bid first, which is arrival order whenever the times differ), then bidder, channel, url, extra
 * ascending ({@link EventOrders#BEST_BID_FIRST}). Identical bids get consecutive ranks, like ROW_NUMBER.
 *
 * <p><b>Cost.</b> The bids of each auction are kept in rank order, so a step reads only the first ten and
 * the new bids of each touched auction, however many bids a hot auction has. <b>State:</b> every bid
 * (the SQL is unbounded: a deletion may bring any bid back into a top 10), about 250 bytes of heap per
 * bid, so runs of tens of millions of events need a large heap.
 */
public final class Q19 implements NexmarkQuery<Q19.Row> {
    /** Creates the query. */
    public Q19() {}

    /** A row of q19's result. */
    public record Row(long auction, long bidder, long price, String channel, String url, long dateTime, String extra,
                      long rankNumber) implements ResultRow {
        static Row of(Bid b, long rank) {
            return new Row(b.auction(), b.bidder(), b.price(), b.channel(), b.url(), b.dateTime(), b.extra(), rank);
        }

        @Override
        public Object[] columnValues() {
            return new Object[] {auction, bidder, price, channel, url, dateTime, extra, rankNumber};
        }
    }

    /** Rows by auction, rank, then the bid's fields (a cheap total order for the output changes). */
    static final Comparator<Row> ROW_ORDER = (x, y) -> {
        int c = Long.compare(x.auction(), y.auction());
        if (c == 0) {
            c = Long.compare(x.rankNumber(), y.rankNumber());
        }
        if (c == 0) {
            c = Long.compare(y.price(), x.price());
        }
        if (c == 0) {
            c = Long.compare(x.dateTime(), y.dateTime());
        }
        if (c == 0) {
            c = Long.compare(x.bidder(), y.bidder());
        }
        if (c == 0) {
            c = x.channel().compareTo(y.channel());
        }
        if (c == 0) {
            c = x.url().compareTo(y.url());
        }
        return c != 0 ? c : x.extra().compareTo(y.extra());
    };

    /** The number of bids kept per auction. */
    public static final int TOP = 10;

    /** q19 over a stream of bids. */
    public static ZSetStream<Row> query(ZSetStream<Bid> bids) {
        return TopK.rowNumbersInValueOrder(bids.indexByLong(Bid::auction, b -> b, EventOrders.BEST_BID_FIRST), TOP)
                .map((auction, ranked) -> Row.of(ranked.value(), ranked.rank()), ROW_ORDER);
    }

    @Override
    public String name() {
        return "q19";
    }

    @Override
    public List<String> columns() {
        return List.of("auction", "bidder", "price", "channel", "url", "dateTime", "extra", "rank_number");
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return query(in.bids());
    }
}
