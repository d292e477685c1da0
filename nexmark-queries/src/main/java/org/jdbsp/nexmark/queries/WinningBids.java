package org.jdbsp.nexmark.queries;

import java.util.Comparator;

import org.jdbsp.circuit.IndexedStream;
import org.jdbsp.circuit.Stream;
import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.operators.join.Joins;
import org.jdbsp.operators.topk.TopK;

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
 * Incremental: an unbounded join on the auction id (both sides kept, a bid may precede its auction),
 * then a top-1 per auction that reads only the head of each touched auction's matching bids.
 */
final class WinningBids {
    private WinningBids() {}

    /** An auction with one of its bids. */
    record AuctionBid(Auction auction, Bid bid) {}

    /** Best bid first, then the auction fields (only to make the order total). */
    static final Comparator<AuctionBid> BEST_FIRST = (x, y) -> {
        int c = EventOrders.BEST_BID_FIRST.compare(x.bid(), y.bid());
        return c != 0 ? c : EventOrders.AUCTION.compare(x.auction(), y.auction());
    };

    /** True when {@code b} was placed while {@code a} was open: {@code b.dateTime BETWEEN a.dateTime AND a.expires}. */
    static boolean inTime(Auction a, Bid b) {
        return b.dateTime() >= a.dateTime() && b.dateTime() <= a.expires();
    }

    /** Each auction with a bid in its time range, keyed by auction id, with its winning bid. */
    static IndexedStream<Long, AuctionBid> of(Stream<Auction> auctions, Stream<Bid> bids) {
        IndexedStream<Long, Auction> auctionsById = auctions.indexByLong(Auction::id, a -> a, EventOrders.AUCTION);
        IndexedStream<Long, Bid> bidsByAuction = bids.indexByLong(Bid::auction, b -> b, EventOrders.BEST_BID_FIRST);
        Stream<AuctionBid> matched = Joins.joinWhere(auctionsById, bidsByAuction, WinningBids::inTime, AuctionBid::new, BEST_FIRST);
        return TopK.topKInValueOrder(matched.indexByLong(ab -> ab.auction().id(), ab -> ab, BEST_FIRST), 1);
    }
}
