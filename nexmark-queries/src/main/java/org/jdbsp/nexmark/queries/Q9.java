package org.jdbsp.nexmark.queries;

import java.util.List;

import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.operators.time.Watermark;

/**
 * q9, winning bids: every auction with its best bid placed while it was open.
 *
 * <pre>{@code
 * SELECT id, itemName, description, initialBid, reserve, dateTime, expires, seller, category, extra,
 *        auction, bidder, price, bid_dateTime, bid_extra
 * FROM (
 *   SELECT A.*, B.auction, B.bidder, B.price, B.dateTime AS bid_dateTime, B.extra AS bid_extra,
 *     ROW_NUMBER() OVER (PARTITION BY A.id ORDER BY B.price DESC, B.dateTime ASC) AS rownum
 *   FROM auction A, bid B
 *   WHERE A.id = B.auction AND B.dateTime BETWEEN A.dateTime AND A.expires
 * )
 * WHERE rownum <= 1;
 * }</pre>
 *
 * Output columns: id, itemName, description, initialBid, reserve, dateTime, expires, seller, category,
 * extra (the auction's), then auction, bidder, price, bid_dateTime, bid_extra (the winning bid's); times as
 * epoch ms. An update stream: a better bid retracts the auction's previous row.
 *
 * <p><b>Deviation:</b> Flink gives bids of equal price and equal dateTime to the one that arrived first; a
 * Z-set has no arrival order, so such ties go to the least (bidder, channel, url, extra), compared in that
 * order (strings by UTF-16 code units, which is byte order for the generator's ASCII strings). See
 * {@link WinningBids}.
 */
public final class Q9 implements NexmarkQuery<Q9.Row> {
    /** Creates the query. */
    public Q9() {}

    /** A row of q9's result. */
    public record Row(long id, String itemName, String description, long initialBid, long reserve, long dateTime,
                      long expires, long seller, long category, String extra, long auction, long bidder, long price,
                      long bidDateTime, String bidExtra) implements ResultRow {
        static Row of(Auction a, Bid b) {
            return new Row(a.id(), a.itemName(), a.description(), a.initialBid(), a.reserve(), a.dateTime(),
                    a.expires(), a.seller(), a.category(), a.extra(), b.auction(), b.bidder(), b.price(), b.dateTime(),
                    b.extra());
        }

        @Override
        public Object[] columnValues() {
            return new Object[] {id, itemName, description, initialBid, reserve, dateTime, expires, seller, category,
                extra, auction, bidder, price, bidDateTime, bidExtra};
        }
    }

    /** q9 over streams of auctions and bids; the watermark bounds the state (see {@link WinningBids#of}). */
    public static ZSetStream<Row> query(ZSetStream<Auction> auctions, ZSetStream<Bid> bids, Watermark watermark) {
        return WinningBids.of(auctions, bids, watermark).map((id, ab) -> Row.of(ab.auction(), ab.bid()));
    }

    @Override
    public String name() {
        return "q9";
    }

    @Override
    public List<String> columns() {
        return List.of("id", "itemName", "description", "initialBid", "reserve", "dateTime", "expires", "seller",
                "category", "extra", "auction", "bidder", "price", "bid_dateTime", "bid_extra");
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return query(in.auctions(), in.bids(), in.watermark());
    }
}
