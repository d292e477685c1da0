package org.jdbsp.nexmark.queries;

import java.util.List;

import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.time.Watermarks;
import org.jdbsp.operators.window.TimeWindows;
import org.jdbsp.operators.window.WindowedAggregates;
import org.jdbsp.operators.window.Windows;

/**
 * q12, processing-time windows: how many bids each bidder made in each 10 s tumbling window of processing
 * time.
 *
 * <pre>{@code
 * CREATE VIEW B AS SELECT *, PROCTIME() AS p_time FROM bid;
 *
 * SELECT bidder, count(*) AS bid_count, window_start AS starttime, window_end AS endtime
 * FROM TABLE(TUMBLE(TABLE B, DESCRIPTOR(p_time), INTERVAL '10' SECOND))
 * GROUP BY bidder, window_start, window_end;
 * }</pre>
 *
 * Output columns: bidder, bid_count, starttime, endtime (processing-time window bounds, epoch ms): the
 * columns of q11, so its row type is {@link Q11.Row}.
 *
 * <p>Semantics chosen. {@code PROCTIME()} of a bid is the processing time of the step that carries it: the
 * reading of the {@link QueryOptions#processingClock() processing clock} taken once, before the step, by
 * {@link QueryCircuit#step()} (see {@link NexmarkStreams#processingTime()}); a reading below an earlier one
 * counts as the earlier one, so time never goes back. Windows are epoch-aligned and a window's rows are
 * emitted, final, in the first step whose reading reaches the window's end, or at the end of input. So the
 * result is a function of the events, how they are split into steps and the sequence of readings only: it
 * does not depend on when within a step a worker handles a bid, nor on the number of workers. A deletion
 * is stamped with the time of its own step, so it cancels its insertion only within the same window (Flink's
 * processing-time window aggregate does not accept deletions at all). State: the counts of the one or two
 * windows still open.
 */
public final class Q12 implements NexmarkQuery<Q11.Row> {
    /** Creates the query. */
    public Q12() {}

    /** The windows: tumbling, 10 s of processing time. */
    public static final TimeWindows WINDOWS = Windows.tumbling(10_000);

    /** q12 over a stream of bids, with {@code processingTime} the time of each step (a watermark over clock readings). */
    public static ZSetStream<Q11.Row> query(ZSetStream<Bid> bids, Watermark processingTime) {
        ZSetStream<Q11.BidderTime> stamped = Watermarks.stamp(bids, processingTime,
                (Bid b, long now) -> new Q11.BidderTime(b.bidder(), now));
        return WindowedAggregates.count(stamped, Q11.BidderTime::bidder, Q11.BidderTime::time, WINDOWS, processingTime)
                .stream()
                .map(r -> new Q11.Row(r.key(), r.value(), r.start(), r.end()));
    }

    @Override
    public String name() {
        return "q12";
    }

    @Override
    public List<String> columns() {
        return List.of("bidder", "bid_count", "starttime", "endtime");
    }

    @Override
    public ZSetStream<Q11.Row> build(NexmarkStreams in) {
        return query(in.bids(), in.processingTime());
    }
}
