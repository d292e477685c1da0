package org.jdbsp.nexmark.queries;

import java.util.Comparator;
import java.util.List;

import org.jdbsp.circuit.Sequenced;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.operators.topk.TopK;
import org.jdbsp.zset.Orders;

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
 * <p><b>Ties go to the earlier arrival, as in Flink.</b> The SQL orders by price only; Flink's append-only
 * top-N ranks bids of equal price by arrival, the earlier first (so a newcomer equal to the 10th stays out).
 * So does this query: it reads the bids stamped with their position in the event stream
 * ({@link NexmarkStreams#arrivedBids()}) and ranks by price descending, then position ascending
 * ({@link #BEST_EARLIEST_FIRST}), the same for every number of workers and every cut of the events into
 * steps. A bid is deleted by its stamp ({@link QueryCircuit#pushStamped}). Copies of one bid pushed together
 * (a weight above 1) share a stamp and get consecutive ranks, like ROW_NUMBER.
 *
 * <p><b>Cost.</b> The bids of each auction are kept in rank order, so a step reads only the first ten and
 * the new bids of each touched auction, however many bids a hot auction has. <b>State:</b> every bid
 * (the SQL is unbounded: a deletion may bring any bid back into a top 10), about 280 bytes of heap per
 * bid (with its stamp), so runs of tens of millions of events need a large heap.
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

    /**
     * The bids of an auction in rank order: price descending (the order's long prefix), then arrival position
     * ascending (the earlier arrival first, as Flink), then the bid's fields (only to keep the order consistent
     * with {@code equals}: positions are unique).
     */
    static final Comparator<Sequenced<Bid>> BEST_EARLIEST_FIRST = Orders.byLong(
            (Sequenced<Bid> s) -> EventOrders.priceDescending(s.value()), (a, b) -> {
                int c = Long.compare(a.seq(), b.seq());
                return c != 0 ? c : EventOrders.BID.compare(a.value(), b.value());
            });

    /** q19 over a stream of bids stamped with their arrival positions. */
    public static ZSetStream<Row> query(ZSetStream<Sequenced<Bid>> arrivedBids) {
        return TopK.rowNumbersInValueOrder(arrivedBids.indexByLong(s -> s.value().auction(), s -> s, BEST_EARLIEST_FIRST), TOP)
                .map((auction, ranked) -> Row.of(ranked.value().value(), ranked.rank()), ROW_ORDER);
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
        return query(in.arrivedBids());
    }
}
