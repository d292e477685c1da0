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
 * (with the bid's price band), keyed by a 64-bit {@linkplain #key hash} of the member; {@link MemberMasks} reads
 * the trace of these keys (which spills to files with storage on) and emits, for every member a step touches, the
 * set of filters it is in (all bids, and the bands it has a bid of) as a {@linkplain BandCodes mask code} keyed by
 * its (channel, day), retracting the old one. With one bid code per bid, these codes feed the per-group counters
 * ({@link BidBands}): their state is a few counters per group, whatever the number of distinct members.
 *
 * <p>The primitive keys sort, seek and merge as longs instead of records. The hash is not the member's identity:
 * the member itself is the value, so two members of one key (a hash collision, which never happens between two
 * members of one (channel, day), only across channels or days) stay apart.
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

    /**
     * The key of a member: a mix of its channel's hash code, day, kind and id. For one channel hash code and day, it is
     * a bijection of {@code (id << 1 | kind)}, so the bidders and auctions of one (channel, day) never share a key.
     */
    static long key(String channel, long day, int kind, long id) {
        long h = mix((channel.hashCode() & 0xFFFF_FFFFL) ^ 0x5851_F42D_4C95_7F2DL);
        h = mix(h ^ day);
        return mix(h ^ (id << 1 | kind));
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
