package org.jdbsp.nexmark.queries;

import java.util.Comparator;
import java.util.List;

import org.jdbsp.circuit.Sequenced;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.operators.topk.TopK;
import org.jdbsp.zset.Orders;

/**
 * q18, find last bid: the latest bid of each (bidder, auction) pair.
 *
 * <pre>{@code
 * SELECT auction, bidder, price, channel, url, dateTime, extra
 *  FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY bidder, auction ORDER BY dateTime DESC) AS rank_number
 *        FROM bid)
 *  WHERE rank_number <= 1;
 * }</pre>
 *
 * Output columns: auction, bidder, price, channel, url, dateTime (epoch ms), extra. An update stream: a later
 * bid of a pair retracts the pair's previous row.
 *
 * <p><b>Ties go to the later arrival, as in Flink.</b> Flink plans this as a keep-last deduplication, so of
 * two bids of a pair with the same dateTime (common: 10 events share each millisecond) the one that arrived
 * later wins. So does this query: it reads the bids stamped with their position in the event stream
 * ({@link NexmarkStreams#arrivedBids()}) and keeps the bids of each pair by dateTime descending, then position
 * descending ({@link #LATEST_FIRST}); the result is the same for every number of workers and every cut of the
 * events into steps. A bid is deleted by its stamp ({@link QueryCircuit#pushStamped}). The bids of each pair
 * are kept in that order, so a step reads only the head of each touched pair.
 *
 * <p><b>State:</b> every bid (the SQL is unbounded: a deletion may bring back any bid of a pair), about
 * 280 bytes of heap per bid (with its stamp), so runs of tens of millions of events need a large heap.
 */
public final class Q18 implements NexmarkQuery<Q18.Row> {
    /** Creates the query. */
    public Q18() {}

    /** A row of q18's result. */
    public record Row(long auction, long bidder, long price, String channel, String url, long dateTime, String extra)
            implements ResultRow {
        static Row of(Bid b) {
            return new Row(b.auction(), b.bidder(), b.price(), b.channel(), b.url(), b.dateTime(), b.extra());
        }

        @Override
        public Object[] columnValues() {
            return new Object[] {auction, bidder, price, channel, url, dateTime, extra};
        }
    }

    /** The group key. */
    record BidderAuction(long bidder, long auction) implements Comparable<BidderAuction> {
        @Override
        public int compareTo(BidderAuction o) {
            int c = Long.compare(bidder, o.bidder);
            return c != 0 ? c : Long.compare(auction, o.auction);
        }
    }

    /**
     * The order of the group keys: a mix of bidder and auction as the long prefix ({@link Orders#byLong}),
     * then {@link BidderAuction#compareTo}; a step's bids are sorted by primitives first, and hot bidders do
     * not leave long runs of equal prefixes for the comparator.
     */
    private static final Comparator<BidderAuction> KEY_ORDER =
            Orders.byLong((BidderAuction k) -> k.bidder() * 0x9E37_79B9_7F4A_7C15L + k.auction(), BidderAuction::compareTo);

    /**
     * The bids of a pair, latest first: dateTime descending (the order's long prefix), then arrival position
     * descending (the later arrival first, as Flink's keep-last), then the bid's fields (only to keep the order
     * consistent with {@code equals}: positions are unique).
     */
    static final Comparator<Sequenced<Bid>> LATEST_FIRST = Orders.byLong((Sequenced<Bid> s) -> ~s.value().dateTime(),
            (a, b) -> {
                int c = Long.compare(b.seq(), a.seq());
                return c != 0 ? c : EventOrders.BID.compare(a.value(), b.value());
            });

    /**
     * The order of result rows: a mix of auction, bidder and dateTime as the long prefix ({@link Orders#byLong}),
     * ties broken by {@code then}, which must order rows totally (q18 gives {@link #ROW_FIELDS}). The natural
     * order of this record (not Comparable) compared rows by their hash codes, which hash the three strings of
     * both rows on every comparison, in every sort and merge of the output.
     */
    static Comparator<Row> rowOrder(Comparator<? super Row> then) {
        return Orders.byLong((Row r) -> (r.auction() * 0x9E37_79B9_7F4A_7C15L + r.bidder()) * 0xC2B2_AE3D_27D4_EB4FL
                + r.dateTime(), then);
    }

    /** Every field of a row, longs first: a total order consistent with {@code equals}. */
    static final Comparator<Row> ROW_FIELDS = Comparator.comparingLong(Row::auction).thenComparingLong(Row::bidder)
            .thenComparingLong(Row::dateTime).thenComparingLong(Row::price).thenComparing(Row::channel)
            .thenComparing(Row::url).thenComparing(Row::extra);

    private static final Comparator<Row> ROW_ORDER = rowOrder(ROW_FIELDS);

    /** q18 over a stream of bids stamped with their arrival positions. */
    public static ZSetStream<Row> query(ZSetStream<Sequenced<Bid>> arrivedBids) {
        return TopK.topKInValueOrder(arrivedBids.index(s -> new BidderAuction(s.value().bidder(), s.value().auction()),
                        s -> s, KEY_ORDER, LATEST_FIRST), 1)
                .map((pair, s) -> Row.of(s.value()), ROW_ORDER);
    }

    @Override
    public String name() {
        return "q18";
    }

    @Override
    public List<String> columns() {
        return List.of("auction", "bidder", "price", "channel", "url", "dateTime", "extra");
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return query(in.arrivedBids());
    }
}
