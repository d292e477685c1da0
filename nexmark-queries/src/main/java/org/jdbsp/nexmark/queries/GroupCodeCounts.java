package org.jdbsp.nexmark.queries;

import java.util.Arrays;

import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Sums the weights of equal (channel, day, {@linkplain BandCodes code}) tuples within one batch of q16, in an
 * open-addressing table of parallel arrays, so that the batch is built from one tuple per distinct triple instead
 * of one per bid or member change (a step's bids fall into a few groups with many bids each, the hot channels).
 * Allocates per distinct triple, never per added tuple; one instance serves one batch of one thread.
 */
final class GroupCodeCounts {
    private String[] channels;
    private long[] days;
    private int[] codes;
    private long[] weights;
    private int size;
    /** Entry index + 1 per slot, 0 when free; a power of two, at most half full. */
    private int[] slots;

    /** An empty table with room for about {@code expected} triples before growing. */
    GroupCodeCounts(int expected) {
        int capacity = Math.max(4, expected);
        channels = new String[capacity];
        days = new long[capacity];
        codes = new int[capacity];
        weights = new long[capacity];
        slots = new int[Integer.highestOneBit(capacity * 2 - 1) * 2];
    }

    /** The number of distinct triples added. */
    int size() {
        return size;
    }

    /**
     * Adds {@code weight} to (channel, day, code).
     *
     * @throws ArithmeticException if the sum leaves the long range
     */
    void add(String channel, long day, int code, long weight) {
        int mask = slots.length - 1;
        int slot = hash(channel, day, code) & mask;
        for (int e; (e = slots[slot]) != 0; slot = (slot + 1) & mask) {
            int i = e - 1;
            if (codes[i] == code && days[i] == day && channels[i].equals(channel)) {
                weights[i] = Math.addExact(weights[i], weight);
                return;
            }
        }
        if (size == channels.length) {
            grow();
            add(channel, day, code, weight);
            return;
        }
        channels[size] = channel;
        days[size] = day;
        codes[size] = code;
        weights[size] = weight;
        slots[slot] = ++size;
    }

    /** Appends every triple of non-zero weight to {@code out} as {@code ((channel, day), code)}. */
    void addTo(BatchBuilder out) {
        for (int i = 0; i < size; i++) {
            if (weights[i] != 0) {
                out.add(new Q16.ChannelDay(channels[i], days[i]), BandCodes.code(codes[i]), weights[i]);
            }
        }
    }

    private static int hash(String channel, long day, int code) {
        long h = (channel.hashCode() * 0x9E37_79B9_7F4A_7C15L) ^ (day * 0xC2B2_AE3D_27D4_EB4FL) ^ code;
        h *= 0x9E37_79B9_7F4A_7C15L;
        return (int) (h >>> 32);
    }

    private void grow() {
        int capacity = channels.length * 2;
        channels = Arrays.copyOf(channels, capacity);
        days = Arrays.copyOf(days, capacity);
        codes = Arrays.copyOf(codes, capacity);
        weights = Arrays.copyOf(weights, capacity);
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int i = 0; i < size; i++) {
            int slot = hash(channels[i], days[i], codes[i]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i + 1;
        }
    }
}
