package org.jdbsp.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code --profile}: each query's top operators by time and by state on standard error, the table unchanged. */
class ProfileOptionTest {
    @Test
    @Timeout(120)
    void profilePrintsTheTopOperatorsOfEachQueryOnStandardError() {
        CliRun r = CliRun.run("--query", "q4,q1", "--max-events", "3000", "--cpu-cores", "2", "--profile", "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        String err = r.err();
        int q4 = err.indexOf("q4 profile: ");
        int q1 = err.indexOf("q1 profile: ");
        assertTrue(q4 >= 0 && q1 > q4, err);
        String q4Profile = err.substring(q4, q1);
        assertTrue(q4Profile.contains("2 workers (summed)"), q4Profile);
        assertTrue(q4Profile.contains("  top 10 by time (of "), q4Profile);
        List<String> state = q4Profile.substring(q4Profile.indexOf("  top 10 by state")).lines().skip(1).toList();
        assertTrue(!state.isEmpty() && state.size() <= 10, q4Profile);
        assertTrue(state.stream().anyMatch(l -> l.contains("trace#")), q4Profile);
        List<String> time = q4Profile.substring(q4Profile.indexOf("  top 10 by time"), q4Profile.indexOf("  top 10 by state"))
            .lines().skip(1).toList();
        assertEquals(10, time.size(), q4Profile);
        assertTrue(time.get(0).trim().matches("\\d+\\.\\d%\\s+\\d+\\.\\d{3} s\\s+.*"), time.get(0));
        String q1Profile = err.substring(q1);
        // q1 has fewer than 10 operators: all of them are listed by time
        assertTrue(q1Profile.contains("q1 (map)"), q1Profile);
        assertTrue(q1Profile.contains("input 'events' (Bid)"), q1Profile);
        assertTrue(q1Profile.contains("(no operator holds state)") || q1Profile.contains("output#"), q1Profile);
        assertTrue(r.outText().startsWith("| Query"), r.outText());
        assertFalse(r.outText().contains("profile"), r.outText());
    }

    @Test
    @Timeout(120)
    void withoutTheOptionNoProfileIsPrinted() {
        CliRun r = CliRun.run("--query", "q1", "--max-events", "1000", "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.err().contains("profile"), r.err());
    }
}
