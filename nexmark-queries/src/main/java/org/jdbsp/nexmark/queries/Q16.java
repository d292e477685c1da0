package org.jdbsp.nexmark.queries;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.operators.aggregate.Aggregates;
import org.jdbsp.operators.aggregate.FilteredDistinct;
import org.jdbsp.operators.aggregate.IncrementalAggregator;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * q16, channel statistics per day: q15's measures per (channel, day), plus the latest minute seen.
 *
 * <pre>{@code
 * SELECT
 *     channel,
 *     DATE_FORMAT(dateTime, 'yyyy-MM-dd') as `day`,
 *     max(DATE_FORMAT(dateTime, 'HH:mm')) as `minute`,
 *     count(*) AS total_bids,
 *     count(*) filter (where price < 10000) AS rank1_bids,
 *     count(*) filter (where price >= 10000 and price < 1000000) AS rank2_bids,
 *     count(*) filter (where price >= 1000000) AS rank3_bids,
 *     count(distinct bidder) AS total_bidders,
 *     count(distinct bidder) filter (where price < 10000) AS rank1_bidders,
 *     count(distinct bidder) filter (where price >= 10000 and price < 1000000) AS rank2_bidders,
 *     count(distinct bidder) filter (where price >= 1000000) AS rank3_bidders,
 *     count(distinct auction) AS total_auctions,
 *     count(distinct auction) filter (where price < 10000) AS rank1_auctions,
 *     count(distinct auction) filter (where price >= 10000 and price < 1000000) AS rank2_auctions,
 *     count(distinct auction) filter (where price >= 1000000) AS rank3_auctions
 * FROM bid
 * GROUP BY channel, DATE_FORMAT(dateTime, 'yyyy-MM-dd');
 * }</pre>
 *
 * Output columns: channel, day ({@code yyyy-MM-dd}, UTC), minute ({@code HH:mm}, UTC: the greatest of the
 * group, and zero-padded text orders like the minute of the day), then q15's twelve measures. An update
 * stream. The distinct bidders and auctions of each group live in a trace ({@link DistinctBands}: they grow with
 * the events and spill to files with storage on); each group keeps only counters ({@link BidBands}) and the
 * minutes of the day it has bids in (at most 1,440, so that the maximum survives deletions), updated by one
 * {@linkplain BandCodes code} per bid and one per change of a member's filters.
 */
public final class Q16 implements NexmarkQuery<Q16.Row> {
    /** Creates the query. */
    public Q16() {}

    /** A row of q16's result. */
    public record Row(String channel, String day, String minute, long totalBids, long rank1Bids, long rank2Bids,
                      long rank3Bids, long totalBidders, long rank1Bidders, long rank2Bidders, long rank3Bidders,
                      long totalAuctions, long rank1Auctions, long rank2Auctions, long rank3Auctions) implements ResultRow {
        static Row of(ChannelDay key, Stats s) {
            BidBands.Measures m = s.measures();
            return new Row(key.channel(), BidBands.dayText(key.day()), Q10.hm(s.maxMinute() * MS_PER_MINUTE),
                    m.totalBids(), m.rank1Bids(), m.rank2Bids(), m.rank3Bids(), m.totalBidders(), m.rank1Bidders(),
                    m.rank2Bidders(), m.rank3Bidders(), m.totalAuctions(), m.rank1Auctions(), m.rank2Auctions(),
                    m.rank3Auctions());
        }

        @Override
        public Object[] columnValues() {
            return new Object[] {channel, day, minute, totalBids, rank1Bids, rank2Bids, rank3Bids, totalBidders,
                rank1Bidders, rank2Bidders, rank3Bidders, totalAuctions, rank1Auctions, rank2Auctions, rank3Auctions};
        }
    }

    private static final long MS_PER_MINUTE = 60_000L;

    /**
     * A cheap total order of rows (the output changes of a step touch thousands of channels): by the
     * channel's hash code as the order's long prefix, then every column.
     */
    static final Comparator<Row> ROW_ORDER = Orders.byLong((Row r) -> r.channel().hashCode(), Comparator.comparing(Row::channel).thenComparing(Row::day)
            .thenComparing(Row::minute).thenComparingLong(Row::totalBids).thenComparingLong(Row::rank1Bids)
            .thenComparingLong(Row::rank2Bids).thenComparingLong(Row::rank3Bids).thenComparingLong(Row::totalBidders)
            .thenComparingLong(Row::rank1Bidders).thenComparingLong(Row::rank2Bidders)
            .thenComparingLong(Row::rank3Bidders).thenComparingLong(Row::totalAuctions)
            .thenComparingLong(Row::rank1Auctions).thenComparingLong(Row::rank2Auctions)
            .thenComparingLong(Row::rank3Auctions));

