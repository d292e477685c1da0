package org.jdbsp.circuit;

import java.nio.file.Path;
import java.util.Objects;
import org.jdbsp.codec.Codecs;

/**
 * Settings of a circuit, validated when the configuration is made.
 *
 * @param maxRecursionIterations the most iterations a recursive circuit may take in one step before it is
 *                               declared divergent (at least 1)
 * @param workers                the number of worker threads running the circuit (1 to {@link #MAX_WORKERS}): with 1 the
 *                               circuit runs on the thread calling {@link CircuitHandle#step()}; with W &gt; 1
 *                               it runs on that thread plus W - 1 worker threads, each owning the state of
 *                               one shard of the keys (see the package documentation)
 * @param name                   the circuit's name, used in the names of its worker threads
 *                               ({@code jdbsp-worker-<name>-<index>}); not blank
 * @param validation             whether every step checks that user types keep their contract (off by default;
 *                               see {@link #withValidation})
 * @param storage                the directory where the circuit keeps its files (state written to disk,
 *                               checkpoints), or null for none (the default; see {@link #withStorage})
 * @param codecs                 how records become bytes in those files: derived codecs plus those registered
 *                               (see {@link #withCodecs})
 */
public record CircuitConfig(int maxRecursionIterations, int workers, String name, boolean validation, Path storage,
        Codecs codecs) {
    /**
     * The most workers a circuit may have: 256. Each worker is a thread, and the workers meet several times per
     * step (at every exchange), each meeting costing every worker work in proportion to W (it cuts its batch
     * into W parts and reads W slots) and needing all W threads to run; beyond the machine's cores more workers
     * only add waiting (on 2 cores an empty Nexmark q4 step takes about 1 ms with 16 workers, 160 ms with 256
     * and over a second with 1,000). 256 leaves room for large machines.
     */
    public static final int MAX_WORKERS = 256;

    /** Validates the settings. */
    public CircuitConfig {
        if (maxRecursionIterations < 1) {
            throw new IllegalArgumentException("maxRecursionIterations = " + maxRecursionIterations + " is invalid: must be >= 1");
        }
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers = " + workers + " is invalid: must be between 1 and " + MAX_WORKERS
                    + " (CircuitConfig.MAX_WORKERS; more workers than cores only add waiting)");
        }
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the circuit name must not be blank");
        }
        Objects.requireNonNull(codecs, "codecs");
    }

    /**
     * The defaults: one worker, recursion may iterate up to 1,000,000 times per step, name "circuit", no
     * validation, no storage, the derived codecs.
     */
    public static CircuitConfig defaults() {
        return new CircuitConfig(1_000_000, 1, "circuit", false, null, Codecs.defaults());
    }

    /** A copy with another iteration limit. */
    public CircuitConfig withMaxRecursionIterations(int n) {
        return new CircuitConfig(n, workers, name, validation, storage, codecs);
    }

    /** A copy running on {@code n} workers (at least 1). */
    public CircuitConfig withWorkers(int n) {
        return new CircuitConfig(maxRecursionIterations, n, name, validation, storage, codecs);
    }

    /** A copy with another name. */
    public CircuitConfig withName(String newName) {
        return new CircuitConfig(maxRecursionIterations, workers, newName, validation, storage, codecs);
    }

    /**
     * A copy in validation mode ({@code true}) or not: every step then checks that the records it handles keep the
     * contract of user types (see {@link ZSetInput}), and fails with a
     * {@link CircuitException} naming the type, the two records and the rule broken, where a broken contract
     * otherwise gives wrong results that may differ with the number of workers. It checks: that each record's
     * {@code hashCode} is the same when asked twice, in every batch made and, hashed for an exchange, twice before
     * it is sent and once more where it arrives; that records the order calls equal are {@code equals} and hash
     * alike; and that neighbours in a sorted batch that the order tells apart are not {@code equals} (an order
     * finer than equals). Equal records that never meet in one batch, or meet apart, escape it. It costs two hash
     * codes per record of every batch consolidated, and one comparison and one {@code equals} per record of every
     * batch made (also when traces merge); off, it costs nothing per record. Meant for tests.
     */
    public CircuitConfig withValidation(boolean on) {
        return new CircuitConfig(maxRecursionIterations, workers, name, on, storage, codecs);
    }

    /**
     * A copy that keeps its files in {@code directory} (it must exist and be writable when the circuit is
     * built), or none when {@code directory} is null.
     */
    public CircuitConfig withStorage(Path directory) {
        return new CircuitConfig(maxRecursionIterations, workers, name, validation, directory, codecs);
    }

    /** A copy encoding records with {@code registry} (see {@link Codecs#with} to register a codec for a type). */
    public CircuitConfig withCodecs(Codecs registry) {
        return new CircuitConfig(maxRecursionIterations, workers, name, validation, storage, registry);
    }
}
