package org.jdbsp.operators.aggregate.internal;

import it.unimi.dsi.fastutil.HashCommon;
import it.unimi.dsi.fastutil.longs.Long2IntMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntRBTreeMap;
import it.unimi.dsi.fastutil.longs.Long2IntSortedMap;
import it.unimi.dsi.fastutil.longs.LongSortedSet;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.ObjectIterator;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The group index of an aggregate whose groups are {@code (time, key)} pairs, such as a windowed aggregate's
 * (window start, key) groups: each pair's slot in the aggregate's accumulators ({@link LinearGroups} words, or
 * incremental states by slot), the slots given by the caller. The pairs are held by slot (time and long key
 * adjacent); an open-addressing hash table of slots (linear probing, backward-shift deletion) finds a pair's
 * slot. A key that is a {@link Long} is held unboxed, so probing it calls no {@code equals} and allocates nothing;
 * any other key is compared with {@code equals}. A {@code Long} key comes back from {@link #key} as an equal
 * {@code Long}.
 *
 * <p>By time: the slots of each time form a list (the latest added first) whose head is kept in a bucket, and the
 * times a sorted map to their buckets (one entry per time, such as one per open window), so that reading the groups
 * of a time ({@link #firstOf}, {@link #next}) and forgetting the times below a bound ({@link #forgetBelow}) cost the
 * groups they concern, not the whole table. A new pair finds its time's bucket in a hash map of the times, not in
 * the sorted map (a windowed aggregate adds groups to a few windows over and over).
 *
 * <p>{@link #probe} gives the slot of a present pair, or an insertion point {@code -(pos + 1)} for {@link #insert}.
 */
public final class TimedKeySlots {
    /** The slot of an absent pair; the end of a time's list. */
    public static final int NONE = -1;
    private static final int MIN_CAPACITY = 16;

    /** Hash table: the slot at each position, {@link #NONE} when empty. */
    private int[] table;
    private int mask;
    private int size;
    /** By slot: time and long key (two longs per slot). */
    private long[] pairs = new long[2 * MIN_CAPACITY];
    /** By slot: the key when it is not a {@link Long} (else null); null until the first such key. */
    private Object[] objKeys;
    /** By slot: the next and previous slot of the same time ({@link #NONE} at the ends). */
    private int[] next = new int[MIN_CAPACITY];
    private int[] prev = new int[MIN_CAPACITY];
    /** Each time's bucket. */
    private Long2IntRBTreeMap bucketByTime = new Long2IntRBTreeMap();
    /** By bucket: the first slot of its time's list; free buckets are listed in {@link #freeBuckets}. */
    private int[] heads = new int[4];
    private final IntArrayList freeBuckets = new IntArrayList();
    private int bucketsUsed;
    /** The same as {@link #bucketByTime}, hashed: what a new pair looks its time up in. */
    private Long2IntOpenHashMap bucketLookup = new Long2IntOpenHashMap();

    /** An empty index. */
    public TimedKeySlots() {
        table = emptyTable(MIN_CAPACITY);
        mask = MIN_CAPACITY - 1;
        bucketByTime.defaultReturnValue(NONE);
        bucketLookup.defaultReturnValue(NONE);
    }

    /** The bucket of {@code time}, or {@link #NONE}. */
    private int bucketOf(long time) {
        return bucketLookup.get(time);
    }

    /** A new bucket for {@code time}, with an empty list. */
    private int newBucket(long time) {
        int b;
        if (!freeBuckets.isEmpty()) {
            b = freeBuckets.popInt();
        } else {
            if (bucketsUsed == heads.length) {
                heads = Arrays.copyOf(heads, 2 * heads.length);
            }
            b = bucketsUsed++;
        }
        heads[b] = NONE;
        bucketByTime.put(time, b);
        bucketLookup.put(time, b);
        return b;
    }

    /** Frees the bucket of {@code time} (its list empty) but leaves it in the sorted map: the caller removes it. */
    private void freeBucket(long time, int b) {
        freeBuckets.add(b);
        bucketLookup.remove(time);
    }

    private static int[] emptyTable(int capacity) {
        int[] t = new int[capacity];
        Arrays.fill(t, NONE);
        return t;
    }

    private static int hash(long time, long keyHash) {
        return (int) HashCommon.mix(time * 0x9E3779B97F4A7C15L + keyHash);
    }

    private int hashOf(int slot) {
        Object o = objKeys == null ? null : objKeys[slot];
        return hash(pairs[2 * slot], o == null ? pairs[2 * slot + 1] : o.hashCode());
    }

    /**
     * The slot of the pair {@code (time, key)} if present, else {@code -(insertion point + 1)}; the key is
     * {@code longKey} when {@code objKey} is null (a {@link Long} key, unboxed), else {@code objKey}.
     */
    public int probe(long time, long longKey, Object objKey) {
        int pos = hash(time, objKey == null ? longKey : objKey.hashCode()) & mask;
        int slot;
        while ((slot = table[pos]) != NONE) {
            if (pairs[2 * slot] == time) {
                Object o = objKeys == null ? null : objKeys[slot];
                if (objKey == null ? o == null && pairs[2 * slot + 1] == longKey : objKey.equals(o)) {
                    return slot;
                }
            }
            pos = (pos + 1) & mask;
        }
        return -(pos + 1);
    }

    /** {@link #probe} of a key given as an object (a {@link Long} is unboxed). */
    public int probe(long time, Object key) {
        return key instanceof Long ? probe(time, ((Long) key).longValue(), null) : probe(time, 0, key);
    }

    /** The slot of {@code (time, key)}, or {@link #NONE}. */
    public int slot(long time, Object key) {
        int found = probe(time, key);
        return found < 0 ? NONE : found;
    }

    /**
     * Adds the pair with slot {@code slot} (not in use here) at the insertion point {@code notFound} that
     * {@link #probe} returned for it, the index unchanged in between.
     */
    public void insert(int notFound, long time, long longKey, Object objKey, int slot) {
        ensureSlot(slot);
        pairs[2 * slot] = time;
        pairs[2 * slot + 1] = longKey;
        if (objKey != null) {
            if (objKeys == null) {
                objKeys = new Object[next.length];
            }
            objKeys[slot] = objKey;
        } else if (objKeys != null) {
            objKeys[slot] = null;
        }
        table[-notFound - 1] = slot;
        int b = bucketOf(time);
        if (b == NONE) {
            b = newBucket(time);
        }
        int first = heads[b];
        next[slot] = first;
        prev[slot] = NONE;
        if (first != NONE) {
            prev[first] = slot;
        }
        heads[b] = slot;
        if (++size > table.length / 4 * 3) {
            rehash(table.length * 2);
        }
    }

    private void ensureSlot(int slot) {
        if (slot >= next.length) {
            int n = Math.max(slot + 1, 2 * next.length);
            pairs = Arrays.copyOf(pairs, 2 * n);
            next = Arrays.copyOf(next, n);
            prev = Arrays.copyOf(prev, n);
            if (objKeys != null) {
                objKeys = Arrays.copyOf(objKeys, n);
            }
        }
    }

    /** Adds {@code (time, key)}, which must be absent, with slot {@code slot} (a restore). */
    public void put(long time, Object key, int slot) {
        int found = probe(time, key);
        if (found >= 0) {
            throw new IllegalStateException("group (" + time + ", " + key + ") is already indexed");
        }
        if (key instanceof Long) {
            insert(found, time, ((Long) key).longValue(), null, slot);
        } else {
            insert(found, time, 0, key, slot);
        }
    }

    /** Removes {@code (time, key)} if present, returning its slot (not freed here) or {@link #NONE}. */
    public int remove(long time, Object key) {
        int slot = slot(time, key);
        if (slot != NONE) {
            removeFromTable(slot);
            unlink(slot);
            if (objKeys != null) {
                objKeys[slot] = null;
            }
        }
        return slot;
    }

    private void unlink(int slot) {
        int p = prev[slot];
        int n = next[slot];
        if (n != NONE) {
            prev[n] = p;
        }
        if (p != NONE) {
            next[p] = n;
            return;
        }
        long time = pairs[2 * slot];
        int b = bucketOf(time);
        heads[b] = n;
        if (n == NONE) {
            freeBucket(time, b);
            bucketByTime.remove(time);
        }
    }

    /** Backward-shift deletion: moves up the following slots of the run that probing would no longer reach. */
    private void removeFromTable(int slot) {
        int pos = hashOf(slot) & mask;
        while (table[pos] != slot) {
            pos = (pos + 1) & mask;
        }
        size--;
        int last = pos;
        pos = (pos + 1) & mask;
        int s;
        while ((s = table[pos]) != NONE) {
            int ideal = hashOf(s) & mask;
            // the slot at pos may fill the hole at last unless its ideal position lies cyclically in (last, pos]
            boolean stays = last <= pos ? last < ideal && ideal <= pos : last < ideal || ideal <= pos;
            if (!stays) {
                table[last] = s;
                last = pos;
            }
            pos = (pos + 1) & mask;
        }
        table[last] = NONE;
    }

    private void rehash(int capacity) {
        int[] old = table;
        table = emptyTable(capacity);
        mask = capacity - 1;
        for (int slot : old) {
            if (slot != NONE) {
                int pos = hashOf(slot) & mask;
                while (table[pos] != NONE) {
                    pos = (pos + 1) & mask;
                }
                table[pos] = slot;
            }
        }
    }

    /**
     * Forgets every pair whose time is below {@code bound}, passing each one's slot to {@code freed}; costs the
     * pairs forgotten (and a look at the least time).
     */
    public void forgetBelow(long bound, IntConsumer freed) {
        forget(bucketByTime.headMap(bound), freed);
    }

    /** Forgets every pair, passing each one's slot to {@code freed}. */
    public void clear(IntConsumer freed) {
        forget(bucketByTime, freed);
    }

    private void forget(Long2IntSortedMap times, IntConsumer freed) {
        ObjectIterator<Long2IntMap.Entry> it = times.long2IntEntrySet().iterator();
        while (it.hasNext()) {
            Long2IntMap.Entry e = it.next();
            int b = e.getIntValue();
            for (int slot = heads[b]; slot != NONE; slot = next[slot]) {
                removeFromTable(slot);
                if (objKeys != null) {
                    objKeys[slot] = null;
                }
                freed.accept(slot);
            }
            freeBucket(e.getLongKey(), b);
            it.remove();
        }
    }

    /** The number of pairs. */
    public int size() {
        return size;
    }

    /** The times that have pairs, in ascending order (a view: do not change it). */
    public LongSortedSet times() {
        return bucketByTime.keySet();
    }

    /** The first slot of {@code time}'s list, or {@link #NONE}. */
    public int firstOf(long time) {
        int b = bucketOf(time);
        return b == NONE ? NONE : heads[b];
    }

    /** The slot after {@code slot} in its time's list, or {@link #NONE}. */
    public int next(int slot) {
        return next[slot];
    }

    /** The slot before {@code slot} in its time's list, or {@link #NONE}. */
    public int previous(int slot) {
        return prev[slot];
    }

    /** The key of the pair in {@code slot} (a {@link Long} key boxed here). */
    public Object key(int slot) {
        Object o = objKeys == null ? null : objKeys[slot];
        return o != null ? o : Long.valueOf(pairs[2 * slot + 1]);
    }

    /** Approximate bytes held: the hash table, the pairs and lists by slot, the times. */
    public long bytes() {
        return 64 + 4L * table.length + 16L * next.length + (objKeys == null ? 0 : 8L * objKeys.length)
                + 64L * bucketByTime.size();
    }

    /** An independent copy (the same pairs in the same slots). */
    public TimedKeySlots copy() {
        TimedKeySlots c = new TimedKeySlots();
        c.table = table.clone();
        c.mask = mask;
        c.size = size;
        c.pairs = pairs.clone();
        c.objKeys = objKeys == null ? null : objKeys.clone();
        c.next = next.clone();
        c.prev = prev.clone();
        c.bucketByTime = new Long2IntRBTreeMap(bucketByTime);
        c.bucketByTime.defaultReturnValue(NONE);
        c.bucketLookup = new Long2IntOpenHashMap(bucketLookup);
        c.bucketLookup.defaultReturnValue(NONE);
        c.heads = heads.clone();
        c.freeBuckets.addAll(freeBuckets);
        c.bucketsUsed = bucketsUsed;
        return c;
    }
}
