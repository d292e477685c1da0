package org.jdbsp.circuit;

/**
 * What one operator did over the steps a {@link CircuitMetrics} covers, summed over the workers (or for one
 * worker, in {@link CircuitMetrics#worker(int)}).
 *
 * <p>Counted once per operator per step, never per record: {@code tuplesIn} is the sum of the sizes of the
 * batches on its inputs (0 for inputs and tables, which read no stream), {@code tuplesOut} the sum of the sizes
 * of the batches it produced (consolidated tuples, whatever their weights; 0 for outputs and other sinks), and
 * {@code nanos} the wall-clock time of its runs, from one {@link System#nanoTime()} reading to the next (for an
 * exchange, including the wait for the other workers; for a strict operator, both its output and its input
 * phase; for a recursive operator, its own time without its body's operators, which are listed after it).
 *
 * <p>{@code stateTuples} and {@code stateBytes} are the state it holds at the end of the last step covered, as
 * the operator reports it ({@code Operator.stateTuples()}, {@code Operator.stateBytes()}): for an integral trace
 * (the state of joins, distinct, top-k and the like) the tuples stored in its batches and the bytes of their
 * arrays, not counting the objects the arrays point to (an estimate, from the array lengths); for an
 * aggregate, the groups it keeps and an estimate of their size; for an output, its integral.
 *
 * @param id          {@code #n} for an operator of the circuit, {@code #n/#m} for operator {@code m} of the body
 *                    of recursive operator {@code n} (see {@link CircuitHandle#describe()})
 * @param kind        the operator's kind ({@code join}, {@code map}, ...)
 * @param name        its name as errors show it: the user's ({@code input 'orders'}, a stream's {@code named(...)})
 *                    or {@code kind#n}; a body's operators are prefixed with their recursive operator's name and
 *                    {@code /}
 * @param tuplesIn    tuples read
 * @param tuplesOut   tuples produced
 * @param nanos       nanoseconds spent
 * @param stateTuples tuples of state held
 * @param stateBytes  approximate bytes of state held
 */
public record OperatorMetrics(String id, String kind, String name, long tuplesIn, long tuplesOut, long nanos,
        long stateTuples, long stateBytes) {

    /** The sum of this and {@code other} (the same operator on another worker). */
    OperatorMetrics plus(OperatorMetrics other) {
        return new OperatorMetrics(id, kind, name, tuplesIn + other.tuplesIn, tuplesOut + other.tuplesOut,
                nanos + other.nanos, stateTuples + other.stateTuples, stateBytes + other.stateBytes);
    }

    /** This operator's counts since {@code earlier} (its state stays this one's). */
    OperatorMetrics since(OperatorMetrics earlier) {
        return new OperatorMetrics(id, kind, name, tuplesIn - earlier.tuplesIn, tuplesOut - earlier.tuplesOut,
                nanos - earlier.nanos, stateTuples, stateBytes);
    }
}
