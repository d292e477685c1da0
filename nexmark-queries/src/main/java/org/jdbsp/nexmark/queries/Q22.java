package org.jdbsp.nexmark.queries;

import java.util.List;

import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Bid;

/**
 * q22, URL directories: every bid with the three path segments of its URL.
 *
 * <pre>{@code
 * SELECT auction, bidder, price, channel,
 *     SPLIT_INDEX(url, '/', 3) AS dir1,
 *     SPLIT_INDEX(url, '/', 4) AS dir2,
 *     SPLIT_INDEX(url, '/', 5) AS dir3
 * FROM bid;
 * }</pre>
 *
 * Output columns: auction, bidder, price, channel, dir1, dir2, dir3 (each NULL when the URL has too few
 * pieces; see {@link SplitIndex}). For {@code https://www.nexmark.com/a/b/c/item.htm} the pieces are
 * {@code https:}, the empty string, {@code www.nexmark.com}, {@code a}, {@code b}, {@code c}, ...
 */
public final class Q22 implements NexmarkQuery<Q22.Row> {
    /** Creates the query. */
    public Q22() {}

    /** A row of q22's result. */
    public record Row(long auction, long bidder, long price, String channel, String dir1, String dir2, String dir3)
            implements ResultRow {
        @Override
        public Object[] columnValues() {
            return new Object[] {auction, bidder, price, channel, dir1, dir2, dir3};
        }
    }

    /** q22 over a stream of bids. */
    public static ZSetStream<Row> query(ZSetStream<Bid> bids) {
        return bids.map(b -> {
            String url = b.url();
            return new Row(b.auction(), b.bidder(), b.price(), b.channel(),
                    SplitIndex.of(url, '/', 3), SplitIndex.of(url, '/', 4), SplitIndex.of(url, '/', 5));
        });
    }

    @Override
    public String name() {
        return "q22";
    }

    @Override
    public List<String> columns() {
        return List.of("auction", "bidder", "price", "channel", "dir1", "dir2", "dir3");
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return query(in.bids());
    }
}
