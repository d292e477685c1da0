package org.jdbsp.circuit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * An immutable snapshot of what a circuit's operators did: per operator, the tuples read and produced and the
 * time spent over the steps it covers, and the state held at its end (see {@link OperatorMetrics} for how each
 * is counted). {@link CircuitHandle#metrics()} covers every step since the circuit was built; the listener of
 * {@link CircuitHandle#onStep} receives one step's.
 *
 * <p>{@link #operators()} sums each operator over the workers, in the order of {@link CircuitHandle#describe()}
 * (schedule order; a recursive body's operators right after their recursive operator); {@link #worker(int)}
 * gives one worker's.
 */
public final class CircuitMetrics {
    private final long firstStep;
    private final long lastStep;
    private final List<List<OperatorMetrics>> perWorker;
    private final List<OperatorMetrics> operators;

    CircuitMetrics(long firstStep, long lastStep, List<List<OperatorMetrics>> perWorker) {
        this.firstStep = firstStep;
        this.lastStep = lastStep;
        List<List<OperatorMetrics>> copy = new ArrayList<>(perWorker.size());
        for (List<OperatorMetrics> w : perWorker) {
            copy.add(List.copyOf(w));
        }
        this.perWorker = List.copyOf(copy);
        List<OperatorMetrics> sum = new ArrayList<>(this.perWorker.get(0));
        for (int w = 1; w < this.perWorker.size(); w++) {
            List<OperatorMetrics> other = this.perWorker.get(w);
            for (int i = 0; i < sum.size(); i++) {
                sum.set(i, sum.get(i).plus(other.get(i)));
            }
        }
        this.operators = List.copyOf(sum);
    }

    /** The first step covered (1 for the first step of the circuit); {@code lastStep() + 1} when none is. */
    public long firstStep() {
        return firstStep;
    }

    /** The last step covered (0 when no step has run). */
    public long lastStep() {
        return lastStep;
    }

    /** The number of steps covered. */
    public long steps() {
        return lastStep - firstStep + 1;
    }

    /** The number of workers the counts are summed over. */
    public int workers() {
        return perWorker.size();
    }

    /** Every operator, summed over the workers, in the order of the circuit's description. */
    public List<OperatorMetrics> operators() {
        return operators;
    }

    /** Every operator as worker {@code worker} (0 to {@code workers() - 1}) ran it. */
    public List<OperatorMetrics> worker(int worker) {
        return perWorker.get(java.util.Objects.checkIndex(worker, perWorker.size()));
    }

    /**
     * The operator named {@code name} (its {@link OperatorMetrics#name()}, e.g. {@code "input 'orders'"}, or the
     * name a stream was given with {@code named(...)}).
     *
     * @throws IllegalArgumentException if no operator has that name, or several have
     */
    public OperatorMetrics operator(String name) {
        OperatorMetrics found = null;
        for (OperatorMetrics m : operators) {
            if (m.name().equals(name)) {
                if (found != null) {
                    throw new IllegalArgumentException("several operators are named '" + name + "': " + found.id() + " and " + m.id());
                }
                found = m;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no operator is named '" + name + "'");
        }
        return found;
    }

    /** The nanoseconds of every operator together (summed over the workers). */
    public long totalNanos() {
        return operators.stream().mapToLong(OperatorMetrics::nanos).sum();
    }

    /** The tuples of state of every operator together (summed over the workers). */
    public long totalStateTuples() {
        return operators.stream().mapToLong(OperatorMetrics::stateTuples).sum();
    }

    /** The approximate bytes of state of every operator together (summed over the workers). */
    public long totalStateBytes() {
        return operators.stream().mapToLong(OperatorMetrics::stateBytes).sum();
    }

    /** The (at most) {@code n} operators that took the most time, most first; ties in description order. */
    public List<OperatorMetrics> topByTime(int n) {
        return top(n, Comparator.comparingLong(OperatorMetrics::nanos).reversed());
    }

    /**
     * The (at most) {@code n} operators holding the most state, by bytes then tuples, most first; operators
     * holding none are left out.
     */
    public List<OperatorMetrics> topByState(int n) {
        return top(n, Comparator.comparingLong(OperatorMetrics::stateBytes).thenComparingLong(OperatorMetrics::stateTuples)
                .reversed(), m -> m.stateTuples() > 0 || m.stateBytes() > 0);
    }

    private List<OperatorMetrics> top(int n, Comparator<OperatorMetrics> order) {
        return top(n, order, m -> true);
    }

    private List<OperatorMetrics> top(int n, Comparator<OperatorMetrics> order, java.util.function.Predicate<OperatorMetrics> keep) {
        if (n < 0) {
            throw new IllegalArgumentException("n = " + n + " is invalid: must be >= 0");
        }
        return operators.stream().filter(keep).sorted(order).limit(n).toList();
    }

    /**
     * What happened between {@code earlier} (a snapshot of the same circuit) and this one: the counts of the
     * steps after {@code earlier}'s last, with this snapshot's state.
     *
     * @throws IllegalArgumentException if {@code earlier} is of another circuit, or later than this one
     */
    public CircuitMetrics since(CircuitMetrics earlier) {
        if (earlier.lastStep > lastStep || earlier.perWorker.size() != perWorker.size()
                || earlier.operators.size() != operators.size()) {
            throw new IllegalArgumentException("the earlier snapshot (steps " + earlier.firstStep + ".." + earlier.lastStep
                    + ", " + earlier.operators.size() + " operators) is not an earlier snapshot of this circuit (steps "
                    + firstStep + ".." + lastStep + ", " + operators.size() + " operators)");
        }
        List<List<OperatorMetrics>> diff = new ArrayList<>(perWorker.size());
        for (int w = 0; w < perWorker.size(); w++) {
            List<OperatorMetrics> now = perWorker.get(w);
            List<OperatorMetrics> then = earlier.perWorker.get(w);
            List<OperatorMetrics> d = new ArrayList<>(now.size());
            for (int i = 0; i < now.size(); i++) {
                if (!now.get(i).id().equals(then.get(i).id())) {
                    throw new IllegalArgumentException("the earlier snapshot is of another circuit: operator " + then.get(i).id()
                            + " where this one has " + now.get(i).id());
                }
                d.add(now.get(i).since(then.get(i)));
            }
            diff.add(d);
        }
        return new CircuitMetrics(earlier.lastStep + 1, lastStep, diff);
    }

    /** A table: one line per operator with its counts, time in milliseconds and state. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("steps ").append(firstStep).append("..").append(lastStep).append(", ").append(workers())
                .append(workers() == 1 ? " worker\n" : " workers (summed)\n");
        sb.append(String.format(Locale.ROOT, "%-8s %-40s %14s %14s %12s %14s %14s%n", "id", "operator", "tuples in",
                "tuples out", "ms", "state tuples", "state bytes"));
        for (OperatorMetrics m : operators) {
            sb.append(String.format(Locale.ROOT, "%-8s %-40s %14d %14d %12.3f %14d %14d%n", m.id(), m.name(), m.tuplesIn(),
                    m.tuplesOut(), m.nanos() / 1e6, m.stateTuples(), m.stateBytes()));
        }
        return sb.toString();
    }
}
