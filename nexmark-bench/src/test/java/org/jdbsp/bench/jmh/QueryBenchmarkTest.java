package org.jdbsp.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jdbsp.nexmark.queries.NexmarkQueries;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

class QueryBenchmarkTest {
    @Test
    void everyRegisteredQueryIsAParameterOfTheBenchmark() throws NoSuchFieldException {
        List<String> params = List.of(QueryBenchmark.class.getField("query").getAnnotation(Param.class).value());
        assertTrue(params.containsAll(NexmarkQueries.names()), params + " vs " + NexmarkQueries.names());
    }
}
