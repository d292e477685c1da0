package org.jdbsp.storage.internal;

import java.util.Arrays;
import java.util.function.ToIntFunction;
import org.jdbsp.codec.ByteSink;

/**
 * The table of a batch file's repeated strings, built while the file is written: the {@linkplain
 * ByteSink#stringTable string table} of the writer's sinks. A string of {@value #MIN_LENGTH} to
 * {@value #MAX_LENGTH} chars enters the table the second time it is seen (its hash is remembered in a
 * fixed, lossy array of recent sightings, so a string that never repeats costs one slot and no entry), and is
 * written as a reference from then on; the first sighting stays inline. Strings are hashed by their length and a
 * few sampled chars, so a long string that never repeats is not read whole. The table stops growing at
 * {@value #MAX_ENTRIES} entries or {@value #MAX_CHARS} chars. Allocates only when a string enters.
 */
public final class StringDictionary implements ToIntFunction<String> {
    /** Shorter strings are cheaper inline than as a reference. */
    static final int MIN_LENGTH = 3;
    static final int MAX_LENGTH = 512;
    static final int MAX_ENTRIES = 1 << 16;
    static final int MAX_CHARS = 1 << 22;
    /** Chars a {@link #quickHash} reads at most: a string that never repeats is not hashed whole. */
    private static final int SAMPLES = 16;

    private final int[] sightings = new int[1 << 16];
    /** Open addressing over the entries: slot holds entry index + 1 (0 empty); twice the entries at least. */
    private int[] slots = new int[1 << 8];
    private int[] hashes = new int[64];
    private String[] strings = new String[64];
    private final ByteSink entries = new ByteSink(1024);
    private int[] ends = new int[65];
    private int count;
    private long chars;

    /** A hash of the length and up to {@value #SAMPLES} chars spread over {@code s}. */
    private static int quickHash(String s, int n) {
        int step = Math.max(1, n / SAMPLES);
        int h = n;
        for (int i = n - 1; i >= 0; i -= step) {
            h = 31 * h + s.charAt(i);
        }
        return h ^ (h >>> 15) * 0x2C1B3C6D;
    }

    /** The index of {@code s} in the table (entering it at its second sighting), or -1 to write it inline. */
    @Override
    public int applyAsInt(String s) {
        int n = s.length();
        if (n < MIN_LENGTH || n > MAX_LENGTH) {
            return -1;
        }
        int h = quickHash(s, n);
        int mask = slots.length - 1;
        for (int p = h & mask; slots[p] != 0; p = (p + 1) & mask) {
            int e = slots[p] - 1;
            if (hashes[e] == h && strings[e].equals(s)) {
                return e;
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

    private int enter(String s, int h) {
        if (count == strings.length) {
            strings = Arrays.copyOf(strings, count * 2);
            hashes = Arrays.copyOf(hashes, count * 2);
            ends = Arrays.copyOf(ends, count * 2 + 1);
        }
        strings[count] = s;
        hashes[count] = h;
        entries.writeString(s);
        ends[count + 1] = entries.size();
        chars += s.length();
        count++;
        if (2 * count > slots.length) {
            slots = new int[slots.length * 2];
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
        slots[p] = e + 1;
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
