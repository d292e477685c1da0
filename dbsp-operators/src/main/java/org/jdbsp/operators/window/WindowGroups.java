package org.jdbsp.operators.window;

import org.jdbsp.operators.aggregate.internal.GroupSlots;

/**
 * The groups of one window of a {@link TimeWindowAggregateOperator}: the ordinary aggregates' group index
 * ({@link GroupSlots}, unboxed for long keys) from each key to its slot in the window's {@link Accumulators}.
 * Forgetting a window drops the whole object: no slot is freed one by one.
 */
final class WindowGroups {
    /** The slot of an absent key. */
    static final int NONE = GroupSlots.NONE;

    private final GroupSlots slots;
    final Accumulators acc;

    WindowGroups(Accumulators acc) {
        this(new GroupSlots(), acc);
    }

    private WindowGroups(GroupSlots slots, Accumulators acc) {
        this.slots = slots;
        this.acc = acc;
    }

    /** The slot of {@code key}, or {@link #NONE}. */
    int slot(Object key) {
        return slots.slotOf(key);
    }

    /** The slot of the long key {@code k}, a new empty accumulator if it has none. */
    int slotOrCreateLong(long k) {
        int s = slots.slotOfLong(k);
        if (s == NONE) {
            s = acc.allocate();
            slots.putLong(k, s);
        }
        return s;
    }

    /** The slot of {@code key}, a new empty accumulator if it has none. */
    int slotOrCreate(Object key) {
        int s = slots.slotOf(key);
        if (s == NONE) {
            s = acc.allocate();
            slots.put(key, s);
        }
        return s;
    }

    /** Sets the slot of {@code key} (a restore). */
    void put(Object key, int slot) {
        slots.put(key, slot);
    }

    /** Removes {@code key} and frees its slot. */
    void remove(Object key, int slot) {
        slots.remove(key);
        acc.release(slot);
    }

    /** Removes the long key {@code k} and frees its slot. */
    void removeLong(long k, int slot) {
        slots.removeLong(k);
        acc.release(slot);
    }

    boolean isEmpty() {
        return slots.isEmpty();
    }

    int size() {
        return slots.size();
    }

    /** Calls {@code f} with every key and its slot (long keys boxed once here, at the window's end). */
    void forEach(GroupSlots.KeySlot f) {
        slots.forEach(f);
    }

    /** Approximate bytes held: the key index and the accumulators. */
    long bytes() {
        return slots.bytes() + acc.bytes();
    }

    /** A deep copy (the same slots, every accumulator copied). */
    WindowGroups copy() {
        return new WindowGroups(slots.copy(), acc.copy());
    }
}
