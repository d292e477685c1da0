package org.jdbsp.nexmark.queries;

import java.math.BigDecimal;
import java.util.List;

import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Bid;

/**
 * q1, currency conversion: every bid with its price converted from dollars to euros.
 *
 * <pre>{@code
 * SELECT auction, bidder, 0.908 * price AS price, dateTime, extra FROM bid;
 * }</pre>
 *
 * Output columns: auction, bidder, price (DECIMAL(23, 3): the exact product, see {@link #euros(long)}),
 * dateTime (epoch ms), extra.
 */
public final class Q1 implements NexmarkQuery<Q1.Row> {
    /** Creates the query. */
    public Q1() {}

    /** The largest magnitude whose product by 908 still fits a long. */
    private static final long EXACT_LIMIT = Long.MAX_VALUE / 908;
    private static final BigDecimal RATE = new BigDecimal("0.908");

    /** A row of q1's result. */
    public record Row(long auction, long bidder, BigDecimal price, long dateTime, String extra) implements ResultRow {
        @Override
        public Object[] columnValues() {
            return new Object[] {auction, bidder, price, dateTime, extra};
        }
    }

    /**
     * {@code 0.908 * price} as SQL computes it: DECIMAL(4, 3) times BIGINT is DECIMAL(23, 3), the exact
     * product with scale 3 (no rounding ever happens).
     */
    public static BigDecimal euros(long price) {
        if (price >= -EXACT_LIMIT && price <= EXACT_LIMIT) {
            return BigDecimal.valueOf(price * 908, 3);
        }
        return BigDecimal.valueOf(price).multiply(RATE);
    }

    /** q1 over a stream of bids. */
    public static ZSetStream<Row> query(ZSetStream<Bid> bids) {
        return bids.map(b -> new Row(b.auction(), b.bidder(), euros(b.price()), b.dateTime(), b.extra()));
    }

    @Override
    public String name() {
        return "q1";
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
