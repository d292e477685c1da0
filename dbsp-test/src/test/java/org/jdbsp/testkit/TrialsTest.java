package org.jdbsp.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class TrialsTest {
    private final PrintStream err = System.err;

    @AfterEach
    void restore() {
        System.setErr(err);
        System.clearProperty(Trials.SEED_PROPERTY);
    }

    private static String captured(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8);
    }

    private ByteArrayOutputStream captureErr() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out;
    }

    @Test
    void passingTrialsRunWithDifferentSeedsAndPrintNothing() {
        ByteArrayOutputStream out = captureErr();
        List<Long> draws = new ArrayList<>();
        Trials.run("draws", 5, r -> draws.add(r.nextLong()));
        assertEquals(5, draws.stream().distinct().count());
        assertEquals("", captured(out));
    }

    @Test
    void aFailureNamesItsSeedAndTheSeedPropertyReplaysIt() {
        ByteArrayOutputStream out = captureErr();
        List<Long> draws = new ArrayList<>();
        AssertionError e = assertThrows(AssertionError.class, () -> Trials.run("odd draws", 50, r -> {
            long x = r.nextLong();
            draws.add(x);
            if (x % 2 == 0) {
                throw new IllegalStateException("drew " + x);
            }
        }));
        Matcher m = Pattern.compile("odd draws failed with seed (-?\\d+) \\(re-run with -Djdbsp.seed=\\1\\): drew (-?\\d+)").matcher(e.getMessage());
        assertTrue(m.matches(), e.getMessage());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals(e.getMessage() + System.lineSeparator(), captured(out));

        System.setProperty(Trials.SEED_PROPERTY, m.group(1));
        List<Long> replay = new ArrayList<>();
        assertThrows(AssertionError.class, () -> Trials.run("odd draws", 50, r -> {
            replay.add(r.nextLong());
            throw new IllegalStateException("again");
        }));
        assertEquals(List.of(Long.parseLong(m.group(2))), replay, "the seed property runs exactly the failed trial");
    }

    @Test
    void aZSetFailureKeepsItsExpectedAndActualValues() {
        captureErr();
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Trials.run("sets", 1,
                r -> ZSetAssertions.assertZSetEquals(ZSets.of("a", 1), ZSets.of("b", 1))));
        assertEquals("a x1\n", e.getExpected().getValue());
        assertEquals("b x1\n", e.getActual().getValue());
        assertTrue(e.getMessage().contains("missing: a x1"), e.getMessage());
    }

    @Test
    void aSeedPropertyThatIsNotALongIsRefused() {
        System.setProperty(Trials.SEED_PROPERTY, "abc");
        assertEquals("-Djdbsp.seed=abc is not a long",
                assertThrows(IllegalArgumentException.class, () -> Trials.run("x", 1, r -> {})).getMessage());
    }
}
