package org.jdbsp.nexmark.queries;

import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.operators.aggregate.FilteredDistinct;

/**
 * The price bands and the per-group measures q15 and q16 share, kept as one mutable state per group:
 * counts of bids overall and per band, and distinct bidders and auctions overall and per band
 * ({@code COUNT(DISTINCT ...) FILTER (WHERE band)}), all updated by each signed change in one pass.
 *
 * <p>Bands: rank1 {@code price < 10,000}; rank2 {@code 10,000 <= price < 1,000,000}; rank3
 * {@code price >= 1,000,000}. Filter 0 of the distinct sets is "all bids", filter {@code n} is band
 * {@code n}.
 */
final class BidBands {
    /** The upper bound (exclusive) of band rank1. */
    static final long RANK1_BELOW = 10_000;
    /** The upper bound (exclusive) of band rank2. */
    static final long RANK2_BELOW = 1_000_000;
    /** Milliseconds per day, for the {@code yyyy-MM-dd} group key. */
    static final long MS_PER_DAY = 86_400_000L;

    private long total;
    private final long[] banded;
    private final FilteredDistinct bidders;
    private final FilteredDistinct auctions;

    BidBands() {
        this(0, new long[4], new FilteredDistinct(4), new FilteredDistinct(4));
    }

    private BidBands(long total, long[] banded, FilteredDistinct bidders, FilteredDistinct auctions) {
        this.total = total;
        this.banded = banded;
        this.bidders = bidders;
        this.auctions = auctions;
    }

    /** The band of a price: 1, 2 or 3. */
    static int band(long price) {
        return price < RANK1_BELOW ? 1 : price < RANK2_BELOW ? 2 : 3;
    }

    /** The UTC day number of an epoch-millisecond time ({@code DATE_FORMAT(dateTime, 'yyyy-MM-dd')} as a number). */
    static long day(long dateTime) {
        return Math.floorDiv(dateTime, MS_PER_DAY);
    }

    /** The {@code yyyy-MM-dd} text of a UTC day number. */
    static String dayText(long day) {
        return Q10.dt(day * MS_PER_DAY);
    }

    /** Adds {@code weight} copies of {@code b} (negative: removes them). */
    void add(Bid b, long weight) {
        int band = band(b.price());
        total = Math.addExact(total, weight);
        banded[band] = Math.addExact(banded[band], weight);
        int mask = 1 | (1 << band);
        bidders.add(b.bidder(), mask, weight);
        auctions.add(b.auction(), mask, weight);
    }

    /** True when no bid is left. */
    boolean isEmpty() {
        return total == 0 && bidders.isEmpty() && auctions.isEmpty();
    }

    /** The twelve measures as they are now. */
    Measures measures() {
        return new Measures(total, banded[1], banded[2], banded[3],
                bidders.distinct(0), bidders.distinct(1), bidders.distinct(2), bidders.distinct(3),
                auctions.distinct(0), auctions.distinct(1), auctions.distinct(2), auctions.distinct(3));
    }

    /** Writes the state to a checkpoint (see {@link org.jdbsp.operators.aggregate.IncrementalAggregator#writeState}). */
    void write(StateWriter out) {
        out.writeLong(total);
        for (int band = 1; band < banded.length; band++) {
            out.writeLong(banded[band]);
        }
        bidders.write(out);
        auctions.write(out);
    }

    /** A state holding what {@link #write} saved. */
    static BidBands read(StateReader in) {
        long total = in.readLong();
        long[] banded = new long[4];
        for (int band = 1; band < banded.length; band++) {
            banded[band] = in.readLong();
        }
        FilteredDistinct bidders = FilteredDistinct.read(in);
        return new BidBands(total, banded, bidders, FilteredDistinct.read(in));
    }

    BidBands copy() {
        return new BidBands(total, banded.clone(), bidders.copy(), auctions.copy());
    }

    /** The twelve measures of a group, in the select-list order of q15 and q16. */
    record Measures(long totalBids, long rank1Bids, long rank2Bids, long rank3Bids,
                    long totalBidders, long rank1Bidders, long rank2Bidders, long rank3Bidders,
                    long totalAuctions, long rank1Auctions, long rank2Auctions, long rank3Auctions) {
        /** The column names, in order. */
        static final java.util.List<String> COLUMNS = java.util.List.of("total_bids", "rank1_bids", "rank2_bids",
                "rank3_bids", "total_bidders", "rank1_bidders", "rank2_bidders", "rank3_bidders", "total_auctions",
                "rank1_auctions", "rank2_auctions", "rank3_auctions");
    }
}
