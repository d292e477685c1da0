package org.jdbsp.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jdbsp.bench.run.StopSignal;

/** The result of one in-process run of the command line, and the ways to start one. */
record CliRun(int exitCode, byte[] out, String err) {

    String outText() {
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Runs {@code args} with standard error not a terminal and 5 s between progress lines. */
    static CliRun run(String... args) {
        return run(new NexmarkBench.Environment(false, 5_000, new StopSignal()), args);
    }

    /** Runs {@code args} in {@code env}. */
    static CliRun run(NexmarkBench.Environment env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        return run(env, out, err, new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    /** Runs {@code args} in {@code env} with {@code errStream} writing into {@code err}. */
    static CliRun run(NexmarkBench.Environment env, ByteArrayOutputStream out, ByteArrayOutputStream err,
                      PrintStream errStream, String... args) {
        int code = NexmarkBench.run(new PrintStream(out, false, StandardCharsets.UTF_8), errStream, env, args);
        return new CliRun(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    /** Asserts that {@code args} fail with exit code 2, nothing on stdout, one line on stderr containing {@code expected}. */
    static void assertUsageError(String expected, String... args) {
        CliRun r = run(args);
        assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
        assertEquals(0, r.out().length);
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }
}
