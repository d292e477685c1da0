package org.jdbsp.operators.aggregate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;

/**
 * The (window start, key) groups of fixed-size windows: the windows a watermark closes and forgets are exact ranges
 * (also at the end of time), the window cache never hands out a removed window, copies are deep, and the on-close
 * emission retracts and re-emits only the emitted rows a step changes.
 */
class WindowGroupsTest {
    private static final long SIZE = 10;

    /** One group of key 1 counting {@code weight} in the window at {@code start}. */
    private static GroupTable count(WindowGroups w, long start, long weight) {
        GroupTable groups = w.groupsAt(start, w.cachePosition(start));
        groups.addCount(groups.slotOrCreateLong(1), weight);
        return groups;
    }

    private static Set<Long> closing(WindowGroups w, long w0, long w1) {
        Set<Long> starts = new TreeSet<>();
        w.forEachClosing(w0, w1, (start, end, groups, key, slot) -> {
            assertEquals(start > Long.MAX_VALUE - SIZE ? Long.MAX_VALUE : start + SIZE, end, "a window's end, saturated");
            starts.add(start);
        });
        return starts;
    }

    @Test
    void aWatermarkClosesTheWindowsWhoseEndItPassesAndForgetsThoseItPassesByTheLateness() {
        WindowGroups w = new WindowGroups(SIZE, SIZE, null);
        for (long s = 0; s <= 30; s += 10) {
            count(w, s, 1);
        }
        w.endStep();
        assertEquals(Set.of(10L, 20L), closing(w, 10, 30), "ends in (10, 30]");
        assertEquals(Set.of(), closing(w, 30, 30), "a watermark that does not move closes nothing");
        w.forgetReachedBy(34, 5);
        assertNull(w.existing(10), "end 20 + lateness 5 <= 34");
        assertNotNull(w.existing(20), "end 30 + lateness 5 > 34");
        w.forgetReachedBy(35, 5);
        assertNull(w.existing(20));
        assertNotNull(w.existing(30));
    }

    @Test
    void theEndOfTimeClosesAndForgetsEveryWindowAlsoThoseWhoseEndSaturates() {
        WindowGroups w = new WindowGroups(SIZE, 1, null);
        long last = Long.MAX_VALUE - 3;
        count(w, last, 1);
        count(w, Long.MIN_VALUE, 1);
        w.endStep();
        assertEquals(Long.MAX_VALUE, w.end(last));
        assertEquals(Set.of(Long.MIN_VALUE, last), closing(w, Long.MIN_VALUE, Long.MAX_VALUE));
        assertEquals(Set.of(), closing(w, Long.MIN_VALUE, Long.MIN_VALUE + SIZE - 1), "not even the first window has ended");
        w.forgetReachedBy(Long.MAX_VALUE - 1, 0);
        assertNotNull(w.existing(last), "its saturated end is only reached at the end of time");
        w.forgetReachedBy(Long.MAX_VALUE, 1_000);
        assertNull(w.existing(last));
    }

    @Test
    void aWindowRemovedWithinAStepIsNotServedAgainFromTheCache() {
        WindowGroups w = new WindowGroups(SIZE, SIZE, null);
        int position = w.cachePosition(40);
        GroupTable removed = count(w, 40, 1);
        removed.removeLong(1, removed.slotOfLong(1));
        w.removeIfEmpty(40, position, removed);
        assertNull(w.existing(40));
        GroupTable again = count(w, 40, 1);
        assertNotSame(removed, again, "a new table for the window");
        assertSame(again, w.existing(40), "the window's groups are those it was given");
    }

    @Test
    void windowsSharingACacheSlotAndNegativeStartsKeepTheirOwnGroups() {
        WindowGroups w = new WindowGroups(SIZE, SIZE, null);
        long[] starts = {-10, 0, 640, -640};
        List<GroupTable> tables = new ArrayList<>();
        for (long s : starts) {
            tables.add(count(w, s, 1));
        }
        for (int i = 0; i < starts.length; i++) {
            assertSame(tables.get(i), count(w, starts[i], 1), "window " + starts[i]);
            assertSame(tables.get(i), w.existing(starts[i]));
            assertEquals(2, tables.get(i).word(tables.get(i).slotOfLong(1), 1), "two records counted in " + starts[i]);
        }
        assertEquals(4, w.tuples());
    }

    @Test
    void aCopyIsIndependent() {
        WindowGroups w = new WindowGroups(SIZE, SIZE, null);
        count(w, 0, 1);
        w.endStep();
        WindowGroups c = w.copy();
        count(c, 0, 1);
        count(c, 10, 1);
        assertEquals(1, w.existing(0).word(w.existing(0).slotOfLong(1), 1));
        assertNull(w.existing(10));
        assertEquals(2, c.existing(0).word(c.existing(0).slotOfLong(1), 1));
    }

    /** Rows {@code "key@start=count"}; the result of a group is its count, none when it is not positive. */
    private static final EmitOnClose.Rows ROWS = new EmitOnClose.Rows() {
        @Override
        public Object result(GroupTable groups, int slot, Object key, long start, long end) {
            long n = groups.word(slot, 1);
            return n > 0 ? n : null;
        }

        @Override
        public Object row(Object key, long start, long end, Object result) {
            return key + "@" + start + "=" + result;
        }
    };

    @Test
    void onCloseAChangedEmittedRowIsRetractedAndReEmittedAndAnUnchangedOneIsNot() {
        WindowGroups w = new WindowGroups(SIZE, SIZE, null);
        EmitOnClose emit = new EmitOnClose(w, ROWS);
        count(w, 0, 2);
        w.endStep();
        assertEquals("{\"1@0=2\": 1}", rows(emit, Long.MIN_VALUE, 10));
        // a late record of the emitted window: -old, +new
        GroupTable groups = w.groupsAt(0, w.cachePosition(0));
        emit.beforeChangeOfEmitted(0, groups, 1L);
        groups.addCount(groups.slotOfLong(1), 1);
        w.endStep();
        assertEquals("{\"1@0=2\": -1, \"1@0=3\": 1}", rows(emit, 10, 10));
        // a change that cancels out within the step emits nothing
        emit.beforeChangeOfEmitted(0, groups, 1L);
        groups.addCount(groups.slotOfLong(1), 1);
        emit.beforeChangeOfEmitted(0, groups, 1L);
        groups.addCount(groups.slotOfLong(1), -1);
        w.endStep();
        assertEquals("{}", rows(emit, 10, 10));
    }

    private static String rows(EmitOnClose emit, long w0, long w1) {
        BatchBuilder out = new BatchBuilder(Layout.OBJECTS);
        emit.endStep(w0, w1, out);
        Batch b = out.build();
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < b.size; i++) {
            s.append(i == 0 ? "" : ", ").append('"').append(b.key(i)).append("\": ").append(b.weights[i]);
        }
        return s.append('}').toString();
    }
}
