package org.jdbsp.nexmark.generator;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.GZIPInputStream;

/** Locates the golden files of {@code shared/nexmark-reference/} next to the repository, or skips the test. */
final class GoldenFiles {

    private GoldenFiles() {
    }

    /** The golden directory, found by walking up from the working directory; skips the test when absent. */
    static Path dir() {
        Path d = Paths.get("").toAbsolutePath();
        for (int up = 0; d != null && up < 4; up++, d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("nexmark-reference");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "golden data not found: no shared/nexmark-reference/ beside the repository root"
            + " (looked upwards from " + Paths.get("").toAbsolutePath() + "); skipping");
        throw new AssertionError("unreachable");
    }

    /** A reader of a gzipped golden file; skips the test when the file is absent. */
    static BufferedReader open(String name) throws IOException {
        Path file = dir().resolve(name);
        assumeTrue(Files.isRegularFile(file), "golden file " + file + " not found; skipping");
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
            StandardCharsets.ISO_8859_1), 1 << 16);
    }
}
