package org.jdbsp.operators.aggregate.internal;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.operators.aggregate.IncrementalAggregator;

/**
 * The groups of an aggregate: the group index ({@link GroupSlots}, unboxed for long keys) from each key to a slot,
 * and per slot the group's accumulator: its count and sum as exact 128-bit words ({@link LinearGroups}) and, for an
 * aggregate kept as state (min, max, custom), the state of an {@link IncrementalAggregator}. The ordinary
 * count/sum/average by key keeps one table (words only), the ordinary incremental aggregate one (states only, see
 * {@link #ofStates}); a fixed-size window aggregate one per window (words, and states for min, max and custom); a
 * session aggregate uses slots without keys as scratch accumulators. Updating an existing group's words allocates
 * nothing.
 */
public final class GroupTable {
    /** The slot of an absent key. */
    public static final int NONE = GroupSlots.NONE;

    private final GroupSlots slots;
    /** The groups' words; null for a table of states only, whose slots come from {@link #freeStates}. */
    private LinearGroups linear;
    /** Null when the groups have words only. */
    private final IncrementalAggregator<Object, Object, ?> states;
    /** The same aggregator when it can measure its states (for {@link #tuples} and {@link #bytes}), else null. */
    private final MeasuredAggregator<Object> measured;
    /** The state of each slot (null without {@link #states}). */
    private Object[] stateOf;
    /** Without words: slots ever allocated, and the free ones. */
    private int usedStates;
    private final IntArrayList freeStates;

    /** An empty table of groups with words only (count and sum). */
    public GroupTable() {
        this(null);
    }

    /** An empty table whose groups also keep a state of {@code states} (null: words only). */
    public GroupTable(MeasuredAggregator<Object> states) {
        this(new GroupSlots(), new LinearGroups(), states, states, states == null ? null : new Object[16], 0, null);
    }

    /**
     * An empty table whose groups keep only a state of {@code states}, no words (the ordinary incremental aggregate:
     * {@link #addCount}, {@link #addWeighted}, {@link #addToState} and the word accessors are not for it).
     */
    public static GroupTable ofStates(IncrementalAggregator<Object, Object, ?> states) {
        return new GroupTable(new GroupSlots(), null, Objects.requireNonNull(states, "states"), null, new Object[16], 0,
                new IntArrayList());
    }

    private GroupTable(GroupSlots slots, LinearGroups linear, IncrementalAggregator<Object, Object, ?> states,
                       MeasuredAggregator<Object> measured, Object[] stateOf, int usedStates, IntArrayList freeStates) {
        this.slots = slots;
        this.linear = linear;
        this.states = states;
        this.measured = measured;
        this.stateOf = stateOf;
        this.usedStates = usedStates;
        this.freeStates = freeStates;
    }

    /** The slot of the long key {@code k}, or {@link #NONE}. */
    public int slotOfLong(long k) {
        return slots.slotOfLong(k);
    }

    /** The slot of {@code key}, or {@link #NONE}. */
    public int slotOf(Object key) {
        return slots.slotOf(key);
    }

    /** The slot of the long key {@code k}, a new empty group if it has none. */
    public int slotOrCreateLong(long k) {
        int s = slots.slotOfLong(k);
        return s == NONE ? createLong(k) : s;
    }

    /** The slot of {@code key}, a new empty group if it has none. */
    public int slotOrCreate(Object key) {
        int s = slots.slotOf(key);
        return s == NONE ? create(key) : s;
    }

    /** A new empty group for the long key {@code k}, which has none; its slot. */
    public int createLong(long k) {
        int s = allocate();
        slots.putLong(k, s);
        return s;
    }

    /** A new empty group for {@code key}, which has none; its slot. */
    public int create(Object key) {
        int s = allocate();
        slots.put(key, s);
        return s;
    }

    /** Sets the slot of the long key {@code k} (a slot of this table: a restore). */
    public void putLong(long k, int slot) {
        slots.putLong(k, slot);
    }

    /** Sets the slot of {@code key} (a slot of this table: a restore). */
    public void put(Object key, int slot) {
        slots.put(key, slot);
    }

    /** Removes the long key {@code k} and frees its slot. */
    public void removeLong(long k, int slot) {
        slots.removeLong(k);
        release(slot);
    }

    /** Removes {@code key} and frees its slot. */
    public void remove(Object key, int slot) {
        slots.remove(key);
        release(slot);
    }

    /** A new empty group that no key indexes (its owner frees it with {@link #release}). */
    public int allocate() {
        int slot;
        if (linear != null) {
            slot = linear.allocate();
        } else {
            slot = freeStates.isEmpty() ? usedStates++ : freeStates.popInt();
        }
        if (stateOf != null) {
            if (slot >= stateOf.length) {
                stateOf = Arrays.copyOf(stateOf, Math.max(slot + 1, 2 * stateOf.length));
            }
            stateOf[slot] = states.newState();
        }
        return slot;
    }

    /** Frees {@code slot} (its words zeroed, its state dropped). */
    public void release(int slot) {
        if (linear != null) {
            linear.release(slot);
        } else {
            freeStates.add(slot);
        }
        if (stateOf != null) {
            stateOf[slot] = null;
        }
    }

    /** Adds {@code weight} to the count of {@code slot}. */
    public void addCount(int slot, long weight) {
        linear.addCount(slot, weight);
    }

    /** Adds {@code weight} to the count of {@code slot} and {@code weight * quantity} to its sum. */
    public void addWeighted(int slot, long weight, long quantity) {
        linear.addWeighted(slot, weight, quantity);
    }

