package org.jdbsp.operators.aggregate;

/**
 * The change of one group's running {@code (count, sum)} made by one worker's part of a step: what a worker
 * sends to the group's owner instead of every tuple of the group, when count, sum and average are
 * pre-aggregated before the exchange ({@link LinearPartialOperator}).
 */
record LinearPartial(long count, long sum) implements Comparable<LinearPartial> {
    @Override
    public int compareTo(LinearPartial o) {
        int c = Long.compare(count, o.count);
        return c != 0 ? c : Long.compare(sum, o.sum);
    }
}
