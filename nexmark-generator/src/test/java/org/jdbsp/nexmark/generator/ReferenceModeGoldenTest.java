package org.jdbsp.nexmark.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Reference mode reproduces the golden files of the reference generator line for line, and its hashes. */
class ReferenceModeGoldenTest {

    private static GeneratorConfig golden() {
        return GeneratorConfig.builder().rngMode(RngMode.REFERENCE).build();
    }

    @Test
    void first200kEventsEqualTheGoldenFileLineForLine() throws IOException {
        try (BufferedReader golden = GoldenFiles.open("events-default-200k.psv.gz")) {
            assertMatches(golden, NexmarkGenerator.create(golden().toBuilder().maxEvents(200_000).build()),
                200_000);
        }
    }

    @Test
    void split1Of4EqualsTheGoldenFileLineForLine() throws IOException {
        try (BufferedReader golden = GoldenFiles.open("events-split1of4-20k.psv.gz")) {
            GeneratorConfig split = golden().split(1, 4);
            assertEquals(92_233_720_368_548L, split.firstEventId());
            assertEquals(400.0, split.interEventDelayUs());
            assertMatches(golden, NexmarkGenerator.create(split.toBuilder().maxEvents(20_000).build()), 20_000);
        }
    }

    @Test
    void firstMillionEventsHashAsTheReference() throws NoSuchAlgorithmException {
        GoldenFiles.dir(); // the hash is from the golden README: skip with it
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
            PsvWriter w = new PsvWriter(out);
            NexmarkGenerator gen = NexmarkGenerator.create(golden().toBuilder().maxEvents(1_000_000).build());
            while (gen.hasNext()) {
                w.write(gen.next());
            }
            w.flush();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals("22050dd7f8c681ab1074652a1dafa206958c7514e1d4921b67cea52a704b936d",
            HexFormat.of().formatHex(sha.digest()));
    }

    private static void assertMatches(BufferedReader golden, NexmarkGenerator gen, int events) throws IOException {
        for (int i = 0; i < events; i++) {
            String expected = golden.readLine();
            String actual = PsvWriter.format(gen.next());
            if (!actual.equals(expected)) {
                assertEquals(expected, actual, "line " + (i + 1) + " differs");
            }
        }
        assertNull(golden.readLine(), "the golden file has more lines");
    }
}
