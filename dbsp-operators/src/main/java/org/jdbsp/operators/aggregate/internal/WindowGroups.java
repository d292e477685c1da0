package org.jdbsp.operators.aggregate.internal;

import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectRBTreeMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectSortedMap;
import java.util.Arrays;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.operators.time.internal.TimeArithmetic;

/**
 * The groups of an aggregate keyed by (window start, key) over fixed-size windows {@code [start, start + size)}
 * whose starts are multiples of {@code slide}: a sorted map from each window start to that window's
 * {@link GroupTable}, so that the windows a watermark closes or lets go are ranges of starts. A direct-mapped cache
 * of {@value #CACHED} windows, by start (slot {@code start / slide} modulo the cache), finds a record's windows
 * without a tree lookup within a step; it is emptied by {@link #endStep}. Looking up existing windows and groups
 * allocates nothing.
 */
public final class WindowGroups {
    /** Called with each group of a window: its window, key (long keys boxed) and slot. */
    public interface WindowGroup {
        /** One group of the window {@code [start, end)} of {@code groups}. */
        void accept(long start, long end, GroupTable groups, Object key, int slot);
    }

    private static final int CACHED = 64;

    private final long size;
    private final long slide;
    /** The aggregator of the groups' states; null when they keep words only. */
    private final MeasuredAggregator<Object> states;
    private Long2ObjectRBTreeMap<GroupTable> byStart = new Long2ObjectRBTreeMap<>();
    /** Filled and emptied within one step; a slot cleared when its window is removed. */
    private final long[] cachedStart = new long[CACHED];
    private final GroupTable[] cachedGroups = new GroupTable[CACHED];

    /** No windows yet; their groups keep words, and a state of {@code states} when it is not null. */
    public WindowGroups(long size, long slide, MeasuredAggregator<Object> states) {
        this.size = size;
        this.slide = slide;
        this.states = states;
    }

    /** The end of the window starting at {@code start} (saturated at {@link Long#MAX_VALUE}). */
    public long end(long start) {
        return TimeArithmetic.plus(start, size);
    }

    /**
     * The position of the window starting at {@code start} in the cache; successive windows take successive
     * positions, so a caller walking a record's windows adds one per window instead of dividing again.
     */
    public int cachePosition(long start) {
        return (int) (start / slide);
    }

    /**
     * The groups of the window starting at {@code start}, whose cache position is {@code position}; created empty
     * if it has none.
     */
    public GroupTable groupsAt(long start, int position) {
        int c = position & (CACHED - 1);
        GroupTable groups = cachedGroups[c];
        if (groups == null || cachedStart[c] != start) {
            groups = byStart.get(start);
            if (groups == null) {
                groups = new GroupTable(states);
                byStart.put(start, groups);
            }
            cachedGroups[c] = groups;
            cachedStart[c] = start;
        }
        return groups;
    }

    /** The groups of the window starting at {@code start}, or null when it has none (not cached). */
    public GroupTable existing(long start) {
        return byStart.get(start);
    }

    /** Removes the window starting at {@code start}, whose cache position is {@code position}, if it has no group left. */
    public void removeIfEmpty(long start, int position, GroupTable groups) {
        if (groups.isEmpty()) {
            byStart.remove(start);
            cachedGroups[position & (CACHED - 1)] = null;
        }
    }

    /** Empties the cache at the end of a step (windows may be removed between steps). */
    public void endStep() {
        Arrays.fill(cachedGroups, null);
    }

    /** Calls {@code f} with every group of the windows whose end lies in {@code (w0, w1]}: those a watermark moving from w0 to w1 closes. */
    public void forEachClosing(long w0, long w1, WindowGroup f) {
        if (w1 <= w0) {
            return;
        }
        Long2ObjectSortedMap<GroupTable> closing = reachedBy(w1, 0);
        if (w0 >= Long.MIN_VALUE + size) {
            long above = w0 - size;
            closing = above == Long.MAX_VALUE ? closing.headMap(Long.MIN_VALUE) : closing.tailMap(above + 1);
        }
        for (Long2ObjectMap.Entry<GroupTable> e : closing.long2ObjectEntrySet()) {
            long s = e.getLongKey();
            long end = end(s);
            GroupTable groups = e.getValue();
            groups.forEach((k, slot) -> f.accept(s, end, groups, k, slot));
        }
    }

    /**
     * Forgets the windows whose {@code end + lateness} is at most the watermark {@code bound} (every window when the
     * bound is the end of time).
     */
    public void forgetReachedBy(long bound, long lateness) {
        reachedBy(bound, lateness).clear();
    }

    /**
     * The windows whose end plus {@code extra} is at most the watermark {@code w}, exactly (no wrapping near
     * {@link Long#MIN_VALUE}); the end of time, {@link Long#MAX_VALUE}, reaches every window, also those
     * whose end saturates there.
     */
    private Long2ObjectSortedMap<GroupTable> reachedBy(long w, long extra) {
        if (w == Long.MAX_VALUE) {
            return byStart;
        }
        if (w < Long.MIN_VALUE + extra || w - extra < Long.MIN_VALUE + size) {
            return byStart.headMap(Long.MIN_VALUE);
        }
        long last = w - extra - size;
        // starts at most last: below last + 1, or every window when last is the largest long
        return last == Long.MAX_VALUE ? byStart : byStart.headMap(last + 1);
    }

    /** Saves every (window start, key) group: the number of windows, then per window its start and its groups. */
    public void write(StateWriter out) {
        out.writeInt(byStart.size());
        for (Long2ObjectMap.Entry<GroupTable> e : byStart.long2ObjectEntrySet()) {
            out.writeLong(e.getLongKey());
            GroupTable groups = e.getValue();
            out.writeInt(groups.size());
            groups.forEach((k, slot) -> {
                out.writeObject(k);
                groups.writeGroup(slot, out);
            });
        }
    }

    /** Adds the groups {@link #write} saved whose keys {@code in} owns (a rescaling restore skips the others). */
    public void read(StateReader in) {
        for (int n = in.readInt(); n > 0; n--) {
            long start = in.readLong();
            GroupTable groups = null;
            for (int k = in.readInt(); k > 0; k--) {
                Object key = in.readObject();
                if (groups == null) {
                    groups = byStart.get(start);
                    if (groups == null) {
                        groups = new GroupTable(states);
                        byStart.put(start, groups);
                    }
                }
                int slot = groups.readGroup(in);
                if (in.owns(key)) {
                    groups.put(key, slot);
                } else {
                    groups.release(slot);
                }
            }
            if (groups != null && groups.isEmpty()) {
                byStart.remove(start);
            }
        }
    }

    /** Tuples of state: every group plus the values or records its state keeps. */
    public long tuples() {
        long[] n = {0};
        for (GroupTable groups : byStart.values()) {
            groups.forEach((k, slot) -> n[0] += groups.tuples(slot));
        }
        return n[0];
    }

    /** Approximate bytes of every window's table. */
    public long bytes() {
        long n = 0;
        for (GroupTable groups : byStart.values()) {
            n += groups.bytes();
        }
        return n;
    }

    /** A deep copy of the windows (an empty cache). */
    public WindowGroups copy() {
        WindowGroups c = new WindowGroups(size, slide, states);
        for (Long2ObjectMap.Entry<GroupTable> e : byStart.long2ObjectEntrySet()) {
            c.byStart.put(e.getLongKey(), e.getValue().copy());
        }
        return c;
    }
}
