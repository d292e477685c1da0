package org.jdbsp.operators.aggregate.internal;

import it.unimi.dsi.fastutil.longs.Long2IntMap;
import it.unimi.dsi.fastutil.longs.Long2IntMaps;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntMap;
import it.unimi.dsi.fastutil.objects.Object2IntMaps;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectIterator;
import java.util.function.IntConsumer;
import java.util.function.ToLongFunction;

/**
 * The group index of the aggregates: each group's key to its slot in the aggregate's table of accumulators
 * ({@link LinearGroups}, incremental states). Long keys, and keys that are {@link Long} objects, live unboxed in a
 * primitive open-addressing map (no boxed key and no {@code equals} per probe); any other key in an object map,
 * made on first use. A {@code Long} key comes back from {@link #forEach} as an equal {@code Long}. Each
 * {@link GroupTable} keeps one.
 */
public final class GroupSlots {
    /** The slot of an absent key. */
    public static final int NONE = -1;

    /** Called with each key and its slot. */
    public interface KeySlot {
        /** One group: its key and its slot. */
        void accept(Object key, int slot);
    }

    private final Long2IntOpenHashMap longs;
    private Object2IntOpenHashMap<Object> objects;

    /** An empty index sized for a few groups (it grows as they come). */
    public GroupSlots() {
        this(new Long2IntOpenHashMap(), null);
    }

    private GroupSlots(Long2IntOpenHashMap longs, Object2IntOpenHashMap<Object> objects) {
        this.longs = longs;
        this.objects = objects;
        longs.defaultReturnValue(NONE);
        if (objects != null) {
            objects.defaultReturnValue(NONE);
        }
    }

    /** The slot of the long key {@code k}, or {@link #NONE}. */
    public int slotOfLong(long k) {
        return longs.get(k);
    }

    /** The slot of {@code key}, or {@link #NONE}. */
    public int slotOf(Object key) {
        if (key instanceof Long) {
            return longs.get(((Long) key).longValue());
        }
        return objects == null ? NONE : objects.getInt(key);
    }

    /** Sets the slot of the long key {@code k}. */
    public void putLong(long k, int slot) {
        longs.put(k, slot);
    }

    /** Sets the slot of {@code key}. */
    public void put(Object key, int slot) {
        if (key instanceof Long) {
            longs.put(((Long) key).longValue(), slot);
            return;
        }
        if (objects == null) {
            objects = new Object2IntOpenHashMap<>();
            objects.defaultReturnValue(NONE);
        }
        objects.put(key, slot);
    }

    /** Removes the long key {@code k} (its slot is the caller's to free). */
    public void removeLong(long k) {
        longs.remove(k);
    }

    /** Removes {@code key} (its slot is the caller's to free). */
    public void remove(Object key) {
        if (key instanceof Long) {
            longs.remove(((Long) key).longValue());
        } else if (objects != null) {
            objects.removeInt(key);
        }
    }

    /** The number of groups. */
    public int size() {
        return longs.size() + (objects == null ? 0 : objects.size());
    }

    /** Whether it has no group. */
    public boolean isEmpty() {
        return size() == 0;
    }

    /** Calls {@code f} with every key and its slot (long keys boxed here: for snapshots and closing windows). */
    public void forEach(KeySlot f) {
        for (Long2IntMap.Entry e : Long2IntMaps.fastIterable(longs)) {
            f.accept(e.getLongKey(), e.getIntValue());
        }
        if (objects != null) {
            for (Object2IntMap.Entry<Object> e : Object2IntMaps.fastIterable(objects)) {
                f.accept(e.getKey(), e.getIntValue());
            }
        }
    }

    /**
     * Removes the groups whose time is below {@code bound}, calling {@code release} with each one's slot, and
     * returns the least time of the groups left ({@link Long#MAX_VALUE} if none). A group's time is
     * {@code keyTime(key)}, or, when {@code keyTime} is null, its long key itself.
     */
    public long forgetBelow(long bound, ToLongFunction<Object> keyTime, IntConsumer release) {
        long least = Long.MAX_VALUE;
        ObjectIterator<Long2IntMap.Entry> longIt = longs.long2IntEntrySet().fastIterator();
        while (longIt.hasNext()) {
            Long2IntMap.Entry e = longIt.next();
            long t = keyTime == null ? e.getLongKey() : keyTime.applyAsLong(e.getLongKey());
            if (t < bound) {
                release.accept(e.getIntValue());
                longIt.remove();
            } else {
                least = Math.min(least, t);
            }
        }
        if (objects != null) {
            if (keyTime == null) {
                throw new IllegalStateException("object keys have no time without a key-time function");
            }
            ObjectIterator<Object2IntMap.Entry<Object>> it = objects.object2IntEntrySet().fastIterator();
            while (it.hasNext()) {
                Object2IntMap.Entry<Object> e = it.next();
                long t = keyTime.applyAsLong(e.getKey());
                if (t < bound) {
                    release.accept(e.getIntValue());
                    it.remove();
                } else {
                    least = Math.min(least, t);
                }
            }
        }
        return least;
    }

    /** Approximate bytes held: the key maps at fastutil's default 0.75 load (key and slot per entry). */
    public long bytes() {
        return 64 + (long) (longs.size() * 12 / 0.75) + (objects == null ? 0 : (long) (objects.size() * 8 / 0.75));
    }

    /** An independent copy (the same keys and slots). */
    public GroupSlots copy() {
        return new GroupSlots(new Long2IntOpenHashMap(longs), objects == null ? null : new Object2IntOpenHashMap<>(objects));
    }
}