    /**
     * The order of the group keys: by day and the channel's hash code as the long prefix, then by
     * {@link ChannelDay#compareTo}; a step's bids fall into thousands of groups, sorted by primitives first.
     */
    private static final Comparator<ChannelDay> KEY_ORDER = Orders.byLong(ChannelDay::prefix, ChannelDay::compareTo);

    /**
     * The group key: a channel and a UTC day number, with its order's long prefix ({@code day << 32} xor the channel's
     * hash code), computed once so that comparing keys reads a field instead of reaching the channel's string.
     */
    record ChannelDay(String channel, long day, long prefix) implements Comparable<ChannelDay> {
        /** Checks that {@code prefix} is the one of (channel, day): the order relies on it. */
        ChannelDay {
            if (prefix != prefixOf(channel, day)) {
                throw new IllegalArgumentException("the prefix of (" + channel + ", " + day + ") is " + prefixOf(channel, day)
                        + ", not " + prefix);
            }
        }

        ChannelDay(String channel, long day) {
            this(channel, day, prefixOf(channel, day));
        }

        private static long prefixOf(String channel, long day) {
            return (day << 32) ^ (channel.hashCode() & 0xFFFF_FFFFL);
        }

        @Override
        public int compareTo(ChannelDay o) {
            int c = Long.compare(day, o.day);
            return c != 0 || channel == o.channel ? c : channel.compareTo(o.channel);
        }
    }

    /** A group's result: the measures and the greatest minute of the day. */
    record Stats(BidBands.Measures measures, long maxMinute) {}

    /** A group's state: q15's counters and the multiset of minutes of the day. */
    private record State(BidBands bands, FilteredDistinct minutes) {}

    /** Keeps a (channel, day)'s {@link State}, fed with {@link BandCodes}. */
    private static final class ChannelAggregator implements IncrementalAggregator<Long, State, Stats> {
        @Override
        public State newState() {
            return new State(new BidBands(), new FilteredDistinct(1));
        }

        @Override
        public void add(State state, Long code, long weight) {
            long c = code;
            state.bands().add(c, weight);
            if (BandCodes.isBid(c)) {
                state.minutes().add(BandCodes.minute(c), 1, weight);
            }
        }

        @Override
        public boolean isEmpty(State state) {
            return state.bands().isEmpty() && state.minutes().isEmpty();
        }

        @Override
        public Stats result(State state) {
            return new Stats(state.bands().measures(), state.minutes().max(0));
        }

        @Override
        public State copy(State state) {
            return new State(state.bands().copy(), state.minutes().copy());
        }

        @Override
        public void writeState(State state, StateWriter out) {
            state.bands().write(out);
            state.minutes().write(out);
        }

        @Override
        public State readState(StateReader in) {
            BidBands bands = BidBands.read(in);
            return new State(bands, FilteredDistinct.read(in));
        }
    }

    /** The layout of the codes by group. */
    private static final Layout GROUP_CODES = Layout.indexed(ColumnKind.OBJECT, KEY_ORDER, ColumnKind.OBJECT, Orders.natural());

    /** The bid code of each bid by (channel, day), counted within the batch ({@link GroupCodeCounts}). Stateless. */
    private static final class BidCodes extends StatelessStep {
        @Override
        public Batch apply(Batch in) {
            GroupCodeCounts counts = new GroupCodeCounts(in.size);
            for (int i = 0; i < in.size; i++) {
                Bid b = (Bid) in.objKeys[i];
                int minute = (int) (Math.floorMod(b.dateTime(), BidBands.MS_PER_DAY) / MS_PER_MINUTE);
                counts.add(b.channel(), BidBands.day(b.dateTime()), BandCodes.bidCode(BidBands.band(b.price()), minute), in.weights[i]);
            }
            BatchBuilder out = new BatchBuilder(GROUP_CODES, counts.size());
            counts.addTo(out);
            return out.build();
        }
    }

    /** q16 over a stream of bids. */
    public static ZSetStream<Row> query(ZSetStream<Bid> bids) {
        IndexedZSetStream<ChannelDay, Long> codes = bids.<ChannelDay, Long>applyIndexed("bid codes", new BidCodes(), GROUP_CODES)
                .plus(DistinctBands.masks(bids, GROUP_CODES));
        return Aggregates.incremental(codes, new ChannelAggregator(), Orders.natural())
                .map(Row::of, ROW_ORDER);
    }

    @Override
    public String name() {
        return "q16";
    }

    @Override
    public List<String> columns() {
        List<String> columns = new ArrayList<>(List.of("channel", "day", "minute"));
        columns.addAll(BidBands.Measures.COLUMNS);
        return List.copyOf(columns);
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return query(in.bids());
    }
}
