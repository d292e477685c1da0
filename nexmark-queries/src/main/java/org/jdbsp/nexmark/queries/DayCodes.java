package org.jdbsp.nexmark.queries;

import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.operators.aggregate.Aggregates;
import org.jdbsp.operators.aggregate.Aggregator;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * q15's {@linkplain BandCodes codes} by day: the bid codes of each batch counted per (day, band), and the mask codes
 * of the distinct bidders and auctions per day, kept in one trace of primitive longs: the {@link DistinctBands} scheme
 * with each (day, bidder) and (day, auction) packed into one long key {@code day << 44 | kind << 43 | id}
 * (kind 0: bidder, 1: auction) and the bid's price band as a long value. One index and one group aggregate
 * serve both kinds, and the keys sort, seek and merge as primitives instead of records.
 *
 * <p>The packing holds days 0 to 2^20 - 1 (1970 to the year 4840) and ids 0 to 2^43 - 1; a bid outside these
 * ranges fails the step with an {@link IllegalArgumentException} naming the bid.
 */
final class DayCodes {
    /** Bits of the id in a packed key. */
    static final int ID_BITS = 43;
    /** Bits of the day in a packed key. */
    static final int DAY_BITS = 20;
    private static final int DAY_SHIFT = ID_BITS + 1;
    private static final long ID_MASK = (1L << ID_BITS) - 1;
    private static final Long[] MASKS = new Long[1 << BandCodes.FILTERS];

    static {
        for (int m = 0; m < MASKS.length; m++) {
            MASKS[m] = (long) m;
        }
    }

    private DayCodes() {}

    /** The packed key of member {@code id} of kind {@code kind} (0 bidder, 1 auction) on {@code day}. */
    static long key(long day, int kind, long id, Bid bid) {
        if ((day >>> DAY_BITS) != 0 || (id >>> ID_BITS) != 0) {
            throw new IllegalArgumentException("q15 holds days 0 to " + ((1L << DAY_BITS) - 1) + " (UTC, from 1970-01-01) and"
                    + " bidder and auction ids 0 to " + ID_MASK + "; this bid is outside: " + bid);
        }
        return day << DAY_SHIFT | (long) kind << ID_BITS | id;
    }

    /** The day of a packed key. */
    static long day(long key) {
        return key >>> DAY_SHIFT;
    }

    /** The mask code base ({@link BandCodes#BIDDERS} or {@link BandCodes#AUCTIONS}) of a packed key's kind. */
    static int base(long key) {
        return ((key >>> ID_BITS) & 1) == 0 ? BandCodes.BIDDERS : BandCodes.AUCTIONS;
    }

    /** The codes of {@code bids} by day: bid codes, and the mask codes of the distinct bidders and auctions. */
    static IndexedZSetStream<Long, Long> codes(ZSetStream<Bid> bids) {
        return bids.<Long, Long>applyIndexed("bid codes", new BidCounts(), Regroup.OUT).plus(members(bids));
    }

    /** The mask codes of the distinct bidders and auctions of each day, keyed by day. */
    private static IndexedZSetStream<Long, Long> members(ZSetStream<Bid> bids) {
        IndexedZSetStream<Long, Long> bands = bids.<Long, Long>applyIndexed("index", new MemberIndex(), Layout.longToLongs())
                .named("q15 bands of (day, bidder or auction)");
        IndexedZSetStream<Long, Long> masks = Aggregates.aggregate(bands, new FilterMask(), Orders.natural());
        return masks.applyIndexed("regroup", new Regroup(), Regroup.OUT);
    }

    /**
     * The bid code of each bid, counted per (day, band) within the batch: a few tuples per batch instead of one per
     * bid to sort. Bids of one day come in runs, so a day's three counters are flushed when the day changes.
     * Stateless.
     */
    private static final class BidCounts extends StatelessStep {
        @Override
        public Batch apply(Batch in) {
            BatchBuilder out = new BatchBuilder(Regroup.OUT, 8);
            long[] counts = new long[BandCodes.FILTERS];
            long day = 0;
            for (int i = 0; i < in.size; i++) {
                Bid b = (Bid) in.objKeys[i];
                long d = BidBands.day(b.dateTime());
                if (d != day) {
                    flush(out, day, counts);
                    day = d;
                }
                int band = BidBands.band(b.price());
                counts[band] = Math.addExact(counts[band], in.weights[i]);
            }
            flush(out, day, counts);
            return out.build();
        }

        private static void flush(BatchBuilder out, long day, long[] counts) {
            for (int band = 1; band < counts.length; band++) {
                if (counts[band] != 0) {
                    out.addLong(day, BandCodes.bid(band, 0), counts[band]);
                    counts[band] = 0;
                }
            }
        }
    }

    /** Two tuples per bid: (packed (day, bidder), band) and (packed (day, auction), band). Stateless. */
    private static final class MemberIndex extends StatelessStep {
        @Override
        public Batch apply(Batch in) {
            BatchBuilder out = new BatchBuilder(Layout.longToLongs(), 2 * in.size);
            for (int i = 0; i < in.size; i++) {
                Bid b = (Bid) in.objKeys[i];
                long day = BidBands.day(b.dateTime());
                long band = BidBands.band(b.price());
                long w = in.weights[i];
                out.addLongLong(key(day, 0, b.bidder(), b), band, w);
                out.addLongLong(key(day, 1, b.auction(), b), band, w);
            }
            return out.build();
        }
    }

    /** The filters (bit 0: all, bit n: band n) a member is in, from the bands of its bids, as a shared {@link Long}. */
    private static final class FilterMask implements Aggregator<Long, Long, Long> {
        @Override
        public Long zero() {
            return MASKS[0];
        }

        @Override
        public Long add(Long accumulator, Long band, long weight) {
            return MASKS[(int) (long) accumulator | 1 | (1 << band)];
        }

        @Override
        public Long result(Long accumulator) {
            return accumulator;
        }
    }

    /** Re-keys (packed member, mask) tuples by the member's day, as mask codes of its kind. Stateless. */
    private static final class Regroup extends StatelessStep {
        private static final Layout OUT = Layout.indexed(ColumnKind.LONG, null, ColumnKind.OBJECT, Orders.natural());

        @Override
        public Batch apply(Batch in) {
            BatchBuilder out = new BatchBuilder(OUT, in.size);
            for (int i = 0; i < in.size; i++) {
                long key = in.longKeys[i];
                out.addLong(day(key), BandCodes.mask(base(key), (int) (long) (Long) in.objValues[i]), in.weights[i]);
            }
            return out.build();
        }
    }
}
