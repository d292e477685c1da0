package org.jdbsp.operators.window;

import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectMaps;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The groups of one window of a {@link TimeWindowAggregateOperator}: the accumulator of each key. Keys that
 * are {@link Long}s live unboxed in a primitive open-addressing map (no {@code equals} call and no boxed key
 * per probe); any other key in a {@link HashMap}. A {@code Long} key comes back from {@link #forEach} as an
 * equal {@code Long}.
 */
final class WindowGroups {
    private final Long2ObjectOpenHashMap<AggregateState> longs = new Long2ObjectOpenHashMap<>();
    private HashMap<Object, AggregateState> others;

    /** The accumulator of {@code key}, or null. */
    AggregateState get(Object key) {
        if (key instanceof Long) {
            return longs.get(((Long) key).longValue());
        }
        return others == null ? null : others.get(key);
    }

    /** The accumulator of {@code key}, created empty if it has none. */
    AggregateState getOrCreate(Object key) {
        if (key instanceof Long) {
            long k = ((Long) key).longValue();
            AggregateState s = longs.get(k);
            if (s == null) {
                s = new AggregateState();
                longs.put(k, s);
            }
            return s;
        }
        if (others == null) {
            others = new HashMap<>();
        }
        return others.computeIfAbsent(key, k -> new AggregateState());
    }

    void put(Object key, AggregateState state) {
        if (key instanceof Long) {
            longs.put(((Long) key).longValue(), state);
        } else {
            if (others == null) {
                others = new HashMap<>();
            }
            others.put(key, state);
        }
    }

    void remove(Object key) {
        if (key instanceof Long) {
            longs.remove(((Long) key).longValue());
        } else if (others != null) {
            others.remove(key);
        }
    }

    boolean isEmpty() {
        return size() == 0;
    }

    int size() {
        return longs.size() + (others == null ? 0 : others.size());
    }

    /** Calls {@code f} with every key and its accumulator (long keys boxed once here, at the window's end). */
    void forEach(BiConsumer<Object, AggregateState> f) {
        for (Long2ObjectMap.Entry<AggregateState> e : Long2ObjectMaps.fastIterable(longs)) {
            f.accept(e.getLongKey(), e.getValue());
        }
        if (others != null) {
            for (Map.Entry<Object, AggregateState> e : others.entrySet()) {
                f.accept(e.getKey(), e.getValue());
            }
        }
    }

    /** A deep copy (every accumulator copied). */
    WindowGroups copy() {
        WindowGroups c = new WindowGroups();
        forEach((k, s) -> c.put(k, s.copy()));
        return c;
    }
}
