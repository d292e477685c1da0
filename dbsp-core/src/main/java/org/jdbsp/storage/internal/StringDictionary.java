package org.jdbsp.storage.internal;

import java.util.Arrays;
import java.util.function.ToIntFunction;
import org.jdbsp.codec.ByteSink;
import org.jdbsp.codec.internal.HashFilter;

/**
 * The table of a batch file's repeated strings, built while the file is written: the {@linkplain
 * ByteSink#stringTable string table} of the writer's sinks. A string of {@value #MIN_LENGTH} to
 * {@value #MAX_LENGTH} chars enters the table the second time it is seen (its hash is remembered in a
 * fixed, lossy array of recent sightings, so a string that never repeats costs one slot and no entry), and is
 * written as a reference from then on; the first sighting stays inline. Strings are hashed by their length and a
 * few sampled chars, so a long string that never repeats is not read whole. The table stops growing at
 * {@value #MAX_ENTRIES} entries or {@value #MAX_CHARS} chars. Allocates only when a string enters.
 *
 * <p>Two shortcuts that give the same indices as the plain lookup: a probe of the open-addressing table reads one
 * {@code long} slot holding both the entry's hash and its index (no second random read of the hashes), and the
 * string objects last found as the first {@value #RECENT} entries (the strings that repeat most tend to enter
 * first) are remembered by identity, so a string object met again and again (a few hot channel names, say) is
 * found by comparing references, without reading its chars.
 */
public final class StringDictionary implements ToIntFunction<String> {
    /** Shorter strings are cheaper inline than as a reference. */
    static final int MIN_LENGTH = 3;
    static final int MAX_LENGTH = 512;
    static final int MAX_ENTRIES = 1 << 16;
    static final int MAX_CHARS = 1 << 22;
    /** Chars a {@link #quickHash} reads at most: a string that never repeats is not hashed whole. */
    private static final int SAMPLES = 16;

    /** The first entries are remembered by the identity of the string object last found as each. */
    static final int RECENT = 16;

    private final int[] sightings = new int[1 << 16];
    /**
     * Open addressing over the entries: a slot holds the entry's hash in its high half and entry index + 1 in its
     * low half (0 empty); twice the entries at least.
     */
    private long[] slots = new long[1 << 8];
    /**
     * The entries' hashes: a string whose hash it does not hold is no entry, known without probing {@link #slots},
     * which saves a random read of a large array for most strings that never repeat.
     */
    private final HashFilter entryFilter = new HashFilter();
    /** Slot {@code e}: the string object last found as entry {@code e} (null until then), for the first entries. */
    private final String[] recentStrings = new String[RECENT];
    private int[] hashes = new int[64];
    private String[] strings = new String[64];
    private final ByteSink entries = new ByteSink(1024);
    private int[] ends = new int[65];
    private int count;
    private long chars;

    /**
     * A hash of the length and up to {@value #SAMPLES} chars spread over {@code s}, from the last: {@code h = 31 * h +
     * c} per char sampled, taken two chars at a time ({@code h = 961 * h + 31 * c + c'}, the same value) so that the
     * chain of multiplications is half as long.
     */
    static int quickHash(String s, int n) {
        int step = Math.max(1, n / SAMPLES);
        int h = n;
        int i = n - 1;
        for (; i - step >= 0; i -= 2 * step) {
            h = 961 * h + (31 * s.charAt(i) + s.charAt(i - step));
        }
        if (i >= 0) {
            h = 31 * h + s.charAt(i);
        }
        return h ^ (h >>> 15) * 0x2C1B3C6D;
    }

    /** The index of {@code s} in the table (entering it at its second sighting), or -1 to write it inline. */
    @Override
    public int applyAsInt(String s) {
        String[] recent = recentStrings;
        for (int r = 0; r < RECENT; r++) {
            if (recent[r] == s) {
                return r;
            }
        }
        int n = s.length();
        if (n < MIN_LENGTH || n > MAX_LENGTH) {
            return -1;
        }
        int h = quickHash(s, n);
        int mask = slots.length - 1;
        int p = entryFilter.mayContain(h) ? h & mask : -1;
        for (; p >= 0 && slots[p] != 0; p = (p + 1) & mask) {
            long slot = slots[p];
            if ((int) (slot >>> 32) == h) {
                int e = (int) slot - 1;
                if (strings[e].equals(s)) {
                    remember(s, e);
                    return e;
                }
            }
        }
        if (count == MAX_ENTRIES || chars + n > MAX_CHARS) {
            return -1;
        }
        int slot = (h ^ (h >>> 16)) & (sightings.length - 1);
        if (sightings[slot] != h) {
            sightings[slot] = h;
            return -1;
        }
        return enter(s, h);
    }

    /**
     * Remembers that string object {@code s} is entry {@code e} when {@code e} is one of the first {@value #RECENT}
     * entries: the strings that repeat most tend to enter first, and a fixed slot per entry costs no bookkeeping.
     */
    private void remember(String s, int e) {
        if (e < RECENT) {
            recentStrings[e] = s;
        }
    }

    private int enter(String s, int h) {
        if (count == strings.length) {
            strings = Arrays.copyOf(strings, count * 2);
            hashes = Arrays.copyOf(hashes, count * 2);
            ends = Arrays.copyOf(ends, count * 2 + 1);
        }
        strings[count] = s;
        hashes[count] = h;
        entryFilter.add(h);
        entries.writeString(s);
        ends[count + 1] = entries.size();
        chars += s.length();
        count++;
        if (2 * count > slots.length) {
            slots = new long[slots.length * 2];
            for (int e = 0; e < count; e++) {
                place(e);
            }
        } else {
            place(count - 1);
        }
        return count - 1;
    }

    private void place(int e) {
        int mask = slots.length - 1;
        int p = hashes[e] & mask;
        while (slots[p] != 0) {
            p = (p + 1) & mask;
        }
        slots[p] = (long) hashes[e] << 32 | (e + 1);
    }
    /** Number of entries. */
    public int size() {
        return count;
    }

    /**
     * Writes the table (layout in {@code org.jdbsp.storage.spi}'s package documentation): the entry count, the
     * {@code count + 1} ends of the entries, padding to 8, the entries (each as {@link ByteSink#writeString}
     * without a table), padding to 8.
     */
    public void writeTo(ByteSink s) {
        s.writeInt(count);
        for (int i = 0; i <= count; i++) {
            s.writeInt(ends[i]);
        }
        s.padTo(8);
        s.writeBytes(entries.contents().array(), 0, entries.size());
        s.padTo(8);
    }
}
