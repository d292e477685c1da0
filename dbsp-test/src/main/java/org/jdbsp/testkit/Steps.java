package org.jdbsp.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * Cutting a list of changes into steps: an incremental operator must give the same integral whether its
 * input comes one change per step, a few per step or all at once.
 */
public final class Steps {
    /** The step sizes a differential test runs with: 1, 7 and {@link #ALL} (all at once). */
    public static final List<Integer> SIZES = List.of(1, 7, Steps.ALL);

    /** The step size meaning "every change in one step". */
    public static final int ALL = Integer.MAX_VALUE;

    private Steps() {}

    /** {@code changes} cut into consecutive steps of {@code size} (the last may be shorter); one empty step for no changes. */
    public static <E> List<List<E>> split(List<E> changes, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("step size " + size + " < 1");
        }
        List<List<E>> out = new ArrayList<>();
        for (long i = 0; i < changes.size(); i += size) {
            out.add(changes.subList((int) i, (int) Math.min(changes.size(), i + size)));
        }
        if (out.isEmpty()) {
            out.add(List.of());
        }
        return out;
    }

    /** A step size as text: "steps of 7", or "all at once" for {@link #ALL}. */
    public static String describe(int size) {
        return size == ALL ? "all at once" : "steps of " + size;
    }
}
