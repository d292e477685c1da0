package org.jdbsp.nexmark.queries;

import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;

/**
 * The price bands and the per-group measures q15 and q16 share, kept as one small mutable state per group:
 * counts of bids overall and per band, and the numbers of distinct bidders and auctions overall and per band
 * ({@code COUNT(DISTINCT ...) FILTER (WHERE band)}). It holds counters only: the distinct sets themselves live in
 * traces ({@link DistinctBands}), which tell this state by {@linkplain BandCodes mask codes} when a
 * (group, bidder) or (group, auction) enters or leaves a filter; bids arrive as bid codes.
 *
 * <p>Bands: rank1 {@code price < 10,000}; rank2 {@code 10,000 <= price < 1,000,000}; rank3
 * {@code price >= 1,000,000}. Filter 0 of the distinct counts is "all bids", filter {@code n} is band
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
    /** Distinct bidders of filter f at f, distinct auctions at FILTERS + f. */
    private final long[] distinct;

    BidBands() {
        this(0, new long[4], new long[2 * BandCodes.FILTERS]);
    }

    private BidBands(long total, long[] banded, long[] distinct) {
        this.total = total;
        this.banded = banded;
        this.distinct = distinct;
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

    /** Adds {@code weight} times (negative: removes) what a {@link BandCodes} code stands for. */
    void add(long code, long weight) {
        if (BandCodes.isBid(code)) {
            int band = BandCodes.bandOf(code);
            total = Math.addExact(total, weight);
            banded[band] = Math.addExact(banded[band], weight);
            return;
        }
        int offset = code < BandCodes.AUCTIONS ? 0 : BandCodes.FILTERS;
        int mask = (int) (code - (offset == 0 ? BandCodes.BIDDERS : BandCodes.AUCTIONS));
        for (int f = 0; f < BandCodes.FILTERS; f++) {
            if ((mask & (1 << f)) != 0) {
                distinct[offset + f] = Math.addExact(distinct[offset + f], weight);
            }
        }
    }

    /** True when every count is zero (no bid and no distinct member left). */
    boolean isEmpty() {
        if (total != 0) {
            return false;
        }
        for (int band = 1; band < banded.length; band++) {
            if (banded[band] != 0) {
                return false;
            }
        }
        for (long d : distinct) {
            if (d != 0) {
                return false;
            }
        }
        return true;
    }

    /** The twelve measures as they are now. */
    Measures measures() {
        int a = BandCodes.FILTERS;
        return new Measures(total, banded[1], banded[2], banded[3], distinct[0], distinct[1], distinct[2], distinct[3],
                distinct[a], distinct[a + 1], distinct[a + 2], distinct[a + 3]);
    }

    /** Writes the state to a checkpoint (see {@link org.jdbsp.operators.aggregate.IncrementalAggregator#writeState}). */
    void write(StateWriter out) {
        out.writeLong(total);
        for (int band = 1; band < banded.length; band++) {
            out.writeLong(banded[band]);
        }
        for (long d : distinct) {
            out.writeLong(d);
        }
    }

    /** A state holding what {@link #write} saved. */
    static BidBands read(StateReader in) {
        long total = in.readLong();
        long[] banded = new long[4];
        for (int band = 1; band < banded.length; band++) {
            banded[band] = in.readLong();
        }
        long[] distinct = new long[2 * BandCodes.FILTERS];
        for (int f = 0; f < distinct.length; f++) {
            distinct[f] = in.readLong();
        }
        return new BidBands(total, banded, distinct);
    }

    BidBands copy() {
        return new BidBands(total, banded.clone(), distinct.clone());
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
