package org.jdbsp.operators.aggregate.internal;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;

/**
 * The running {@code (count, sum)} of the groups of a linear aggregate (count, sum, average), one slot per group
 * in one {@code long[]}: {@value #WORDS} words per slot, count high and low, sum high and low, as exact 128-bit
 * integers ({@link Int128}). The ordinary count/sum/average by key and the windowed count and sum keep their
 * groups here; they map their keys to slots themselves. Freed slots are reused; nothing is allocated per update.
 */
public final class LinearGroups {
    /** Longs per slot: count high and low word, sum high and low word. */
    public static final int WORDS = 4;

    private long[] words = new long[16 * WORDS];
    private int used;
    private final IntArrayList free = new IntArrayList();

    /** A new slot, every word zero. */
    public int allocate() {
        if (!free.isEmpty()) {
            return free.popInt();
        }
        if ((used + 1) * WORDS > words.length) {
            words = Arrays.copyOf(words, words.length * 2);
        }
        return used++;
    }

    /** Frees {@code slot} (zeroed, for reuse by {@link #allocate}). */
    public void release(int slot) {
        Arrays.fill(words, slot * WORDS, slot * WORDS + WORDS, 0);
        free.add(slot);
    }

    /** Adds {@code weight} to the count of {@code slot}. */
    public void addCount(int slot, long weight) {
        Int128.addLong(words, slot * WORDS, weight);
    }

    /** Adds {@code weight} to the count of {@code slot} and {@code weight * quantity} to its sum. */
    public void addWeighted(int slot, long weight, long quantity) {
        int i = slot * WORDS;
        Int128.addLong(words, i, weight);
        Int128.addProduct(words, i + 2, weight, quantity);
    }

    /** Copies the words of {@code slot} into {@code into[0..WORDS)}. */
    public void get(int slot, long[] into) {
        System.arraycopy(words, slot * WORDS, into, 0, WORDS);
    }

    /** Sets the words of {@code slot} from {@code from[0..WORDS)}. */
    public void set(int slot, long[] from) {
        System.arraycopy(from, 0, words, slot * WORDS, WORDS);
    }

    /** Word {@code w} (0: count high, 1: count low, 2: sum high, 3: sum low) of {@code slot}. */
    public long word(int slot, int w) {
        return words[slot * WORDS + w];
    }

    /** Whether the count and the sum of {@code slot} are both zero. */
    public boolean isZero(int slot) {
        int i = slot * WORDS;
        return (words[i] | words[i + 1] | words[i + 2] | words[i + 3]) == 0;
    }

    /** Slots ever allocated (live or free). */
    public int used() {
        return used;
    }

    /** Free slots. */
    public int freeSlots() {
        return free.size();
    }

    /** Approximate bytes held: the words and the free list. */
    public long bytes() {
        return 8L * words.length + 4L * free.size();
    }

    /** An independent copy. */
    public LinearGroups copy() {
        LinearGroups c = new LinearGroups();
        c.words = words.clone();
        c.used = used;
        c.free.addAll(free);
        return c;
    }

    /** Saves the free slots, then the slots' words as they are (the caller saves which key owns which slot). */
    public void write(StateWriter out) {
        out.writeInt(free.size());
        for (int i = 0; i < free.size(); i++) {
            out.writeInt(free.getInt(i));
        }
        out.writeInt(used);
        for (int i = 0; i < used * WORDS; i++) {
            out.writeLong(words[i]);
        }
    }

    /** Reads what {@link #write} saved. */
    public static LinearGroups read(StateReader in) {
        LinearGroups g = new LinearGroups();
        for (int n = in.readInt(); n > 0; n--) {
            g.free.add(in.readInt());
        }
        g.used = in.readInt();
        g.words = new long[Math.max(16, g.used) * WORDS];
        for (int i = 0; i < g.used * WORDS; i++) {
            g.words[i] = in.readLong();
        }
        return g;
    }

    /** A new slot of this table holding the words of slot {@code slot} of {@code other}. */
    public int copyFrom(LinearGroups other, int slot) {
        int mine = allocate();
        System.arraycopy(other.words, slot * WORDS, words, mine * WORDS, WORDS);
        return mine;
    }
}
