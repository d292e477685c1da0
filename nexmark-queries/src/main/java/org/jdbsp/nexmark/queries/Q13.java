package org.jdbsp.nexmark.queries;

import java.util.Comparator;
import java.util.List;

import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.operators.join.Joins;
import org.jdbsp.zset.IndexedZSet;
import org.jdbsp.zset.IndexedZSetBuilder;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;

/**
 * q13, bounded side input join: every bid enriched from a static side table looked up by its auction id.
 *
 * <pre>{@code
 * CREATE TABLE side_input (key BIGINT, `value` VARCHAR);   -- the suite's 10,000 lines "i,i"
 *
 * SELECT B.auction, B.bidder, B.price, B.dateTime, S.`value`
 * FROM (SELECT *, PROCTIME() AS p_time FROM bid) B
 * JOIN side_input FOR SYSTEM_TIME AS OF B.p_time AS S
 * ON mod(B.auction, 10000) = S.key;
 * }</pre>
 *
 * Output columns: auction, bidder, price, dateTime (epoch ms), value. The side table ({@link #sideInput()}) is
 * a {@linkplain org.jdbsp.circuit.CircuitBuilder#table table owned by the circuit}, loaded once in the first
 * step; the processing-time lookup is a {@link Joins#lookupJoin lookup join}, which stores only the side
 * table, never the bids. As the table never changes, the processing time of the lookup cannot change the
 * result: it equals the plain inner join.
 */
public final class Q13 implements NexmarkQuery<Q13.Row> {
    /** Creates the query. */
    public Q13() {}

    /** The number of rows of the suite's side input (keys 0 .. 9,999). */
    public static final int SIDE_INPUT_ROWS = 10_000;

    private static final IndexedZSet<Long, String> SIDE_INPUT = buildSideInput();

    /** A row of q13's result. */
    public record Row(long auction, long bidder, long price, long dateTime, String value) implements ResultRow {
        @Override
        public Object[] columnValues() {
            return new Object[] {auction, bidder, price, dateTime, value};
        }
    }

    private static IndexedZSet<Long, String> buildSideInput() {
        IndexedZSetBuilder<Long, String> b = IndexedZSet.builder(Layout.longToObjects());
        for (long i = 0; i < SIDE_INPUT_ROWS; i++) {
            b.add(i, Long.toString(i), 1);
        }
        return b.build();
    }

    /**
     * The suite's side input, as its SideInputGenerator writes it: key {@code i} to value {@code "i"} (the
     * decimal text of {@code i}) for {@code i} in 0 .. 9,999.
     */
    public static IndexedZSet<Long, String> sideInput() {
        return SIDE_INPUT;
    }

    /**
     * The order of q13's rows: a 32-bit mix of the long columns first ({@link EventOrders#rowPrefix}, the prefix of
     * {@link Orders#byLong}), then every column, so that sorting a step's rows neither hashes them nor compares them
     * by reflection.
     */
    public static final Comparator<Row> ORDER = Orders.byLong(
            (Row r) -> EventOrders.rowPrefix(r.auction(), r.bidder(), r.price(), r.dateTime()), (a, b) -> {
                int c = EventOrders.compareLongs(a.auction(), b.auction(), a.bidder(), b.bidder(), a.price(), b.price());
                if (c == 0) {
                    c = Long.compare(a.dateTime(), b.dateTime());
                }
                return c != 0 ? c : EventOrders.NULLS_FIRST.compare(a.value(), b.value());
            });

    /**
     * q13 over a stream of bids and the side table, keyed as {@link #sideInput()}. The bids of a key are ordered
     * by {@link EventOrders#BID_STREAM} (long fields first), where the records' natural order hashed every bid,
     * its extra string included, to sort them.
     */
    public static ZSetStream<Row> query(ZSetStream<Bid> bids, IndexedZSetStream<Long, String> sideInput) {
        IndexedZSetStream<Long, Bid> bidsByKey = bids.indexByLong(b -> b.auction() % SIDE_INPUT_ROWS, b -> b,
                EventOrders.BID_STREAM);
        return Joins.lookupJoin(bidsByKey, sideInput,
                (Bid b, String value) -> new Row(b.auction(), b.bidder(), b.price(), b.dateTime(), value), ORDER);
    }

    @Override
    public String name() {
        return "q13";
    }

    @Override
    public List<String> columns() {
        return List.of("auction", "bidder", "price", "dateTime", "value");
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return query(in.bids(), in.builder().table("side_input", sideInput()));
    }
}
