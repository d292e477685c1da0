package org.jdbsp.operators.time.internal;

import java.util.HashMap;
import java.util.Map;
import org.jdbsp.circuit.spi.Workers;

/**
 * The total weight of records over every worker's part of a step's change (a collective: every worker must call
 * it in the same step). A record pushed and retracted in one step may sit on two workers with opposite weights;
 * its total, zero, is what one worker would have seen.
 */
final class WeightsAcrossWorkers {
    private WeightsAcrossWorkers() {}

    /** Sums {@code mine} (record to weight on this worker) with every other worker's map. */
    static Map<Object, Long> totals(Workers workers, Map<Object, Long> mine) {
        Map<Object, Long> total = new HashMap<>();
        for (Map<Object, Long> part : workers.gather(mine)) {
            addInto(total, part);
        }
        return total;
    }

    /** Adds the weights of {@code part} into {@code total}, record by record (overflow fails). */
    static void addInto(Map<Object, Long> total, Map<Object, Long> part) {
        part.forEach((record, w) -> total.merge(record, w, Math::addExact));
    }
}
