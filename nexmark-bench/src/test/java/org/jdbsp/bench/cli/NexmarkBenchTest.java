package org.jdbsp.bench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class NexmarkBenchTest {

    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void generateInReferenceModeIsAByteIdenticalPrefixOfTheGoldenFile() throws IOException {
        CliRun r = run("generate", "--rng", "reference", "--max-events", "5000");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertArrayEquals(goldenPrefix("events-default-200k.psv.gz", r.out().length), r.out());
        assertEquals(5000, r.outText().lines().count());
    }

    @Test
    void generateASplitInReferenceModeIsAPrefixOfTheGoldenSplitFile() throws IOException {
        CliRun r = run("generate", "--rng", "reference", "--split", "1/4", "--max-events", "2000");
        assertEquals(0, r.exitCode(), r.err());
        assertArrayEquals(goldenPrefix("events-split1of4-20k.psv.gz", r.out().length), r.out());
    }

    @Test
    void generateInPerEventModePrintsTheSameEventsForEveryThreadCount() {
        CliRun one = run("generate", "--max-events", "20000");
        assertEquals(0, one.exitCode(), one.err());
        assertEquals(20000, one.outText().lines().count());
        CliRun three = run("generate", "--max-events", "20000", "--num-event-generators", "3");
        assertArrayEquals(one.out(), three.out());
        CliRun other = run("generate", "--rng", "per-event", "--max-events", "20000", "--seed-events", "9");
        assertTrue(!new String(other.out(), StandardCharsets.US_ASCII).equals(one.outText()));
    }

    @Test
    void optionsReachTheConfiguration() {
        CliRun r = run("generate", "--rng", "reference", "--max-events", "3", "--base-time", "0",
            "--first-event-rate", "1000", "--first-event-id", "49");
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.outText().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("person|1001|"), lines[0]); // eventId 49 + 1 = 50: a person slot
        assertEquals("1", lines[0].split("\\|", -1)[7]); // event number 1 at 1 ms per event
        assertEquals(0, run("generate", "--max-events", "0").out().length);
    }

    @Test
    void badInputGivesOneLineOnStandardErrorAndExitCode2() {
        CliRun.assertUsageError("Unknown option: '--foo'", "generate", "--foo");
        CliRun.assertUsageError("'abc' is not a long", "generate", "--max-events", "abc");
        CliRun.assertUsageError("--max-events = -1 is invalid: must be >= 0", "generate", "--max-events", "-1");
        CliRun.assertUsageError("'4/4' is not INDEX/COUNT", "generate", "--split", "4/4");
        CliRun.assertUsageError("'x' is not INDEX/COUNT", "generate", "--split", "x");
        CliRun.assertUsageError("'fast' is not reference or per-event", "generate", "--rng", "fast");
        CliRun.assertUsageError("--num-event-generators = 0 is invalid: must be >= 1", "generate",
            "--num-event-generators", "0");
        CliRun.assertUsageError("firstEventRate = 0.0 is invalid: must be > 0 and finite", "generate",
            "--first-event-rate", "0");
        CliRun.assertUsageError("hotAuctionRatio = 0 is invalid: must be >= 1", "generate", "--hot-auction-ratio", "0");
        CliRun.assertUsageError("must equal the split count 4", "generate", "--rng", "reference", "--split", "1/4",
            "--num-event-generators", "2");
    }

    @Test
    void generateRefusesValuesInRangeThatCannotWork() {
        CliRun.assertUsageError("--num-event-generators = 2147483647 is invalid: must be between 1 and 1024",
            "generate", "--num-event-generators", "2147483647", "--max-events", "10");
        CliRun.assertUsageError("--avg-bid-byte-size = 2147483647 is invalid: must be <= 1048576", "generate",
            "--avg-bid-byte-size", "2147483647", "--max-events", "10");
        CliRun.assertUsageError("--base-time = 9223372036854775807 is invalid", "generate", "--base-time",
            "9223372036854775807", "--max-events", "12");
        // reference mode: --num-event-generators only scales the inter-event delay, no threads
        CliRun r = run("generate", "--rng", "reference", "--num-event-generators", "2147483647", "--max-events", "3");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(3, r.outText().lines().count());
        // the largest average size still works: generate shrinks its batches to the heap
        CliRun big = run("generate", "--avg-bid-byte-size", "1048576", "--max-events", "5");
        assertEquals(0, big.exitCode(), big.err());
        assertTrue(big.out().length > 1_000_000, "bids of about 1 MiB: " + big.out().length);
    }

    @Test
    void helpListsTheBenchmarkOptionsAndTheGenerateSubcommand() {
        CliRun help = run("--help");
        assertEquals(0, help.exitCode());
        for (String option : new String[] {"--query", "--max-events", "--cpu-cores", "--num-event-generators",
            "--input-batch-size", "--source-buffer-size", "--csv", "--results", "--q10-dir", "--no-progress",
            "--pregenerate", "--rng", "--split", "--avg-bid-byte-size", "--version", "generate"}) {
            assertTrue(help.outText().contains(option), option + " missing from --help:\n" + help.outText());
        }
        CliRun version = run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.outText().startsWith("nexmark-bench "), version.outText());
    }


    private static byte[] goldenPrefix(String name, int length) throws IOException {
        Path file = null;
        Path d = Paths.get("").toAbsolutePath();
        for (int up = 0; d != null && up < 4; up++, d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("nexmark-reference").resolve(name);
            if (Files.isRegularFile(candidate)) {
                file = candidate;
                break;
            }
        }
        assumeTrue(file != null, "golden file " + name + " not found in a shared/nexmark-reference/ beside the"
            + " repository root; skipping");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readNBytes(length);
        }
    }
}
