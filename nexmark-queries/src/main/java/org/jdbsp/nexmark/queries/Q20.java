package org.jdbsp.nexmark.queries;

import java.util.List;

import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.operators.join.Joins;

/**
 * q20, expand bid with auction: every bid on a category-10 auction, with that auction's columns.
 *
 * <pre>{@code
 * SELECT auction, bidder, price, channel, url, B.dateTime, B.extra,
 *     itemName, description, initialBid, reserve, A.dateTime, expires, seller, category, A.extra
 * FROM bid AS B INNER JOIN auction AS A ON B.auction = A.id
 * WHERE A.category = 10;
 * }</pre>
 *
 * Output columns: auction, bidder, price, channel, url, bid_dateTime, bid_extra, itemName, description,
 * initialBid, reserve, auction_dateTime, expires, seller, category, auction_extra (times as epoch ms). An
 * unbounded incremental join on the auction id: every bid is kept (its auction may come later), and the
 * category filter is applied to the auctions before the join.
 */
public final class Q20 implements NexmarkQuery<Q20.Row> {
    /** Creates the query. */
    public Q20() {}

    /** The auction category q20 selects. */
    public static final long CATEGORY = 10;

    /** A row of q20's result. */
    public record Row(long auction, long bidder, long price, String channel, String url, long bidDateTime,
                      String bidExtra, String itemName, String description, long initialBid, long reserve,
                      long auctionDateTime, long expires, long seller, long category, String auctionExtra)
            implements ResultRow {
        /** The row of a bid and its auction. */
        static Row of(Bid b, Auction a) {
            return new Row(b.auction(), b.bidder(), b.price(), b.channel(), b.url(), b.dateTime(), b.extra(),
                    a.itemName(), a.description(), a.initialBid(), a.reserve(), a.dateTime(), a.expires(), a.seller(),
                    a.category(), a.extra());
        }

        @Override
        public Object[] columnValues() {
            return new Object[] {auction, bidder, price, channel, url, bidDateTime, bidExtra, itemName, description,
                initialBid, reserve, auctionDateTime, expires, seller, category, auctionExtra};
        }
    }

    /** q20 over streams of bids and auctions. */
    public static ZSetStream<Row> query(ZSetStream<Bid> bids, ZSetStream<Auction> auctions) {
        IndexedZSetStream<Long, Bid> bidsByAuction = bids.indexByLong(Bid::auction, b -> b);
        IndexedZSetStream<Long, Auction> auctionsById = auctions.filter(a -> a.category() == CATEGORY)
                .indexByLong(Auction::id, a -> a);
        return Joins.join(bidsByAuction, auctionsById, Row::of);
    }

    @Override
    public String name() {
        return "q20";
    }

    @Override
    public List<String> columns() {
        return List.of("auction", "bidder", "price", "channel", "url", "bid_dateTime", "bid_extra", "itemName",
                "description", "initialBid", "reserve", "auction_dateTime", "expires", "seller", "category",
                "auction_extra");
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return query(in.bids(), in.auctions());
    }
}
