package org.jdbsp.operators.window;

import it.unimi.dsi.fastutil.longs.Long2IntMap;
import it.unimi.dsi.fastutil.longs.Long2IntMaps;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntMap;
import it.unimi.dsi.fastutil.objects.Object2IntMaps;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

/**
 * The groups of one window of a {@link TimeWindowAggregateOperator}: each key's slot in the window's
 * {@link Accumulators}. Keys that are {@link Long}s live unboxed in a primitive open-addressing map (no
 * {@code equals} call and no boxed key per probe); any other key in an object map. A {@code Long} key comes back
 * from {@link #forEach} as an equal {@code Long}. Forgetting a window drops the whole object: no slot is freed
 * one by one.
 */
final class WindowGroups {
    /** The slot of an absent key. */
    static final int NONE = -1;

    /** Called with each key and its slot. */
    interface KeySlot {
        void accept(Object key, int slot);
    }

    private final Long2IntOpenHashMap longs = new Long2IntOpenHashMap();
    private Object2IntOpenHashMap<Object> others;
    final Accumulators acc;

    WindowGroups(Accumulators acc) {
        this.acc = acc;
        longs.defaultReturnValue(NONE);
    }

    /** The slot of {@code key}, or {@link #NONE}. */
    int slot(Object key) {
        if (key instanceof Long) {
            return longs.get(((Long) key).longValue());
        }
        return others == null ? NONE : others.getInt(key);
    }

    /** The slot of the long key {@code k}, a new empty accumulator if it has none. */
    int slotOrCreateLong(long k) {
        int s = longs.get(k);
        if (s == NONE) {
            s = acc.allocate();
            longs.put(k, s);
        }
        return s;
    }

    /** The slot of {@code key}, a new empty accumulator if it has none. */
    int slotOrCreate(Object key) {
        if (key instanceof Long) {
            return slotOrCreateLong(((Long) key).longValue());
        }
        if (others == null) {
            others = new Object2IntOpenHashMap<>();
            others.defaultReturnValue(NONE);
        }
        int s = others.getInt(key);
        if (s == NONE) {
            s = acc.allocate();
            others.put(key, s);
        }
        return s;
    }

    /** Sets the slot of {@code key} (a restore). */
    void put(Object key, int slot) {
        if (key instanceof Long) {
            longs.put(((Long) key).longValue(), slot);
        } else {
            if (others == null) {
                others = new Object2IntOpenHashMap<>();
                others.defaultReturnValue(NONE);
            }
            others.put(key, slot);
        }
    }

    /** Removes {@code key} and frees its slot. */
    void remove(Object key, int slot) {
        if (key instanceof Long) {
            removeLong(((Long) key).longValue(), slot);
        } else {
            others.removeInt(key);
            acc.release(slot);
        }
    }

    /** Removes the long key {@code k} and frees its slot. */
    void removeLong(long k, int slot) {
        longs.remove(k);
        acc.release(slot);
    }

    boolean isEmpty() {
        return size() == 0;
    }

    int size() {
        return longs.size() + (others == null ? 0 : others.size());
    }

    /** Calls {@code f} with every key and its slot (long keys boxed once here, at the window's end). */
    void forEach(KeySlot f) {
        for (Long2IntMap.Entry e : Long2IntMaps.fastIterable(longs)) {
            f.accept(e.getLongKey(), e.getIntValue());
        }
        if (others != null) {
            for (Object2IntMap.Entry<Object> e : Object2IntMaps.fastIterable(others)) {
                f.accept(e.getKey(), e.getIntValue());
            }
        }
    }

    /** Approximate bytes held: the key maps (at fastutil's default 0.75 load) and the accumulators. */
    long bytes() {
        return 64 + (long) (longs.size() * 12 / 0.75) + (others == null ? 0 : (long) (others.size() * 8 / 0.75)) + acc.bytes();
    }

    /** A deep copy (the same slots, every accumulator copied). */
    WindowGroups copy() {
        WindowGroups c = new WindowGroups(acc.copy());
        forEach(c::put);
        return c;
    }
}
