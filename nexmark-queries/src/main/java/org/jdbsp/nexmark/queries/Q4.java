package org.jdbsp.nexmark.queries;

import java.util.List;

import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.operators.aggregate.Aggregates;
import org.jdbsp.operators.time.Watermark;

/**
 * q4, average price for a category: the average winning price of the auctions of each category.
 *
 * <pre>{@code
 * SELECT Q.category, AVG(Q.final)
 * FROM (
 *     SELECT MAX(B.price) AS final, A.category
 *     FROM auction A, bid B
 *     WHERE A.id = B.auction AND B.dateTime BETWEEN A.dateTime AND A.expires
 *     GROUP BY A.id, A.category
 * ) Q
 * GROUP BY Q.category;
 * }</pre>
 *
 * Output columns: category, avg (a BIGINT: AVG of a BIGINT column is the integer quotient sum / count,
 * truncated toward zero, as in Flink). An update stream: a category's row is retracted and re-inserted
 * whenever a winning price in it changes. The winning price per auction comes from {@link WinningBids}
 * (whose tie-break does not matter here: only the price is used).
 */
public final class Q4 implements NexmarkQuery<Q4.Row> {
    /** Creates the query. */
    public Q4() {}

    /** A row of q4's result. */
    public record Row(long category, long avg) implements ResultRow {
        @Override
        public Object[] columnValues() {
            return new Object[] {category, avg};
        }
    }

    /** q4 over streams of auctions and bids; the watermark bounds the state (see {@link WinningBids#of}). */
    public static ZSetStream<Row> query(ZSetStream<Auction> auctions, ZSetStream<Bid> bids, Watermark watermark) {
        IndexedZSetStream<Long, Long> finalsByCategory = WinningBids.of(auctions, bids, watermark)
                .map((id, ab) -> ab, WinningBids.BEST_FIRST)
                .indexLongToLong(ab -> ab.auction().category(), ab -> ab.bid().price());
        return Aggregates.average(finalsByCategory, Long::longValue).map(Row::new);
    }

    @Override
    public String name() {
        return "q4";
    }

    @Override
    public List<String> columns() {
        return List.of("category", "avg");
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return query(in.auctions(), in.bids(), in.watermark());
    }
}
