package org.jdbsp.nexmark.queries;

import java.util.Comparator;
import java.util.List;

import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.zset.Orders;

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

    /**
     * The order of q22's rows: a 32-bit mix of the long columns first ({@link EventOrders#rowPrefix}, the prefix of
     * {@link Orders#byLong}), then every column (the directories may be null), so that sorting a step's rows hashes
     * none of its strings.
     */
    public static final Comparator<Row> ORDER = Orders.byLong(
            (Row r) -> EventOrders.rowPrefix(r.auction(), r.bidder(), r.price(), 0), (a, b) -> {
                int c = EventOrders.compareLongs(a.auction(), b.auction(), a.bidder(), b.bidder(), a.price(), b.price());
                if (c == 0) {
                    c = a.channel().compareTo(b.channel());
                }
                if (c == 0) {
                    c = EventOrders.NULLS_FIRST.compare(a.dir1(), b.dir1());
                }
                if (c == 0) {
                    c = EventOrders.NULLS_FIRST.compare(a.dir2(), b.dir2());
                }
                return c != 0 ? c : EventOrders.NULLS_FIRST.compare(a.dir3(), b.dir3());
            });

    /**
     * The number of slots of each circuit's table of URL splits, as a power of two: 16,384 for the generator's
     * 10,004 URLs.
     */
    private static final int URL_TABLE_BITS = 14;

    /**
     * q22 over a stream of bids. Each call (each worker's circuit) has its own table of URL splits
     * ({@link UrlDirectories}), so the bids of one URL share its three directory strings.
     */
    public static ZSetStream<Row> query(ZSetStream<Bid> bids) {
        UrlDirectories dirs = new UrlDirectories(URL_TABLE_BITS);
        return bids.map(b -> row(b, dirs), ORDER);
    }

    /** The row of bid {@code b}: {@code SPLIT_INDEX(url, '/', 3..5)}, the URL's split taken from {@code dirs}. */
    static Row row(Bid b, UrlDirectories dirs) {
        UrlDirectories.Split s = dirs.of(b.url());
        return new Row(b.auction(), b.bidder(), b.price(), b.channel(), s.dir1(), s.dir2(), s.dir3());
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
