package org.jdbsp.circuit.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the workers sent one worker in one round of an exchange: the parts by sender, and the list of the
 * senders that sent one, so that the receiver reads only what it was sent (not one slot per worker).
 * Senders post before they arrive at the round's meeting; the receiver takes after the meeting, before it
 * arrives at the next one, which is what makes the plain writes visible and the inbox free for reuse two
 * rounds later (see {@link WorkerGroup}).
 */
final class Inbox {
    private static final Object[] NOTHING = new Object[0];

    private final Object[] parts;
    private final int[] senders;
    private final AtomicInteger count = new AtomicInteger();

    /** An empty inbox for a group of {@code workers}. */
    Inbox(int workers) {
        this.parts = new Object[workers];
        this.senders = new int[workers];
    }

    /** Posts worker {@code sender}'s {@code part} (not null; at most one per sender and round). */
    void post(int sender, Object part) {
        if (part == null) {
            throw new IllegalArgumentException("worker " + sender + " sent nothing (null) in an exchange");
        }
        if (parts[sender] != null) {
            throw new IllegalStateException("worker " + sender + " sent twice to one worker in one round of an exchange");
        }
        parts[sender] = part;
        senders[count.getAndIncrement()] = sender;
    }

    /** The number of parts posted (what {@link #take()} returns), read without taking them. */
    int size() {
        return count.get();
    }

    /** Every part posted, in sender order, and empties the inbox. */
    Object[] take() {
        int n = count.get();
        if (n == 0) {
            return NOTHING;
        }
        if (n > 1) {
            Arrays.sort(senders, 0, n);
        }
        Object[] out = new Object[n];
        for (int k = 0; k < n; k++) {
            int s = senders[k];
            out[k] = parts[s];
            parts[s] = null;
        }
        count.set(0);
        return out;
    }
}
