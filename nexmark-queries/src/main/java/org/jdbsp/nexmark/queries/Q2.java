package org.jdbsp.nexmark.queries;

import java.util.List;

import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Bid;

/**
 * q2, selection: the bids on every 123rd auction.
 *
 * <pre>{@code
 * SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0;
 * }</pre>
 *
 * Output columns: auction, price.
 */
public final class Q2 implements NexmarkQuery<Q2.Row> {
    /** Creates the query. */
    public Q2() {}

    /** The auction ids kept are the multiples of this. */
    public static final long AUCTION_MODULUS = 123;

    /** A row of q2's result. */
    public record Row(long auction, long price) implements ResultRow {
        @Override
        public Object[] columnValues() {
            return new Object[] {auction, price};
        }
    }

    /** q2 over a stream of bids. */
    public static ZSetStream<Row> query(ZSetStream<Bid> bids) {
        return bids.filter(b -> b.auction() % AUCTION_MODULUS == 0).map(b -> new Row(b.auction(), b.price()));
    }

    @Override
    public String name() {
        return "q2";
    }

    @Override
    public List<String> columns() {
        return List.of("auction", "price");
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return query(in.bids());
    }
}
