package org.jdbsp.nexmark.queries;

import java.util.Comparator;

import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.Placement;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.circuit.spi.Wiring;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * q16's distinct bidders and auctions per (channel, day), in one trace, the way DBSP computes
 * {@code COUNT(DISTINCT x) FILTER (...)}: each bid adds a {@link Member} for its bidder and one for its auction
 * (with the bid's price band), keyed by a {@linkplain #key long} made of its id and a hash of its group; {@link MemberMasks} reads
 * the trace of these keys (which spills to files with storage on) and emits, for every member a step touches, the
 * set of filters it is in (all bids, and the bands it has a bid of) as a {@linkplain BandCodes mask code} keyed by
 * its (channel, day), retracting the old one. With one bid code per bid, these codes feed the per-group counters
 * ({@link BidBands}): their state is a few counters per group, whatever the number of distinct members.
 *
 * <p>The primitive keys sort, seek and merge as longs instead of records. The key is not the member's identity (the
 * channel is only hashed): the member itself is the value, so two members of one key stay apart.
 */
final class DistinctBands {
    /** The member kind of a bidder. */
    static final int BIDDER = 0;
    /** The member kind of an auction. */
    static final int AUCTION = 1;

    private DistinctBands() {}

    /**
     * A bidder ({@code kind} {@link #BIDDER}) or auction ({@link #AUCTION}) {@code id} of a (channel, day), with the
     * price band (1 to 3) of one of its bids: the value of the member trace.
     */
    record Member(String channel, long day, long kind, long id, long band) {
        /** The mask code base ({@link BandCodes#BIDDERS} or {@link BandCodes#AUCTIONS}) of the member's kind. */
        int base() {
            return kind == BIDDER ? BandCodes.BIDDERS : BandCodes.AUCTIONS;
        }

        /** True when {@code o} is the same (channel, day, kind, id), whatever the band. */
        boolean sameMember(Member o) {
            return id == o.id && kind == o.kind && day == o.day && channel.equals(o.channel);
        }
    }

    /** The members' order: by id, kind, day, channel, then band (a total order consistent with {@code equals}). */
    static final Comparator<Member> ORDER = new MemberOrder();

    /** The member trace's layout: long keys (the hash), {@link Member} values. */
    static final Layout MEMBERS = Layout.indexed(ColumnKind.LONG, null, ColumnKind.OBJECT, ORDER);

    /** Bits of the id in a member's key. */
    static final int ID_BITS = 42;
    /** Bits of the hash of (channel, day) in a member's key. */
    static final int PLACE_BITS = 21;

    /**
     * The key of a member: {@code id << 22 | kind << 21 | place}, {@code place} being 21 bits of a hash of the
     * channel's hash code and the day. Members sort by id first: Nexmark's ids grow with time and its hot bidders and
     * auctions are recent ones, so a step's keys fall close together, after most of the trace's, and seeks land near
     * each other. Members of one key (the same id and kind on two (channel, day)s whose places collide) are told apart
     * by their values; an id outside 0 to 2^42 - 1 gets a hashed key, which may meet any other key the same way.
     */
    static long key(String channel, long day, int kind, long id) {
        long place = mix((channel.hashCode() & 0xFFFF_FFFFL) ^ mix(day)) >>> (Long.SIZE - PLACE_BITS);
        if ((id >>> ID_BITS) == 0) {
            return id << (PLACE_BITS + 1) | (long) kind << PLACE_BITS | place;
        }
        return mix(mix(id) ^ kind) ^ place;
    }

    /** A bijective 64-bit finalizer (every input bit affects every output bit). */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51_AFD7_ED55_8CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CE_B9FE_1A85_EC53L;
        return z ^ (z >>> 33);
    }

    /** The mask codes of the distinct bidders and auctions of each (channel, day), in {@code groups}' layout. */
    static IndexedZSetStream<Q16.ChannelDay, Long> masks(ZSetStream<Bid> bids, Layout groups) {
        IndexedZSetStream<Long, Member> members = bids.<Long, Member>applyIndexed("index", new MemberIndex(), MEMBERS)
                .named("q16 bands of (channel, day, bidder or auction)").shard();
        // a kind without spaces, and a name: a checkpoint's fingerprint matches default names "kind#n" word by word
        IndexedZSetStream<Q16.ChannelDay, Long> masks = Wiring.addIndexedStream("masks",
                new MemberMasks(Wiring.integralTrace(members), groups), groups, Placement.ANY, members);
        return masks.named("q16 member masks");
    }

    /** Two tuples per bid: its bidder's and its auction's {@link Member}, by {@linkplain #key key}. Stateless. */
    private static final class MemberIndex extends StatelessStep {
        @Override
        public Batch apply(Batch in) {
            BatchBuilder out = new BatchBuilder(MEMBERS, 2 * in.size);
            for (int i = 0; i < in.size; i++) {
                Bid b = (Bid) in.objKeys[i];
                long day = BidBands.day(b.dateTime());
                long band = BidBands.band(b.price());
                long w = in.weights[i];
                out.addLong(key(b.channel(), day, BIDDER, b.bidder()), new Member(b.channel(), day, BIDDER, b.bidder(), band), w);
                out.addLong(key(b.channel(), day, AUCTION, b.auction()), new Member(b.channel(), day, AUCTION, b.auction(), band), w);
            }
            return out.build();
        }
    }

    /** {@link #ORDER}: primitives first, the channel (usually the same instance) last but one. */
    private static final class MemberOrder implements Comparator<Member> {
        @Override
        public int compare(Member a, Member b) {
            int c = Long.compare(a.id, b.id);
            if (c == 0) {
                c = Long.compare(a.kind, b.kind);
            }
            if (c == 0) {
                c = Long.compare(a.day, b.day);
            }
            if (c == 0 && a.channel != b.channel) {
                c = a.channel.compareTo(b.channel);
            }
            return c != 0 ? c : Long.compare(a.band, b.band);
        }
    }
}
