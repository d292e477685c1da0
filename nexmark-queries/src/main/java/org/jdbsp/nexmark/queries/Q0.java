package org.jdbsp.nexmark.queries;

import java.util.Comparator;
import java.util.List;

import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.zset.Orders;

/**
 * q0, pass through: every bid, projected.
 *
 * <pre>{@code
 * SELECT auction, bidder, price, dateTime, extra FROM bid;
 * }</pre>
 *
 * Output columns: auction, bidder, price, dateTime (epoch ms), extra.
 */
public final class Q0 implements NexmarkQuery<Q0.Row> {
    /** Creates the query. */
    public Q0() {}

    /** A row of q0's result. */
    public record Row(long auction, long bidder, long price, long dateTime, String extra) implements ResultRow {
        @Override
        public Object[] columnValues() {
            return new Object[] {auction, bidder, price, dateTime, extra};
        }
    }

    /**
     * The order of q0's rows: a 32-bit mix of the long columns first ({@link EventOrders#rowPrefix}, the prefix of
     * {@link Orders#byLong}), then every column, so that sorting a step's rows neither hashes nor compares the
     * {@code extra} text of rows that differ elsewhere.
     */
    public static final Comparator<Row> ORDER = Orders.byLong(
            (Row r) -> EventOrders.rowPrefix(r.auction(), r.bidder(), r.dateTime(), r.price()), (a, b) -> {
                int c = EventOrders.compareLongs(a.auction(), b.auction(), a.bidder(), b.bidder(), a.dateTime(),
                        b.dateTime());
                if (c == 0) {
                    c = Long.compare(a.price(), b.price());
                }
                return c != 0 ? c : a.extra().compareTo(b.extra());
            });

    /** q0 over a stream of bids. */
    public static ZSetStream<Row> query(ZSetStream<Bid> bids) {
        return bids.map(b -> new Row(b.auction(), b.bidder(), b.price(), b.dateTime(), b.extra()), ORDER);
    }

    @Override
    public String name() {
        return "q0";
    }

    @Override
    public List<String> columns() {
        return List.of("auction", "bidder", "price", "dateTime", "extra");
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return query(in.bids());
    }
}
