package org.jdbsp.operators.aggregate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The aggregates' table of groups: keys to slots of words and states, freed slots reused clean, deep copies. */
class GroupTableTest {
    /** A test aggregator: the sum of long values, its state {count, sum}. */
    private static final class SumOfValues implements MeasuredAggregator<Object> {
        @Override
        public Object newState() {
            return new long[2];
        }

        @Override
        public void add(Object state, Object value, long weight) {
            long[] s = (long[]) state;
            s[0] += weight;
            s[1] += weight * (Long) value;
        }

        @Override
        public boolean isEmpty(Object state) {
            return ((long[]) state)[0] == 0;
        }

        @Override
        public Object result(Object state) {
            return ((long[]) state)[1];
        }

        @Override
        public Object copy(Object state) {
            return ((long[]) state).clone();
        }

        @Override
        public long tuples(Object state) {
            return 1;
        }

        @Override
        public long bytes(Object state) {
            return 32;
        }
    }

    @Test
    void aRemovedGroupsSlotIsReusedWithZeroWordsAndAFreshState() {
        GroupTable t = new GroupTable(new SumOfValues());
        int a = t.slotOrCreate("a");
        t.addToState(a, 7L, 2);
        assertEquals(14L, t.stateResult(a));
        assertEquals(2, t.word(a, 1), "the count word counts the weights");
        assertEquals(a, t.slotOrCreate("a"), "an existing key keeps its slot");
        t.remove("a", a);
        assertEquals(GroupTable.NONE, t.slotOf("a"));
        int b = t.slotOrCreateLong(1_000_000L);
        assertEquals(a, b, "the freed slot is reused");
        assertTrue(t.isEmpty(b), "reused clean: words zero, state empty");
        assertNull(t.stateResult(b));
        assertEquals(b, t.slotOf(Long.valueOf(1_000_000L)), "a Long object key is the same group as the long");
    }

    @Test
    void aCopyHasItsOwnStatesAndWords() {
        GroupTable t = new GroupTable(new SumOfValues());
        int a = t.slotOrCreateLong(5);
        t.addToState(a, 3L, 1);
        GroupTable c = t.copy();
        c.addToState(c.slotOfLong(5), 4L, 1);
        assertEquals(3L, t.stateResult(a), "the original's state is unchanged");
        assertEquals(1, t.word(a, 1), "the original's count is unchanged");
        assertEquals(7L, c.stateResult(a));
        assertEquals(2, t.tuples(a));
    }

    @Test
    void forgettingBelowATimeFreesTheGroupsSlots() {
        GroupTable t = new GroupTable();
        for (long k = 0; k < 4; k++) {
            t.addWeighted(t.slotOrCreateLong(k * 10), 1, 100);
        }
        assertEquals(20, t.forgetBelow(20, null));
        assertEquals(2, t.size());
        int reused = t.slotOrCreateLong(99);
        assertTrue(t.isEmpty(reused), "a forgotten group's words are zeroed before reuse");
    }

    @Test
    void aTableOfStatesOnlyReusesFreedSlotsWithFreshStatesAndCopiesDeeply() {
        GroupTable t = GroupTable.ofStates(new SumOfValues());
        int a = t.createLong(1);
        int b = t.create("b");
        ((long[]) t.state(a))[0] = 1;
        assertTrue(!t.isEmpty(a) && t.isEmpty(b), "a group is empty when its state is, there are no words");
        t.removeLong(1, a);
        int c = t.create("c");
        assertEquals(a, c, "the freed slot is reused");
        assertTrue(t.isEmpty(c), "with a fresh state");
        t.setState(b, new long[] {2, 10});
        GroupTable copy = t.copy();
        ((long[]) copy.state(b))[1] = 99;
        assertEquals(10L, t.stateResult(b), "the copy's states are its own");
        assertEquals(2, copy.size());
        assertEquals(copy.slotOrCreate("d"), copy.slotOrCreate("d"));
        assertEquals(2, t.size(), "the original has no group d");
        assertThrows(IllegalStateException.class, () -> t.writeWords(null));
    }

    @Test
    void aTableWithStatesRefusesToSaveItsWordsWhole() {
        GroupTable t = new GroupTable(new SumOfValues());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.writeWords(null));
        assertTrue(e.getMessage().contains("group by group"), e.getMessage());
    }
}
