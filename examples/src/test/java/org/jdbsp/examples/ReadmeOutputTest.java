package org.jdbsp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The output the README quotes for each example is what the example prints: the README marks each such
 * block with {@code <!-- output of CLASS -->} on the line before its fence.
 */
class ReadmeOutputTest {
    private static String readme() throws IOException {
        String path = System.getProperty("jdbsp.readme", "../README.md");
        return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    }

    /** The lines of the fenced block that follows the marker of {@code example} in the README. */
    static String quotedOutput(String readme, String example) {
        String marker = "<!-- output of " + example + " -->";
        int at = readme.indexOf(marker);
        assertTrue(at >= 0, "the README has no block marked " + marker);
        int open = readme.indexOf("```", at + marker.length());
        int start = readme.indexOf('\n', open) + 1;
        int end = readme.indexOf("```", start);
        assertTrue(open >= 0 && start > 0 && end >= start, "no fenced block after " + marker);
        return readme.substring(start, end);
    }

    private static String printedBy(Consumer<String[]> main) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            main.accept(new String[0]);
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<String> lines(String text) {
        return text.strip().lines().map(String::stripTrailing).toList();
    }

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 2, 4})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shopReportPrintsWhatTheReadmeShowsOnAnyNumberOfWorkers(int workers) throws IOException {
        assertEquals(lines(quotedOutput(readme(), "ShopReport")),
                lines(printedBy(args -> ShopReport.main(new String[] {Integer.toString(workers)}))));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void quickstartPrintsWhatTheReadmeShows() throws IOException {
        assertEquals(lines(quotedOutput(readme(), "Quickstart")), lines(printedBy(Quickstart::main)));
    }

    @Test
    void aMissingMarkerIsReportedByName() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> quotedOutput("# no blocks here\n", "Nothing"));
        assertTrue(e.getMessage().contains("<!-- output of Nothing -->"), e.getMessage());
    }
}
