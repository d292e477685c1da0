package org.jdbsp.nexmark.queries;

import java.util.Comparator;

import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.operators.join.Joins;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.time.Watermarks;
import org.jdbsp.operators.topk.TopK;
import org.jdbsp.zset.Orders;

/**
 * The "winning bid" core shared by q4, q6 and q9: for each auction, its best bid among the bids on it whose
 * dateTime lies in {@code [auction.dateTime, auction.expires]} (both ends inclusive).
 *
 * <pre>{@code
 * SELECT A.*, B.* FROM auction A, bid B
 * WHERE A.id = B.auction AND B.dateTime BETWEEN A.dateTime AND A.expires
 * -- then, per A.id, the first row by B.price DESC, B.dateTime ASC, B.bidder, B.channel, B.url, B.extra
 * }</pre>
 *
 * The best bid is the highest price, then the earliest dateTime; Flink breaks the remaining ties by arrival
 * order, which a Z-set does not have, so ties go to the least (bidder, channel, url, extra) instead
 * ({@link EventOrders#BEST_BID_FIRST}). Auction ids are assumed unique, as the generator makes them.
 * Incremental: a join on the auction id (a bid may precede its auction) whose state the watermark bounds
 * (see {@link #of}), then a top-1 per auction that reads only the head of each touched auction's matching
 * bids.
 */
final class WinningBids {
    private WinningBids() {}

    /** An auction with one of its bids. */
    record AuctionBid(Auction auction, Bid bid) {}

    /** Best bid first, then the auction fields (only to make the order total); the bid's price descending is its long prefix. */
    static final Comparator<AuctionBid> BEST_FIRST = Orders.byLong((AuctionBid ab) -> EventOrders.priceDescending(ab.bid()),
            (AuctionBid x, AuctionBid y) -> {
                int c = EventOrders.BEST_BID_FIRST.compare(x.bid(), y.bid());
                return c != 0 ? c : EventOrders.AUCTION.compare(x.auction(), y.auction());
            });

    /** True when {@code b} was placed while {@code a} was open: {@code b.dateTime BETWEEN a.dateTime AND a.expires}. */
    static boolean inTime(Auction a, Bid b) {
        return b.dateTime() >= a.dateTime() && b.dateTime() <= a.expires();
    }

    /**
     * Each auction with a bid in its time range, keyed by auction id, with its winning bid.
     *
     * <p>State stays bounded by the watermark: an auction whose {@code expires} is behind it can meet no
     * later bid, and a bid behind it no later auction, so both join sides and the matched pairs of closed
     * auctions are forgotten ({@link Watermarks#forgetValuesBelow}). That is exact for inputs that are never
     * behind the watermark, as Nexmark's are; records that are (late) are dropped and counted instead of
     * being joined with state that may already be gone.
     */
    static IndexedZSetStream<Long, AuctionBid> of(ZSetStream<Auction> auctions, ZSetStream<Bid> bids, Watermark watermark) {
        IndexedZSetStream<Long, Auction> auctionsById = Watermarks.dropLate(auctions, watermark, Auction::dateTime, 0).stream()
                .indexByLong(Auction::id, a -> a, EventOrders.AUCTION);
        IndexedZSetStream<Long, Bid> bidsByAuction = Watermarks.dropLate(bids, watermark, Bid::dateTime, 0).stream()
                .indexByLong(Bid::auction, b -> b, EventOrders.BEST_BID_FIRST);
        Watermarks.forgetValuesBelow(auctionsById, watermark, Auction::expires, 0);
        Watermarks.forgetValuesBelow(bidsByAuction, watermark, Bid::dateTime, 0);
        IndexedZSetStream<Long, AuctionBid> matchedById =
                Joins.joinWhereByKey(auctionsById, bidsByAuction, WinningBids::inTime, AuctionBid::new, BEST_FIRST);
        Watermarks.forgetValuesBelow(matchedById, watermark, ab -> ab.auction().expires(), 0);
        return TopK.topKInValueOrder(matchedById, 1);
    }
}