    /** Adds {@code weight} to the count of {@code slot} and {@code value} with that weight to its state. */
    public void addToState(int slot, Object value, long weight) {
        linear.addCount(slot, weight);
        states.add(stateOf[slot], value, weight);
    }

    /** Copies the words of {@code slot} into {@code into[0..LinearGroups.WORDS)}. */
    public void get(int slot, long[] into) {
        linear.get(slot, into);
    }

    /** Sets the words of {@code slot} from {@code from[0..LinearGroups.WORDS)}. */
    public void set(int slot, long[] from) {
        linear.set(slot, from);
    }

    /** Word {@code w} (0: count high, 1: count low, 2: sum high, 3: sum low) of {@code slot}. */
    public long word(int slot, int w) {
        return linear.word(slot, w);
    }

    /** The state of {@code slot} (a table with states). */
    public Object state(int slot) {
        return stateOf[slot];
    }

    /** Replaces the state of {@code slot} (a table with states: a restore). */
    public void setState(int slot, Object state) {
        stateOf[slot] = state;
    }

    /** The result of the state of {@code slot} (a table with states), or null when that state is empty. */
    public Object stateResult(int slot) {
        Object state = stateOf[slot];
        return states.isEmpty(state) ? null : states.result(state);
    }

    /** True when every value added to {@code slot} has been retracted: its words are zero and its state empty. */
    public boolean isEmpty(int slot) {
        return (linear == null || linear.isZero(slot)) && (stateOf == null || states.isEmpty(stateOf[slot]));
    }

    /** The number of indexed groups. */
    public int size() {
        return slots.size();
    }

    /** Whether no group is indexed. */
    public boolean isEmpty() {
        return slots.isEmpty();
    }

    /** Calls {@code f} with every indexed key and its slot (long keys boxed here). */
    public void forEach(GroupSlots.KeySlot f) {
        slots.forEach(f);
    }

    /**
     * Removes the groups whose time is below {@code bound} and frees their slots; returns the least time of the
     * groups left (see {@link GroupSlots#forgetBelow}).
     */
    public long forgetBelow(long bound, ToLongFunction<Object> keyTime) {
        return slots.forgetBelow(bound, keyTime, this::release);
    }

    /** Tuples of state of {@code slot}: the group, plus the values or records its state keeps. */
    public long tuples(int slot) {
        return 1 + (measured == null ? 0 : measured.tuples(stateOf[slot]));
    }

    /** Approximate bytes held: the index, the words and the states (those an aggregator can measure). */
    public long bytes() {
        long n = slots.bytes() + (linear == null ? 4L * freeStates.size() : linear.bytes());
        if (stateOf != null) {
            n += 8L * stateOf.length;
            if (measured != null) {
                for (Object s : stateOf) {
                    n += s == null ? 0 : measured.bytes(s);
                }
            }
        }
        return n;
    }

    /** A deep copy (the same keys and slots, every state copied). */
    public GroupTable copy() {
        Object[] c = null;
        if (stateOf != null) {
            c = new Object[stateOf.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = stateOf[i] == null ? null : states.copy(stateOf[i]);
            }
        }
        return new GroupTable(slots.copy(), linear == null ? null : linear.copy(), states, measured, c, usedStates,
                freeStates == null ? null : new IntArrayList(freeStates));
    }

    /**
     * Saves the index: the number of groups, then each group's key (a long when {@code longKeys}, else an object)
     * followed by what {@code rest} writes for its slot.
     */
    public void writeKeys(StateWriter out, boolean longKeys, GroupSlots.KeySlot rest) {
        out.writeInt(slots.size());
        slots.forEach((key, slot) -> {
            if (longKeys) {
                out.writeLong((Long) key);
            } else {
                out.writeObject(key);
            }
            rest.accept(key, slot);
        });
    }

    /** Saves one group's accumulator (a table with words): its four words, then its state if the table keeps states. */
    public void writeGroup(int slot, StateWriter out) {
        for (int w = 0; w < LinearGroups.WORDS; w++) {
            out.writeLong(linear.word(slot, w));
        }
        if (stateOf != null) {
            states.writeState(stateOf[slot], out);
        }
    }

    /** Reads what {@link #writeGroup} saved into a new slot that no key indexes yet, returned. */
    public int readGroup(StateReader in) {
        long[] words = new long[LinearGroups.WORDS];
        for (int w = 0; w < words.length; w++) {
            words[w] = in.readLong();
        }
        int slot = allocate();
        linear.set(slot, words);
        if (stateOf != null) {
            stateOf[slot] = states.readState(in);
        }
        return slot;
    }

    /**
     * Saves the words of every slot as they are, with the free slots (a table with words only; the caller saves
     * which key owns which slot).
     */
    public void writeWords(StateWriter out) {
        requireWordsOnly();
        linear.write(out);
    }

    /** Replaces the words by what {@link #writeWords} saved (before the keys are put back). */
    public void readWords(StateReader in) {
        requireWordsOnly();
        linear = LinearGroups.read(in);
    }

    /** Reads the words {@link #writeWords} saved from another table, whole, for {@link #copyGroup}. */
    public static LinearGroups readSavedWords(StateReader in) {
        return LinearGroups.read(in);
    }

    /** A new slot, indexed by no key yet, holding the words of slot {@code slot} of {@code saved}. */
    public int copyGroup(LinearGroups saved, int slot) {
        requireWordsOnly();
        return linear.copyFrom(saved, slot);
    }

    private void requireWordsOnly() {
        if (stateOf != null) {
            throw new IllegalStateException("a table whose groups keep states saves them group by group");
        }
    }
}
