package org.jdbsp.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ResultsFilesTest {
    @Test
    void oneQueryWritesTheFileItself() {
        assertEquals(Path.of("dir/out.txt"), ResultsFiles.of(Path.of("dir/out.txt"), "q5", false));
    }

    @Test
    void severalQueriesInsertTheQueryNameBeforeTheExtension() {
        assertEquals(Path.of("dir/out-q5.txt"), ResultsFiles.of(Path.of("dir/out.txt"), "q5", true));
        assertEquals(Path.of("out.tar-q5.gz"), ResultsFiles.of(Path.of("out.tar.gz"), "q5", true));
        assertEquals(Path.of("dir.d/out-q12"), ResultsFiles.of(Path.of("dir.d/out"), "q12", true));
        assertEquals(Path.of(".results-q0"), ResultsFiles.of(Path.of(".results"), "q0", true));
    }

    @Test
    void pregeneratedEventsAreEstimatedFromTheirAverageSize() {
        var defaults = org.jdbsp.nexmark.generator.GeneratorConfig.defaults();
        assertEquals(Pregenerator.BYTES_PER_EVENT * 1_000, Pregenerator.estimateBytes(defaults, 1_000));
        var bigBids = defaults.toBuilder().avgBidByteSize(1_000).build();
        assertEquals(true, Pregenerator.estimateBytes(bigBids, 1_000) > 5 * Pregenerator.BYTES_PER_EVENT * 1_000);
    }
}
