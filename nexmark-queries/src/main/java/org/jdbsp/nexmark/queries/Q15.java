package org.jdbsp.nexmark.queries;

import java.util.ArrayList;
import java.util.List;

import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.operators.aggregate.Aggregates;
import org.jdbsp.operators.aggregate.IncrementalAggregator;
import org.jdbsp.zset.Orders;

/**
 * q15, bidding statistics per day: bids, distinct bidders and distinct auctions overall and per price band.
 *
 * <pre>{@code
 * SELECT
 *      DATE_FORMAT(dateTime, 'yyyy-MM-dd') as `day`,
 *      count(*) AS total_bids,
 *      count(*) filter (where price < 10000) AS rank1_bids,
 *      count(*) filter (where price >= 10000 and price < 1000000) AS rank2_bids,
 *      count(*) filter (where price >= 1000000) AS rank3_bids,
 *      count(distinct bidder) AS total_bidders,
 *      count(distinct bidder) filter (where price < 10000) AS rank1_bidders,
 *      count(distinct bidder) filter (where price >= 10000 and price < 1000000) AS rank2_bidders,
 *      count(distinct bidder) filter (where price >= 1000000) AS rank3_bidders,
 *      count(distinct auction) AS total_auctions,
 *      count(distinct auction) filter (where price < 10000) AS rank1_auctions,
 *      count(distinct auction) filter (where price >= 10000 and price < 1000000) AS rank2_auctions,
 *      count(distinct auction) filter (where price >= 1000000) AS rank3_auctions
 * FROM bid
 * GROUP BY DATE_FORMAT(dateTime, 'yyyy-MM-dd');
 * }</pre>
 *
 * Output columns: day ({@code yyyy-MM-dd}, UTC), total_bids, rank1_bids, rank2_bids, rank3_bids,
 * total_bidders, rank1_bidders, rank2_bidders, rank3_bidders, total_auctions, rank1_auctions,
 * rank2_auctions, rank3_auctions. An update stream: each step retracts and re-inserts the row of every day
 * it touches. All twelve measures of a day are counters in one state ({@link BidBands}), updated by one
 * {@linkplain BandCodes code} per bid and one per change of a member's filters: no join of twelve aggregates.
 * The distinct bidders and auctions of each day, which grow with the events, live in traces
 * of primitive long keys ({@link DayCodes}), which spill to files with storage on.
 */
public final class Q15 implements NexmarkQuery<Q15.Row> {
    /** Creates the query. */
    public Q15() {}

    /** A row of q15's result. */
    public record Row(String day, long totalBids, long rank1Bids, long rank2Bids, long rank3Bids,
                      long totalBidders, long rank1Bidders, long rank2Bidders, long rank3Bidders,
                      long totalAuctions, long rank1Auctions, long rank2Auctions, long rank3Auctions) implements ResultRow {
        static Row of(String day, BidBands.Measures m) {
            return new Row(day, m.totalBids(), m.rank1Bids(), m.rank2Bids(), m.rank3Bids(), m.totalBidders(),
                    m.rank1Bidders(), m.rank2Bidders(), m.rank3Bidders(), m.totalAuctions(), m.rank1Auctions(),
                    m.rank2Auctions(), m.rank3Auctions());
        }

        @Override
        public Object[] columnValues() {
            return new Object[] {day, totalBids, rank1Bids, rank2Bids, rank3Bids, totalBidders, rank1Bidders,
                rank2Bidders, rank3Bidders, totalAuctions, rank1Auctions, rank2Auctions, rank3Auctions};
        }
    }

    /** Keeps a day's {@link BidBands}, fed with {@link BandCodes}. */
    private static final class DayAggregator implements IncrementalAggregator<Long, BidBands, BidBands.Measures> {
        @Override
        public BidBands newState() {
            return new BidBands();
        }

        @Override
        public void add(BidBands state, Long code, long weight) {
            state.add(code, weight);
        }

        @Override
        public boolean isEmpty(BidBands state) {
            return state.isEmpty();
        }

        @Override
        public BidBands.Measures result(BidBands state) {
            return state.measures();
        }

        @Override
        public BidBands copy(BidBands state) {
            return state.copy();
        }

        @Override
        public void writeState(BidBands state, StateWriter out) {
            state.write(out);
        }

        @Override
        public BidBands readState(StateReader in) {
            return BidBands.read(in);
        }
    }

    /** q15 over a stream of bids. */
    public static ZSetStream<Row> query(ZSetStream<Bid> bids) {
        return Aggregates.incremental(DayCodes.codes(bids), new DayAggregator(), Orders.natural())
                .map((day, m) -> Row.of(BidBands.dayText(day), m));
    }

    @Override
    public String name() {
        return "q15";
    }

    @Override
    public List<String> columns() {
        List<String> columns = new ArrayList<>();
        columns.add("day");
        columns.addAll(BidBands.Measures.COLUMNS);
        return List.copyOf(columns);
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return query(in.bids());
    }
}
