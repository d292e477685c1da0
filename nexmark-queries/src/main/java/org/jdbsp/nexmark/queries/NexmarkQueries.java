package org.jdbsp.nexmark.queries;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of Nexmark queries, by name ({@code q0} .. {@code q22}).
 */
public final class NexmarkQueries {
    private static final Map<String, NexmarkQuery<?>> BY_NAME = new LinkedHashMap<>();

    static {
        // One line per query, in query-number order.
        register(new Q0());
        register(new Q1());
        register(new Q2());
        register(new Q3());
        register(new Q4());
        register(new Q5());
        register(new Q6());
        register(new Q7());
        register(new Q8());
        register(new Q9());
        register(new Q10());
        register(new Q11());
        register(new Q12());
        register(new Q13());
        register(new Q14());
        register(new Q15());
        register(new Q16());
        register(new Q17());
        register(new Q18());
        register(new Q19());
        register(new Q20());
        register(new Q21());
        register(new Q22());
    }

    private NexmarkQueries() {}

    private static void register(NexmarkQuery<?> query) {
        if (BY_NAME.put(query.name(), query) != null) {
            throw new IllegalStateException("query registered twice: " + query.name());
        }
    }

    /** Every query, in query-number order. */
    public static List<NexmarkQuery<?>> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The names of every query, in query-number order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /**
     * The query called {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the valid queries, if there is none of that name
     */
    public static NexmarkQuery<?> byName(String name) {
        NexmarkQuery<?> q = name == null ? null : BY_NAME.get(name.trim().toLowerCase(java.util.Locale.ROOT));
        if (q == null) {
            throw new IllegalArgumentException("unknown query '" + name + "'; valid queries: " + String.join(", ", names()));
        }
        return q;
    }
}
