package org.jdbsp.bench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbsp.nexmark.queries.NexmarkQueries;
import org.jdbsp.nexmark.queries.NexmarkQuery;

/**
 * Parses {@code --query}: {@code all}, one query name, or a comma-separated list of names, run in the order given (a
 * name may repeat, e.g. to see a second, warmer run).
 */
final class QuerySelection {
    private QuerySelection() {}

    /**
     * The queries {@code spec} names.
     *
     * @throws IllegalArgumentException for an unknown name (listing the valid ones) or an empty one
     */
    static List<NexmarkQuery<?>> parse(String spec) {
        String trimmed = spec.trim();
        if (trimmed.equalsIgnoreCase("all")) {
            return NexmarkQueries.all();
        }
        List<NexmarkQuery<?>> queries = new ArrayList<>();
        for (String name : trimmed.split(",", -1)) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (n.isEmpty()) {
                throw new IllegalArgumentException("--query '" + spec + "' has an empty name; valid queries: all, "
                    + String.join(", ", NexmarkQueries.names()));
            }
            if (n.equals("all")) {
                throw new IllegalArgumentException("--query '" + spec + "': 'all' cannot be part of a list");
            }
            NexmarkQuery<?> q;
            try {
                q = NexmarkQueries.byName(n);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--query: " + e.getMessage(), e);
            }
            queries.add(q);
        }
        return queries;
    }
}
