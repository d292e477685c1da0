package org.jdbsp.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark in a child JVM, checkpointing every few steps, killed with SIGKILL ({@code destroyForcibly()}) at
 * seeded random moments: at a random time after its start, some time after its n-th checkpoint, or while it writes
 * a checkpoint (seen as a new temporary file, or a state file whose manifest is not there yet); then started again
 * with {@code --resume} (or afresh when no checkpoint was complete) until a run ends. Its results file must equal
 * that of a run never killed.
 *
 * <p>Each trial kills the run twice, the second time during a checkpoint write, and prints its seed and what it
 * did; {@code -Djdbsp.seed=N} re-runs that trial alone. The default run has {@value #TRIALS} trials;
 * {@code ./mvnw verify -Plong} runs {@value #LONG_TRIALS} and checks that some kills landed during a checkpoint
 * write (the kill follows the first sight of its files, so a short write may end before it).
 */
class CheckpointCrashTest {
    private static final int TRIALS = 2;
    private static final int LONG_TRIALS = 25;
    /** A query whose result changes if an event is pushed twice, and one with more state. */
    private static final List<String> QUERIES = List.of("q20", "q9");
    private static final String EVENTS = "6000";
    private static final String BATCH = "500";
    private static final long RUN_WAIT_S = 120;
    private static final Pattern MANIFEST = Pattern.compile("checkpoint-(\\d+)\\.manifest");
    private static final String SEED_PROPERTY = "jdbsp.seed";
    private static final Pattern STATE = Pattern.compile("state-(\\d+)\\.bin");

    @TempDir
    Path dir;

    private final Map<String, Path> expected = new HashMap<>();
    private final AtomicInteger trial = new AtomicInteger();
    private final AtomicInteger killsDuringAWrite = new AtomicInteger();

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void runsKilledAtRandomMomentsAndResumedEndWithTheResultsOfAnUninterruptedRun() throws Exception {
        Long fixed = Long.getLong(SEED_PROPERTY);
        boolean soak = Boolean.getBoolean("jdbsp.test.long");
        SplittableRandom seeds = new SplittableRandom();
        int trials = fixed != null ? 1 : soak ? LONG_TRIALS : TRIALS;
        for (int t = 0; t < trials; t++) {
            long seed = fixed != null ? fixed : seeds.nextLong();
            String name = "crash trial seed " + seed + " (re-run with -D" + SEED_PROPERTY + "=" + seed + ")";
            try {
                trial(name, new SplittableRandom(seed));
            } catch (AssertionError | RuntimeException e) {
                String message = String.valueOf(e.getMessage());
                throw new AssertionError(message.startsWith(name) ? message : name + ": " + message, e);
            }
        }
        if (soak && fixed == null) {
            assertTrue(killsDuringAWrite.get() > 0, "no kill of " + LONG_TRIALS + " trials landed during a"
                + " checkpoint write");
        }
    }

    private void trial(String name, SplittableRandom random) throws IOException, InterruptedException {
        String query = QUERIES.get(random.nextInt(QUERIES.size()));
        int workers = 1 + random.nextInt(2);
        int every = 1 + random.nextInt(3);
        int kills = 2;
        Path trialDir = Files.createDirectories(dir.resolve("trial-" + trial.incrementAndGet()));
        Path ck = trialDir.resolve("ck");
        Path checkpoints = ck.resolve(query).resolve("checkpoints");
        Path results = trialDir.resolve("results.txt");
        StringBuilder log = new StringBuilder(name + ": " + query + " on " + workers + " worker(s), a checkpoint every " + every
            + " step(s):");
        for (int k = 0; k < kills; k++) {
            Set<String> before = names(checkpoints);
            Process p = start(trialDir, query, workers, every, ck, results, hasCheckpoint(checkpoints));
            int mode = k == kills - 1 ? 2 : random.nextInt(3);
            String what;
            boolean killed;
            switch (mode) {
                case 0 -> {
                    long ms = random.nextLong(3_000);
                    what = "kill " + ms + " ms after the start";
                    killed = !p.waitFor(ms, TimeUnit.MILLISECONDS);
                }
                case 1 -> {
                    int n = 1 + random.nextInt(3);
                    long ms = random.nextLong(200);
                    what = "kill " + ms + " ms after checkpoint " + n + " of the run";
                    killed = await(p, () -> newManifests(checkpoints, before) >= n) && !p.waitFor(ms,
                        TimeUnit.MILLISECONDS);
                }
                default -> {
                    what = "kill during a checkpoint write after the first";
                    killed = await(p, () -> newManifests(checkpoints, before) >= 1 && torn(checkpoints, before));
                }
            }
            if (killed) {
                p.destroyForcibly();
                assertTrue(p.waitFor(RUN_WAIT_S, TimeUnit.SECONDS), "no exit after SIGKILL");
                boolean torn = torn(checkpoints, before);
                if (torn) {
                    killsDuringAWrite.incrementAndGet();
                }
                log.append(' ').append(what).append(torn ? " (a checkpoint was being written)" : "")
                    .append(hasCheckpoint(checkpoints) ? ";" : ", no complete checkpoint yet;");
            } else {
                assertTrue(p.waitFor(RUN_WAIT_S, TimeUnit.SECONDS), "the run did not end");
                assertEquals(0, p.exitValue(), Files.readString(trialDir.resolve("err.txt")));
                log.append(' ').append(what).append(": the run ended first;");
            }
        }
        System.err.println(log);
        Files.deleteIfExists(results);
        Process last = start(trialDir, query, workers, every, ck, results, hasCheckpoint(checkpoints));
        assertTrue(last.waitFor(RUN_WAIT_S, TimeUnit.SECONDS), "the last run did not end");
        String err = Files.readString(trialDir.resolve("err.txt"));
        assertEquals(0, last.exitValue(), err);
        assertEquals(-1, Files.mismatch(expected(query, workers), results), log + " then the results differ; " + err);
    }

    /** The results of a run never killed, without checkpoints. */
    private Path expected(String query, int workers) {
        return expected.computeIfAbsent(query + "-" + workers, key -> {
            Path file = dir.resolve("expected-" + key + ".txt");
            CliRun r = CliRun.run("--query", query, "--max-events", EVENTS, "--input-batch-size", BATCH,
                "--cpu-cores", Integer.toString(workers), "--no-progress", "--results", file.toString());
            assertEquals(0, r.exitCode(), r.err());
            return file;
        });
    }

    private static Process start(Path trialDir, String query, int workers, int every, Path ck, Path results,
                                 boolean resume) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
            NexmarkBench.class.getName(), "--query", query, "--max-events", EVENTS, "--input-batch-size", BATCH,
            "--cpu-cores", Integer.toString(workers), "--no-progress", "--results", results.toString(),
            "--checkpoint-dir", ck.toString(), "--checkpoint-interval-steps", Integer.toString(every)));
        if (resume) {
            command.add("--resume");
        }
        return new ProcessBuilder(command).redirectOutput(trialDir.resolve("out.txt").toFile())
            .redirectError(trialDir.resolve("err.txt").toFile()).start();
    }

    private interface Condition {
        boolean holds() throws IOException;
    }

    /** Waits until {@code condition} holds (true) or the process ends (false). */
    private static boolean await(Process p, Condition condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_WAIT_S);
        while (p.isAlive()) {
            if (condition.holds()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                fail("the run neither ended nor reached the moment to kill it within " + RUN_WAIT_S + " s");
            }
            Thread.sleep(1);
        }
        return false;
    }

    private static boolean hasCheckpoint(Path checkpoints) throws IOException {
        return names(checkpoints).stream().anyMatch(n -> MANIFEST.matcher(n).matches());
    }

    private static int newManifests(Path checkpoints, Set<String> before) throws IOException {
        int n = 0;
        for (String name : names(checkpoints)) {
            n += MANIFEST.matcher(name).matches() && !before.contains(name) ? 1 : 0;
        }
        return n;
    }

    /**
     * Whether files appeared, since {@code before}, of a checkpoint not complete: a temporary file, or a state
     * file of a checkpoint after the latest manifest.
     */
    private static boolean torn(Path checkpoints, Set<String> before) throws IOException {
        Set<String> now = names(checkpoints);
        long latest = -1;
        for (String name : now) {
            Matcher m = MANIFEST.matcher(name);
            if (m.matches()) {
                latest = Math.max(latest, Long.parseLong(m.group(1)));
            }
        }
        for (String name : now) {
            if (before.contains(name)) {
                continue;
            }
            Matcher m = STATE.matcher(fileName(name));
            if (name.endsWith(".tmp") || (m.matches() && Long.parseLong(m.group(1)) > latest)) {
                return true;
            }
        }
        return false;
    }

    private static String fileName(String relative) {
        return relative.substring(relative.lastIndexOf('/') + 1);
    }

    /** The files under {@code checkpoints}, relative to it ("worker-0/state-00000001.bin"). */
    private static Set<String> names(Path checkpoints) throws IOException {
        Set<String> names = new HashSet<>();
        if (!Files.isDirectory(checkpoints)) {
            return names;
        }
        try (Stream<Path> files = Files.walk(checkpoints)) {
            files.filter(Files::isRegularFile).forEach(f -> names.add(checkpoints.relativize(f).toString()));
        } catch (UncheckedIOException | IOException e) {
            // a file vanished while listed (deleted by the run): take the next look
        }
        return names;
    }
}
