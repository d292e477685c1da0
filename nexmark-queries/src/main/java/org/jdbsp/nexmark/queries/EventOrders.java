package org.jdbsp.nexmark.queries;

import java.util.Comparator;

import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Person;
import org.jdbsp.zset.Orders;

/**
 * Cheap total orders of the event records, consistent with {@code equals} (every field is compared), for
 * indexing streams and for the deterministic tie-breaks the queries document: comparing fields directly
 * is much faster than the generic record order (hash codes, then components by reflection).
 */
final class EventOrders {
    private EventOrders() {}

    /** The bid fields not yet compared by a query's own order: bidder, channel, url, extra, auction, price, dateTime. */
    static final Comparator<Bid> BID_REST = (a, b) -> {
        int c = Long.compare(a.bidder(), b.bidder());
        if (c == 0) {
            c = a.channel().compareTo(b.channel());
        }
        if (c == 0) {
            c = a.url().compareTo(b.url());
        }
        if (c == 0) {
            c = a.extra().compareTo(b.extra());
        }
        if (c == 0) {
            c = Long.compare(a.auction(), b.auction());
        }
        if (c == 0) {
            c = Long.compare(a.price(), b.price());
        }
        return c != 0 ? c : Long.compare(a.dateTime(), b.dateTime());
    };

    /**
     * Bids by their long fields (auction, bidder, price, dateTime), then channel, url, extra; the auction is
     * the order's long prefix ({@link Orders#byLong}), so sorting compares bids only within an auction.
     */
    static final Comparator<Bid> BID = Orders.byLong(Bid::auction, (Bid a, Bid b) -> {
        int c = Long.compare(a.bidder(), b.bidder());
        if (c == 0) {
            c = Long.compare(a.price(), b.price());
        }
        if (c == 0) {
            c = Long.compare(a.dateTime(), b.dateTime());
        }
        if (c == 0) {
            c = a.channel().compareTo(b.channel());
        }
        if (c == 0) {
            c = a.url().compareTo(b.url());
        }
        return c != 0 ? c : a.extra().compareTo(b.extra());
    });

    /**
     * Bids by price descending, then dateTime ascending, then bidder, channel, url, extra ascending (the
     * "best bid first" order of q9 and q19; the last four fields only make the order total).
     */
    static final Comparator<Bid> BEST_BID_FIRST = Orders.byLong(EventOrders::priceDescending, (Bid a, Bid b) -> {
        int c = Long.compare(a.dateTime(), b.dateTime());
        return c != 0 ? c : BID_REST.compare(a, b);
    });

    /** A long that orders bids by price descending: bitwise NOT reverses the signed order without overflow. */
    static long priceDescending(Bid b) {
        return ~b.price();
    }

    /** Auctions by id (the order's long prefix), then every other field. */
    static final Comparator<Auction> AUCTION = Orders.byLong(Auction::id, (Auction a, Auction b) -> {
        int c = Long.compare(a.dateTime(), b.dateTime());
        if (c == 0) {
            c = Long.compare(a.expires(), b.expires());
        }
        if (c == 0) {
            c = Long.compare(a.seller(), b.seller());
        }
        if (c == 0) {
            c = Long.compare(a.category(), b.category());
        }
        if (c == 0) {
            c = Long.compare(a.initialBid(), b.initialBid());
        }
        if (c == 0) {
            c = Long.compare(a.reserve(), b.reserve());
        }
        if (c == 0) {
            c = a.itemName().compareTo(b.itemName());
        }
        if (c == 0) {
            c = a.description().compareTo(b.description());
        }
        return c != 0 ? c : a.extra().compareTo(b.extra());
    });

    /**
     * The order of the bids' stream (the split input's part, sorted each step and merged where the stream is
     * sharded): a mix of auction, bidder, dateTime and price as the long prefix ({@link Orders#byLong}), ties broken by
     * {@code then}, which must order bids totally (the stream gives {@link #BID}). The natural order of the
     * record compared bids by hash code, which hashes channel, url and extra; the mix leaves few ties even
     * among the bids of a hot auction.
     */
    static Comparator<Bid> bidStreamOrder(Comparator<? super Bid> then) {
        return Orders.byLong((Bid b) -> mix(b.auction(), b.bidder(), b.dateTime(), b.price()), then);
    }

    /**
     * A mix of four longs for the long prefix of an order ({@link Orders#byLong}): rows that differ in any of
     * them rarely share it, so a sort compares few rows field by field. Not a hash for sharding.
     */
    static long mix(long a, long b, long c, long d) {
        return ((a * 0x9E37_79B9_7F4A_7C15L + b) * 0xC2B2_AE3D_27D4_EB4FL + c) * 0x1656_67B1_9E37_79F9L + d;
    }

    /**
     * 32 bits of {@link #mix}, for the long prefix of a result row's order: a step's rows (tens of thousands)
     * rarely share it, and the radix sort of a step's rows, which skips the bits the prefixes share, makes 3
     * passes over 32 bits where it made 6 over a full mix's 64. The mix is multiplied once more before its high
     * half is taken, so that its last long, which reaches only the low bits of the mix, counts too.
     */
    static long rowPrefix(long a, long b, long c, long d) {
        return (mix(a, b, c, d) * 0xBF58_476D_1CE4_E5B9L) >>> 32;
    }

    /** The first of the three comparisons ({@code x1} with {@code x2}, then the y's, then the z's) that is not 0. */
    static int compareLongs(long x1, long x2, long y1, long y2, long z1, long z2) {
        int c = Long.compare(x1, x2);
        if (c == 0) {
            c = Long.compare(y1, y2);
        }
        return c != 0 ? c : Long.compare(z1, z2);
    }

    /** Strings in their natural order, null first (nullable result columns). */
    static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    /** The order of the bids' stream: {@link #bidStreamOrder} broken by {@link #BID}. */
    static final Comparator<Bid> BID_STREAM = bidStreamOrder(BID);

    /** Persons by id (the order's long prefix), then every other field. */
    static final Comparator<Person> PERSON = Orders.byLong(Person::id, (Person a, Person b) -> {
        int c = Long.compare(a.dateTime(), b.dateTime());
        if (c == 0) {
            c = a.name().compareTo(b.name());
        }
        if (c == 0) {
            c = a.emailAddress().compareTo(b.emailAddress());
        }
        if (c == 0) {
            c = a.creditCard().compareTo(b.creditCard());
        }
        if (c == 0) {
            c = a.city().compareTo(b.city());
        }
        if (c == 0) {
            c = a.state().compareTo(b.state());
        }
        return c != 0 ? c : a.extra().compareTo(b.extra());
    });
}
