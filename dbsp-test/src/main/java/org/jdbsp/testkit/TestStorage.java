package org.jdbsp.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jdbsp.circuit.CircuitConfig;

/**
 * Runs the test kit's circuits with storage forced: every trace batch written to a file (spill threshold 0),
 * to check that a circuit gives the same results with its state in files as on the heap.
 *
 * <p>On when the system property {@value #PROPERTY} is {@code force} (for a whole test suite, e.g. Maven's
 * {@code -Pstorage-forced} profile), or for the current thread after {@link #force(boolean) force(true)} (for
 * one test class). Then {@link WorkerCounts#config} gives every configuration storage, and a
 * {@link CircuitTestDriver} on several worker counts keeps its first circuit on the heap as the reference the
 * others (with storage) must equal. Files go to one temporary directory per JVM, deleted when it exits.
 */
public final class TestStorage {
    /** The system property that forces storage for a whole run: {@code -Djdbsp.test.storage=force}. */
    public static final String PROPERTY = "jdbsp.test.storage";

    private static final ThreadLocal<Boolean> FORCED_HERE = new ThreadLocal<>();
    private static Path dir;

    private TestStorage() {}

    /** Forces storage for circuits configured on this thread from now on ({@code true}), or stops ({@code false}). */
    public static void force(boolean on) {
        if (on) {
            FORCED_HERE.set(Boolean.TRUE);
        } else {
            FORCED_HERE.remove();
        }
    }

    /** Whether storage is forced (by the system property or on this thread). */
    public static boolean forced() {
        return FORCED_HERE.get() != null || "force".equals(System.getProperty(PROPERTY));
    }

    /**
     * {@code config} with storage in the JVM's test storage directory and every batch spilled, when forced; else as
     * is. Its codecs are kept: a test whose records need registered codecs gives them in its base configuration.
     */
    public static CircuitConfig apply(CircuitConfig config) {
        if (!forced() || config.storage() != null) {
            return config;
        }
        return config.withStorage(directory()).withSpillThreshold(0);
    }

    /** The JVM's test storage directory (made on first use, deleted at exit). */
    public static synchronized Path directory() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("jdbsp-test-storage");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path d = dir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(d), "jdbsp-test-storage-cleanup"));
        }
        return dir;
    }

    private static void deleteTree(Path d) {
        try (Stream<Path> s = Files.walk(d)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at exit
        }
    }
}
