package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.jdbsp.nexmark.model.Auction;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.nexmark.model.Person;

/**
 * The reference event stream of the Flink suite's generator ({@code shared/nexmark-reference/}, beside the
 * repository), read from its PSV file in stream order; a test that needs it is skipped when it is absent.
 */
final class ReferenceEvents {
    private ReferenceEvents() {}

    /** The events of golden file {@code name} in file order; skips the calling test if the file is not found. */
    static List<Event> load(String name) {
        Path file = find(name);
        List<Event> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.US_ASCII), 1 << 16)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                events.add(parse(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        return events;
    }

    private static Path find(String name) {
        Path d = Paths.get("").toAbsolutePath();
        for (int up = 0; d != null && up < 4; up++, d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("nexmark-reference").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "reference file " + name + " not found in a shared/nexmark-reference/ beside the repository"
                + " (looked upwards from " + Paths.get("").toAbsolutePath() + "); skipping");
        throw new AssertionError("unreachable");
    }

    private static Event parse(String line) {
        String[] f = line.split("\\|", -1);
        return switch (f[0]) {
            case "person" -> new Person(Long.parseLong(f[1]), f[2], f[3], f[4], f[5], f[6], Long.parseLong(f[7]), f[8]);
            case "auction" -> new Auction(Long.parseLong(f[1]), f[2], f[3], Long.parseLong(f[4]), Long.parseLong(f[5]),
                    Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]), Long.parseLong(f[9]), f[10]);
            case "bid" -> new Bid(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), f[4], f[5],
                    Long.parseLong(f[6]), f[7]);
            default -> throw new IllegalArgumentException("not an event line of the reference format: " + line);
        };
    }
}
