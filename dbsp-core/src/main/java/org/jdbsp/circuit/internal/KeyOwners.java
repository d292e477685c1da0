package org.jdbsp.circuit.internal;

import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.internal.ContractChecks;

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
     * before it is not hashed again, which saves most hashing in a sorted batch. In validation mode each key
     * is hashed twice and the two hashes must agree ({@link ContractChecks}). Valid until the next call.
     */
    int[] ofObjects(Object[] keys, int n, int workers) {
        int[] own = room(n);
        Object previous = null;
        int owner = 0;
        boolean validating = ContractChecks.active();
        for (int i = 0; i < n; i++) {
            Object k = keys[i];
            if (k != previous || i == 0) {
                if (validating) {
                    ContractChecks.checkHashRepeats(k, KeyHash.stableHash(k), KeyHash.stableHash(k), "hash placing it on a worker");
                }
                owner = KeyHash.ownerOf(k, workers);
                previous = k;
            }
            own[i] = owner;
        }
        return own;
    }

    /**
     * In validation mode, checks that every object key of {@code received}, which worker {@code me} of
     * {@code workers} received from an exchange by key, is owned by {@code me} when hashed again here: a key
     * whose hash changed since its sender placed it names the broken rule instead of silently missing its
     * partners on the right worker.
     */
    static void checkReceived(Batch received, int me, int workers) {
        if (received.objKeys == null || !ContractChecks.active()) {
            return;
        }
        for (int i = 0; i < received.size; i++) {
            Object k = received.objKeys[i];
            int owner = KeyHash.ownerOf(k, workers);
            if (owner != me) {
                throw ContractChecks.broken(k, null, "the key " + k + " was sent to worker " + me + " but its hash now"
                        + " places it on worker " + owner + ": its hashCode changed after it was sent; hashCode must"
                        + " be deterministic, and records immutable");
            }
        }
    }

    /** The reused array, with room for at least {@code n} owners (for callers computing owners themselves). */
    int[] room(int n) {
        if (owners.length < n) {
            owners = new int[Math.max(n, owners.length + (owners.length >> 1))];
        }
        return owners;
    }
}
