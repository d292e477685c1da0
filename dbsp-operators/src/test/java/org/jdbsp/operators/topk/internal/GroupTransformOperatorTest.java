package org.jdbsp.operators.topk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;

/**
 * The group transform hands a touched group's rows over in row order (a comparator, ties in value order; or
 * the value order itself) with their weights before and after the step, skips rows positive neither before
 * nor after, and stops reading a group when told.
 */
class GroupTransformOperatorTest {
    /** Records "key: value old new" for every row it is handed; stops after {@code limit} rows of a group. */
    private static final class Recorder extends GroupTransformOperator {
        final List<String> rows = new ArrayList<>();
        final int limit;
        long key;
        int seen;

        Recorder(IntegralTrace input, Comparator<Object> order, int limit) {
            super(input, order, Layout.longToLongs());
            this.limit = limit;
        }

        @Override
        protected void startGroup(Batch keys, int k) {
            key = keys.longKeys[k];
            seen = 0;
        }

        @Override
        protected boolean row(BatchBuilder result, Batch batch, int index, long oldWeight, long newWeight) {
            assertEquals(key, batch.longKeys[index], "the row's batch holds its key");
            rows.add(key + ": " + batch.longValues[index] + " " + oldWeight + " " + newWeight);
            return ++seen < limit;
        }

        @Override
        public Operator fork(ForkContext context) {
            throw new UnsupportedOperationException();
        }
    }

    private static Batch batch(long[]... tuples) {
        BatchBuilder b = new BatchBuilder(Layout.longToLongs());
        for (long[] t : tuples) {
            b.addLongLong(t[0], t[1], t[2]);
        }
        return b.build();
    }

    private static IntegralTrace integral() {
        IntegralTrace trace = new IntegralTrace(Layout.longToLongs());
        trace.input(batch(new long[] {1, 10, 1}, new long[] {1, 21, 2}, new long[] {1, 30, 1}, new long[] {1, 40, -1},
                new long[] {2, 5, 1}, new long[] {3, 7, 1}));
        return trace;
    }

    private static final Batch CHANGE = batch(new long[] {1, 11, 1}, new long[] {1, 21, -2}, new long[] {1, 40, 1},
            new long[] {3, 8, 1});

    @Test
    void streamsTheGroupInValueOrder() {
        Recorder r = new Recorder(integral(), null, Integer.MAX_VALUE);
        r.apply(CHANGE);
        assertEquals(List.of("1: 10 1 1", "1: 11 0 1", "1: 21 2 0", "1: 30 1 1", "3: 7 1 1", "3: 8 0 1"), r.rows,
                "value 40 is positive neither before (-1) nor after (0); key 2 is not touched");
    }

    @Test
    void sortsTheGroupByTheComparatorTiesInValueOrder() {
        Comparator<Object> byTens = (a, b) -> Long.compare((Long) b / 10, (Long) a / 10); // tens descending
        Recorder r = new Recorder(integral(), byTens, Integer.MAX_VALUE);
        r.apply(CHANGE);
        assertEquals(List.of("1: 30 1 1", "1: 21 2 0", "1: 10 1 1", "1: 11 0 1", "3: 7 1 1", "3: 8 0 1"), r.rows);
    }

    @Test
    void stopsReadingAGroupWhenTold() {
        for (Comparator<Object> order : java.util.Arrays.<Comparator<Object>>asList(null, (a, b) -> Long.compare((Long) a, (Long) b))) {
            Recorder r = new Recorder(integral(), order, 2);
            r.apply(CHANGE);
            assertEquals(List.of("1: 10 1 1", "1: 11 0 1", "3: 7 1 1", "3: 8 0 1"), r.rows, "order " + order);
        }
    }
}
