package org.jdbsp.circuit.internal;

/**
 * The owning worker of each tuple's key, by {@link KeyHash}, written into an array reused from one call to the
 * next (what an exchange needs to cut a batch, or a builder's raw tuples, into one part per worker).
 */
final class KeyOwners {
    private int[] owners = new int[16];

    /** The owners of {@code keys[0..n)} among {@code workers}; valid until the next call. */
    int[] ofLongs(long[] keys, int n, int workers) {
        int[] own = room(n);
        for (int i = 0; i < n; i++) {
            own[i] = KeyHash.ownerOfLong(keys[i], workers);
        }
        return own;
    }

    /**
     * The owners of {@code keys[0..n)} among {@code workers}; a key equal (the same reference) to the one
     * before it is not hashed again, which saves most hashing in a sorted batch. Valid until the next call.
     */
    int[] ofObjects(Object[] keys, int n, int workers) {
        int[] own = room(n);
        Object previous = null;
        int owner = 0;
        for (int i = 0; i < n; i++) {
            Object k = keys[i];
            if (k != previous || i == 0) {
                owner = KeyHash.ownerOf(k, workers);
                previous = k;
            }
            own[i] = owner;
        }
        return own;
    }

    /** The reused array, with room for at least {@code n} owners (for callers computing owners themselves). */
    int[] room(int n) {
        if (owners.length < n) {
            owners = new int[Math.max(n, owners.length + (owners.length >> 1))];
        }
        return owners;
    }
}
