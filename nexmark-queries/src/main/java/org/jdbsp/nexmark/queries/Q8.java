package org.jdbsp.nexmark.queries;

import java.util.List;

import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Person;
import org.jdbsp.operators.join.Joins;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.time.Watermarks;
import org.jdbsp.operators.window.TimeWindows;
import org.jdbsp.operators.window.WindowResult;
import org.jdbsp.operators.window.WindowedAggregates;
import org.jdbsp.operators.window.Windows;

/**
 * q8, monitor new users: the persons who opened an auction in the 10 s tumbling window in which they
 * registered.
 *
 * <pre>{@code
 * SELECT P.id, P.name, P.starttime
 * FROM (
 *   SELECT id, name, window_start AS starttime, window_end AS endtime
 *   FROM TABLE(TUMBLE(TABLE person, DESCRIPTOR(dateTime), INTERVAL '10' SECOND))
 *   GROUP BY id, name, window_start, window_end
 * ) P
 * JOIN (
 *   SELECT seller, window_start AS starttime, window_end AS endtime
 *   FROM TABLE(TUMBLE(TABLE auction, DESCRIPTOR(dateTime), INTERVAL '10' SECOND))
 *   GROUP BY seller, window_start, window_end
 * ) A
 * ON P.id = A.seller AND P.starttime = A.starttime AND P.endtime = A.endtime;
 * }</pre>
 *
 * Output columns: id, name, starttime (the window start, epoch ms). One row per distinct (id, name, window)
 * with at least one auction of that seller in that window.
 *
 * <p>Both GROUP BYs are windowed aggregates whose rows are final: emitted in the step in which the watermark
 * reaches the window's end, with persons or auctions later than the watermark dropped (as Flink's window
 * aggregates drop late rows). Both read the same watermark, so the two sides of a window arrive in the
 * same step, and the join keys them by {@code window start + floorMod(id, 10 s)}: a long that names the
 * window and spreads its ids over 10,000 buckets (the predicate {@code id = seller} settles bucket
 * collisions), and that orders like time, so the join forgets a window's rows once the watermark passes
 * its end and its state stays bounded.
 */
public final class Q8 implements NexmarkQuery<Q8.Row> {
    /** Creates the query. */
    public Q8() {}

    /** The windows: tumbling, 10 s. */
    public static final TimeWindows WINDOWS = Windows.tumbling(10_000);

    /** A row of q8's result, ordered by its columns. */
    public record Row(long id, String name, long starttime) implements ResultRow, Comparable<Row> {
        @Override
        public Object[] columnValues() {
            return new Object[] {id, name, starttime};
        }

        @Override
        public int compareTo(Row o) {
            int c = Long.compare(starttime, o.starttime);
            c = c != 0 ? c : Long.compare(id, o.id);
            return c != 0 ? c : name.compareTo(o.name);
        }
    }

    /** The group of a person: its id and name. */
    record IdName(long id, String name) {}

    /** The join key of {@code id} in the window starting at {@code start}: inside the window, by id. */
    static long joinKey(long start, long id) {
        return start + Math.floorMod(id, WINDOWS.size());
    }

    /** q8 over streams of persons and auctions, with windows closed by {@code watermark}. */
    public static ZSetStream<Row> query(ZSetStream<Person> persons, ZSetStream<Auction> auctions, Watermark watermark) {
        ZSetStream<WindowResult<IdName, Long>> newPersons = WindowedAggregates.count(persons,
                p -> new IdName(p.id(), p.name()), Person::dateTime, WINDOWS, watermark).stream();
        ZSetStream<WindowResult<Long, Long>> sellers =
                WindowedAggregates.count(auctions, Auction::seller, Auction::dateTime, WINDOWS, watermark).stream();
        IndexedZSetStream<Long, Row> personsByKey = newPersons.indexByLong(r -> joinKey(r.start(), r.key().id()),
                r -> new Row(r.key().id(), r.key().name(), r.start()));
        IndexedZSetStream<Long, Long> sellersByKey = sellers.indexLongToLong(r -> joinKey(r.start(), r.key()), WindowResult::key);
        // keys lie in [start, end): once the watermark passes a window's end (the step that emits both
        // sides), its keys are below it and no later row can meet them
        Watermarks.forgetKeysBelow(personsByKey, watermark, 0);
        Watermarks.forgetKeysBelow(sellersByKey, watermark, 0);
        return Joins.joinWhere(personsByKey, sellersByKey, (Row p, Long seller) -> p.id() == seller, (Row p, Long seller) -> p);
    }

    @Override
    public String name() {
        return "q8";
    }

    @Override
    public List<String> columns() {
        return List.of("id", "name", "starttime");
    }

    @Override
    public ZSetStream<Row> build(NexmarkStreams in) {
        return query(in.persons(), in.auctions(), in.watermark());
    }
}
