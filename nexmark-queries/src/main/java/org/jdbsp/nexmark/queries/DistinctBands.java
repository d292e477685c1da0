package org.jdbsp.nexmark.queries;

import java.util.Comparator;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.operators.aggregate.Aggregates;
import org.jdbsp.operators.aggregate.Aggregator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * The input of q15's and q16's per-group counters ({@link BidBands}), with the distinct sets in traces, the
 * way DBSP computes {@code COUNT(DISTINCT x) FILTER (...)}: the bids are indexed by (group, bidder) and by
 * (group, auction) with their price band as the value; a group aggregate over each of these indexed streams
 * reads its integral trace (which spills to files with storage on) and emits, for every (group, member) a step
 * touches, the set of filters the member is in (all bids, and the bands it has a bid of) as a
 * {@linkplain BandCodes mask code}, retracting the old one. Regrouped by the query's group, these codes and one
 * bid code per bid form the stream the counters are fed with: its state is a few counters per group, whatever
 * the number of distinct bidders and auctions.
 */
final class DistinctBands {
    private DistinctBands() {}

    /**
     * How a query groups its bids.
     *
     * @param <G> the group key
     * @param <M> the key of a (group, bidder or auction) pair, a record the traces can store
     */
    abstract static class Grouping<G, M> {
        /** The query's name, which names its streams. */
        final String query;
        /** A total order of the member keys, consistent with {@code equals}. */
        final Comparator<M> memberOrder;
        /** The layout of the grouped codes ({@link #groupBids}'s). */
        final Layout layout;

        Grouping(String query, Comparator<M> memberOrder, Layout layout) {
            this.query = query;
            this.memberOrder = memberOrder;
            this.layout = layout;
        }

        /** The bids indexed by their group, each with the code {@code code} gives it. */
        abstract IndexedZSetStream<G, Long> groupBids(ZSetStream<Bid> bids, Function<Bid, Long> code);

        /** The (group, member) key of a bid, the member being its bidder or auction {@code id}. */
        abstract M member(Bid bid, long id);

        /** Appends {@code (group of member, code)} with {@code weight} to {@code out}, whose layout is {@link #layout}. */
        abstract void addByGroup(BatchBuilder out, M member, Object code, long weight);
    }

    /**
     * The codes of {@code bids} by group: a bid code per bid ({@code bidCode}), and the mask codes of the distinct
     * bidders and auctions of each group.
     */
    static <G, M> IndexedZSetStream<G, Long> codes(ZSetStream<Bid> bids, Grouping<G, M> grouping,
            Function<Bid, Long> bidCode) {
        return grouping.groupBids(bids, bidCode)
                .plus(members(bids, grouping, Bid::bidder, BandCodes.BIDDERS, "bidders"))
                .plus(members(bids, grouping, Bid::auction, BandCodes.AUCTIONS, "auctions"));
    }

    private static <G, M> IndexedZSetStream<G, Long> members(ZSetStream<Bid> bids, Grouping<G, M> grouping,
            ToLongFunction<Bid> id, int base, String members) {
        IndexedZSetStream<M, Long> bands = bids.index(b -> grouping.member(b, id.applyAsLong(b)), b -> BandCodes.band(b.price()),
                grouping.memberOrder, Orders.natural()).named(grouping.query + " bands of (group, " + members + ")");
        IndexedZSetStream<M, Long> masks = Aggregates.aggregate(bands, new FilterMask(base), Orders.natural());
        return masks.applyIndexed("regroup", new Regroup<>(grouping), grouping.layout);
    }

    /**
     * The filters a member of a group is in, from the bands of its bids (each a shared {@link Long}): its mask code,
     * built without allocation.
     */
    private record FilterMask(int base) implements Aggregator<Long, Long, Long> {
        @Override
        public Long zero() {
            return BandCodes.mask(base, 0);
        }

        @Override
        public Long add(Long accumulator, Long band, long weight) {
            int mask = (int) (accumulator - base);
            return BandCodes.mask(base, mask | 1 | (1 << band));
        }

        @Override
        public Long result(Long accumulator) {
            return accumulator;
        }
    }

    /** Re-keys (member, code) tuples by the member's group. Stateless. */
    private static final class Regroup<G, M> extends StatelessStep {
        private final Grouping<G, M> grouping;

        Regroup(Grouping<G, M> grouping) {
            this.grouping = grouping;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Batch apply(Batch in) {
            BatchBuilder out = new BatchBuilder(grouping.layout, in.size);
            for (int i = 0; i < in.size; i++) {
                grouping.addByGroup(out, (M) in.objKeys[i], in.value(i), in.weights[i]);
            }
            return out.build();
        }
    }
}
