package org.jdbsp.circuit.internal;

import java.util.ArrayList;
import java.util.List;
import org.jdbsp.circuit.CircuitException;
import org.jdbsp.circuit.MemoryExhaustedException;
import org.jdbsp.circuit.spi.BinaryOperator;
import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.NaryOperator;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.SinkOperator;
import org.jdbsp.circuit.spi.SourceOperator;
import org.jdbsp.circuit.spi.StrictOperator;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.zset.internal.ContractChecks;
import org.jdbsp.zset.spi.Batch;

/**
 * Runs the operators of one {@link Graph} once per step, in its static schedule, and holds the batch each
 * produced. Strict operators give their output when their turn comes and receive their input after every
 * other operator has run. Whatever an operator throws (a runtime exception, an {@link Error}, a checked
 * exception thrown sneakily by user code) surfaces as a {@link CircuitException} naming it; only
 * {@link StepAborted}, which unwinds a worker when another has failed, passes through unchanged. In
 * validation mode the {@link ContractChecks} are active on the running thread during each run.
 */
public final class Executor {
    private final Graph graph;
    private final Operator[] operators;
    private final Batch[] values;
    private final int[] order;
    private final int[] strictNodes;
    private final Batch[][] naryArgs;
    private final boolean validation;
    private final OperatorCounters counters;

    /**
     * An executor running the operators of {@code graph} themselves (nested ones inherit validation from the
     * thread), adding what they do to {@code counters}.
     */
    public Executor(Graph graph, OperatorCounters counters) {
        this(graph, false, counters);
    }

    /** An executor running the operators of {@code graph} themselves, checking user types when {@code validation}. */
    public Executor(Graph graph, boolean validation) {
        this(graph, validation, new OperatorCounters(graph.size()));
    }

