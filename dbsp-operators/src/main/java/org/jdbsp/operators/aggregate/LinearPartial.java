package org.jdbsp.operators.aggregate;

/**
 * The change of one group's running {@code (count, sum)} made by one worker's part of a step: what a worker
 * sends to the group's owner instead of every tuple of the group, when count, sum and average are
 * pre-aggregated before the exchange ({@link LinearPartialOperator}). Both are 128-bit (high and low word,
 * see {@link org.jdbsp.operators.aggregate.internal.Int128}), so a partial never overflows where the group's
 * total does not.
 */
record LinearPartial(long countHigh, long countLow, long sumHigh, long sumLow) implements Comparable<LinearPartial> {
    @Override
    public int compareTo(LinearPartial o) {
        int c = Long.compare(countHigh, o.countHigh);
        c = c != 0 ? c : Long.compare(countLow, o.countLow);
        c = c != 0 ? c : Long.compare(sumHigh, o.sumHigh);
        return c != 0 ? c : Long.compare(sumLow, o.sumLow);
    }
}
