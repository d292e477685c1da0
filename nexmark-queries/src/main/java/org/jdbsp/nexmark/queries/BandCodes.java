package org.jdbsp.nexmark.queries;

/**
 * The small numbers q15 and q16 feed their per-group counters with, as shared {@link Long} constants (no boxing
 * per tuple). Two kinds of code:
 *
 * <ul>
 *   <li>a <b>bid code</b> {@code 4 * minute + band} (0 to {@link #BID_CODES} - 1): one bid of price band
 *       {@code band} (1 to 3) in minute {@code minute} of its day (0 to 1439; q15 uses minute 0);</li>
 *   <li>a <b>mask code</b> {@code base + mask} with base {@link #BIDDERS} or {@link #AUCTIONS}: one distinct
 *       bidder (auction) of a group, in every filter whose bit is set in {@code mask} (bit 0: all bids, bit
 *       {@code n}: band {@code n}).</li>
 * </ul>
 */
final class BandCodes {
    /** Minutes in a day. */
    static final int MINUTES_PER_DAY = 1440;
    /** The number of bid codes. */
    static final int BID_CODES = 4 * MINUTES_PER_DAY;
    /** The filters of a mask: all bids and the three bands. */
    static final int FILTERS = 4;
    /** The base of the mask codes of distinct bidders. */
    static final int BIDDERS = BID_CODES;
    /** The base of the mask codes of distinct auctions. */
    static final int AUCTIONS = BIDDERS + (1 << FILTERS);

    private static final Long[] CODES = new Long[AUCTIONS + (1 << FILTERS)];

    static {
        for (int c = 0; c < CODES.length; c++) {
            CODES[c] = (long) c;
        }
    }

    private BandCodes() {}

    /** The code of a bid of {@code band} in minute {@code minute} of its day. */
    static Long bid(int band, int minute) {
        return CODES[bidCode(band, minute)];
    }

    /** {@link #bid} as an int. */
    static int bidCode(int band, int minute) {
        return 4 * minute + band;
    }

    /** Code {@code code} (a bid or mask code) as a shared {@link Long}. */
    static Long code(int code) {
        return CODES[code];
    }

    /** The code of a distinct member ({@code base} {@link #BIDDERS} or {@link #AUCTIONS}) in the filters of {@code mask}. */
    static Long mask(int base, int mask) {
        return CODES[base + mask];
    }

    /** The band (1 to 3) of a price as a shared {@link Long}: the value a (group, member) trace stores per bid. */
    static Long band(long price) {
        return CODES[BidBands.band(price)];
    }

    /** True for a bid code. */
    static boolean isBid(long code) {
        return code < BID_CODES;
    }

    /** The minute of the day of a bid code. */
    static int minute(long code) {
        return (int) (code >>> 2);
    }

    /** The band of a bid code. */
    static int bandOf(long code) {
        return (int) (code & 3);
    }
}