    private Executor(Graph graph, boolean validation, OperatorCounters counters) {
        this.validation = validation;
        this.graph = graph;
        this.counters = counters;
        int n = graph.size();
        this.operators = new Operator[n];
        for (int i = 0; i < n; i++) {
            operators[i] = graph.node(i).operator;
        }
        this.values = new Batch[n];
        this.order = graph.schedule();
        List<Integer> strict = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (operators[i] instanceof StrictOperator) {
                strict.add(i);
            }
        }
        this.strictNodes = strict.stream().mapToInt(Integer::intValue).toArray();
        this.naryArgs = new Batch[n][];
        for (int i = 0; i < n; i++) {
            if (operators[i] instanceof NaryOperator) {
                naryArgs[i] = new Batch[graph.node(i).inputs.length];
            }
        }
    }

    private Executor(Executor other) {
        this.validation = other.validation;
        this.graph = other.graph;
        this.counters = other.counters;
        int n = other.operators.length;
        this.operators = new Operator[n];
        java.util.IdentityHashMap<Operator, Operator> copies = new java.util.IdentityHashMap<>();
        ForkContext context = new ForkContext() {
            @Override
            @SuppressWarnings("unchecked")
            public <O extends Operator> O forked(O original) {
                Operator copy = copies.get(original);
                if (copy == null) {
                    copy = original.fork(this);
                    copies.put(original, copy);
                }
                return (O) copy;
            }
        };
        for (int i = 0; i < n; i++) {
            operators[i] = context.forked(other.operators[i]);
        }
        this.values = new Batch[n];
        this.order = other.order;
        this.strictNodes = other.strictNodes;
        this.naryArgs = new Batch[n][];
        for (int i = 0; i < n; i++) {
            if (other.naryArgs[i] != null) {
                naryArgs[i] = new Batch[other.naryArgs[i].length];
            }
        }
    }

    /** A copy whose operators hold the same state as these (see {@link Operator#fork()}), adding to the same counters. */
    public Executor fork() {
        return new Executor(this);
    }

    /** Sets the batch of an external node for the next run. */
    public void setExternal(int node, Batch batch) {
        values[node] = batch;
    }

    /** The batch node {@code node} produced in the last run. */
    public Batch value(int node) {
        return values[node];
    }

    /** The graph this executor runs. */
    public Graph graph() {
        return graph;
    }

    /** What the operators did so far (shared with the forks of this executor). */
    public OperatorCounters counters() {
        return counters;
    }

    /** The operator of node {@code node} in this executor. */
    public Operator operator(int node) {
        return operators[node];
    }

    /** Runs every operator once; returns the number of tuples produced. */
    public long run() {
        if (!validation) {
            return runOperators();
        }
        boolean wasValidating = ContractChecks.activate(true);
        try {
            return runOperators();
        } finally {
            ContractChecks.activate(wasValidating);
        }
    }

    private long runOperators() {
        long work = 0;
        long[] nanos = counters.nanos;
        long[] tuplesIn = counters.tuplesIn;
        long[] tuplesOut = counters.tuplesOut;
        long clock = System.nanoTime();
        for (int id : order) {
            Operator op = operators[id];
            if (op instanceof External) {
                continue;
            }
            String exhausted = MemoryGuard.exhaustion();
            if (exhausted != null) {
                throw new CircuitException(graph.node(id).name, -1, new MemoryExhaustedException(exhausted + "; " + largestState()
                        + "; turn on storage (CircuitConfig.withStorage) to keep state on disk, or give the JVM more heap (-Xmx)"));
            }
            Batch out;
            try {
                out = evaluate(id, op);
            } catch (Throwable e) {
                throw failure(id, e);
            }
            long now = System.nanoTime();
            nanos[id] += now - clock;
            clock = now;
            values[id] = out;
            if (out != null) {
                work += out.size;
                tuplesOut[id] += out.size;
            }
            if (!(op instanceof StrictOperator)) {
                tuplesIn[id] += inputTuples(id);
            }
        }
        for (int id : strictNodes) {
            consolidateInputs(graph.node(id).inputs);
            Batch in = values[graph.node(id).inputs[0]];
            try {
                ((StrictOperator) operators[id]).input(in);
            } catch (Throwable e) {
                throw failure(id, e);
            }
            long now = System.nanoTime();
            nanos[id] += now - clock;
            clock = now;
            tuplesIn[id] += in == null ? 0 : in.size;
        }
        return work;
    }

    /** The tuples on the inputs of node {@code id} in this run. */
    private long inputTuples(int id) {
        long n = 0;
        for (int in : graph.node(id).inputs) {
            Batch b = values[in];
            if (b != null) {
                n += b.size;
            }
        }
        return n;
    }

    /** {@code e}, thrown by node {@code id}, as the failure of the step naming the operator (and the inner one, for a nested circuit). */
    private RuntimeException failure(int id, Throwable e) {
        if (e instanceof StepAborted) {
            return (StepAborted) e;
        }
        if (e instanceof CircuitException) {
            CircuitException inner = (CircuitException) e;
            return new CircuitException(graph.node(id).name + "/" + inner.operator(), -1, inner.getCause());
        }
        return new CircuitException(graph.node(id).name, -1, e);
    }

    private Batch evaluate(int id, Operator op) {
        Node node = graph.node(id);
        int[] in = node.inputs;
        if (!node.takesUnconsolidated) {
            consolidateInputs(in);
        }
        if (op instanceof UnaryOperator) {
            return ((UnaryOperator) op).apply(values[in[0]]);
        }
        if (op instanceof BinaryOperator) {
            return ((BinaryOperator) op).apply(values[in[0]], values[in[1]]);
        }
        if (op instanceof StrictOperator) {
            return ((StrictOperator) op).output();
        }
        if (op instanceof SourceOperator) {
            return ((SourceOperator) op).produce();
        }
        if (op instanceof SinkOperator) {
            ((SinkOperator) op).consume(values[in[0]]);
            return null;
        }
        if (op instanceof NaryOperator) {
            Batch[] args = naryArgs[id];
            for (int i = 0; i < in.length; i++) {
                args[i] = values[in[i]];
            }
            return ((NaryOperator) op).apply(args);
        }
        throw new IllegalStateException("operator of unknown arity: " + op.getClass().getName());
    }

    /** Consolidates, in place of the value read, any unconsolidated batch among {@code inputs}. */
    private void consolidateInputs(int[] inputs) {
        for (int in : inputs) {
            Batch b = values[in];
            if (b != null && !b.consolidated) {
                values[in] = b.consolidate();
            }
        }
    }

    /**
     * The three operators holding the most state, for a memory failure: by their estimate of bytes, then by their
     * tuples (an operator whose state is not arrays, such as an aggregate's per-group objects, may report tuples
     * without bytes), or a sentence saying that no operator reports any state.
     */
    private String largestState() {
        Integer[] ids = new Integer[operators.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        long[] bytes = new long[operators.length];
        long[] tuples = new long[operators.length];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = operators[i].stateBytes();
            tuples[i] = operators[i].stateTuples();
        }
        java.util.Arrays.sort(ids, (x, y) -> bytes[y] != bytes[x] ? Long.compare(bytes[y], bytes[x]) : Long.compare(tuples[y], tuples[x]));
        StringBuilder sb = new StringBuilder("the largest state on this worker");
        int named = 0;
        for (int k = 0; k < Math.min(3, ids.length) && (bytes[ids[k]] > 0 || tuples[ids[k]] > 0); k++, named++) {
            sb.append(k == 0 ? ": " : ", ").append('\'').append(graph.node(ids[k]).name).append("' ");
            if (bytes[ids[k]] > 0) {
                sb.append(bytes[ids[k]] >= 1 << 20 ? String.format("%,d MiB", bytes[ids[k]] >> 20)
                        : String.format("%,d KiB", (bytes[ids[k]] + 1023) >> 10)).append(" (");
                sb.append(String.format("%,d", tuples[ids[k]])).append(" tuples)");
            } else {
                sb.append(String.format("%,d", tuples[ids[k]])).append(" tuples (size not estimated)");
            }
        }
        if (named == 0) {
            sb.append(": none reported (no operator of this worker counts any state)");
        }
        return sb.toString();
    }

    /** Total state tuples of every operator. */
    public long stateTuples() {
        long n = 0;
        for (Operator op : operators) {
            n += op.stateTuples();
        }
        return n;
    }

    /** Approximate bytes of state of every operator. */
    public long stateBytes() {
        long n = 0;
        for (Operator op : operators) {
            n += op.stateBytes();
        }
        return n;
    }
}
