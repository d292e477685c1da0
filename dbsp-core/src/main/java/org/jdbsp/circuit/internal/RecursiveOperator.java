package org.jdbsp.circuit.internal;

import java.util.ArrayList;
import java.util.List;
import org.jdbsp.circuit.spi.NaryOperator;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StatePartitioning;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.circuit.spi.Workers;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;

/**
 * Computes, in every step, the change of the fixed point {@code R = F(x, R)} of a recursive body, working
 * only on changes.
 *
 * <p>Unroll the iteration: {@code r[0] = 0}, {@code r[i+1] = F(x, r[i])}. Level {@code i} of the unrolled
 * chain is one replica of the body (an {@link Executor} with its own operator state), fed at every outer
 * step with the change of {@code x} and the change of {@code r[i]}; being built from incremental
 * operators, it outputs the change of {@code r[i+1]}. So each level is an ordinary incremental circuit
 * over outer time, and the work of a step follows the size of the changes.
 *
 * <p>Let {@code L} be the deepest level kept. At the previous step every level from {@code L} on held
 * the same value (the fixed point), so once the iteration passes {@code L}, {@code r[i+1] = r[i]} holds
 * exactly when their changes are equal: that is the stop test, and the change of the fixed point is the
 * change of {@code r[i]}. New levels start as copies of level {@code L} taken before it ran this step,
 * since before this step they all held the same state.
 *
 * <p>With several workers, each runs its own levels on its shard: the body's result is sharded by record,
 * so the fixed point is reached exactly when every worker's changes agree, and the stop test is decided
 * across the workers ({@link Workers#allAcross}); all workers therefore run the same iterations and keep the
 * same number of levels, and the exchanges inside the body meet in step.
 */
public final class RecursiveOperator implements NaryOperator {
    private final Graph body;
    private final int[] importNodes;
    private final int variableNode;
    private final int resultNode;
    private final Layout layout;
    private final int maxIterations;
    private final List<Executor> levels;
    private final Workers workers;
    private final OperatorCounters bodyCounters;

    /**
     * A recursive operator over {@code body}: imports fed from this operator's inputs in order; the stop test
     * is decided across {@code workers}.
     */
    public RecursiveOperator(Graph body, int[] importNodes, int variableNode, int resultNode, Layout layout, int maxIterations,
                             Workers workers) {
        this(body, importNodes, variableNode, resultNode, layout, maxIterations, workers, new OperatorCounters(body.size()));
    }

    private RecursiveOperator(Graph body, int[] importNodes, int variableNode, int resultNode, Layout layout, int maxIterations,
                              Workers workers, OperatorCounters bodyCounters) {
        this.body = body;
        this.bodyCounters = bodyCounters;
        this.workers = workers;
        this.importNodes = importNodes.clone();
        this.variableNode = variableNode;
        this.resultNode = resultNode;
        this.layout = layout;
        this.maxIterations = maxIterations;
        this.levels = new ArrayList<>();
    }

    private RecursiveOperator(RecursiveOperator other) {
        this(other.body, other.importNodes, other.variableNode, other.resultNode, other.layout, other.maxIterations, other.workers,
                other.bodyCounters);
        for (Executor level : other.levels) {
            levels.add(level.fork());
        }
    }

    @Override
    public Batch apply(Batch[] inputs) {
        if (levels.isEmpty()) {
            levels.add(new Executor(body, bodyCounters));
        }
        int previousDeepest = levels.size() - 1;
        Executor spare = null;
        Batch change = Batch.empty(layout);
        for (int i = 0; ; i++) {
            if (i > maxIterations) {
                throw new IllegalStateException("recursion did not reach a fixed point within " + maxIterations
                        + " iterations (is the body missing a distinct?)");
            }
            if (i == levels.size()) {
                levels.add(spare.fork());
            } else if (i == levels.size() - 1 && spare == null) {
                spare = levels.get(i).fork();
            }
            Executor level = levels.get(i);
            for (int k = 0; k < importNodes.length; k++) {
                level.setExternal(importNodes[k], inputs[k]);
            }
            level.setExternal(variableNode, change);
            level.run();
            Batch next = level.value(resultNode);
            if (i >= previousDeepest && fixedPoint(next.contentEquals(change))) {
                while (levels.size() > i + 1) {
                    levels.remove(levels.size() - 1);
                }
                return change;
            }
            change = next;
        }
    }

    private boolean fixedPoint(boolean here) {
        return workers.count() == 1 ? here : workers.allAcross(here);
    }

    @Override
    public Operator fork() {
        return new RecursiveOperator(this);
    }

    /** The body's graph (level 0 runs its operators, deeper levels run copies). */
    public Graph body() {
        return body;
    }

    /** The body's nodes fed from this operator's inputs, in input order. */
    public int[] importNodes() {
        return importNodes.clone();
    }

    /** The body's node holding the previous iteration's result. */
    public int variableNode() {
        return variableNode;
    }

    /** The body's node whose output is the next iteration's result. */
    public int resultNode() {
        return resultNode;
    }

    /** What the body's operators did, summed over every level (and every copy of this operator). */
    public OperatorCounters bodyCounters() {
        return bodyCounters;
    }

    /** The unrolled levels kept, each a replica of the body with its own state (a read-only view). */
    public List<Executor> levels() {
        return java.util.Collections.unmodifiableList(levels);
    }

    /** Saves the number of levels and each level's operators' states. */
    @Override
    public void snapshot(StateWriter out) {
        out.writeInt(levels.size());
        for (Executor level : levels) {
            OperatorStates.snapshot(level, out);
        }
    }

    /**
     * Reads the levels back; on another number of workers it is called once per saved part: the first builds
     * the levels, the others (which every worker saved with the same number of levels) add to them.
     */
    @Override
    public void restore(StateReader in) {
        int n = in.readInt();
        if (!in.rescaling() || levels.isEmpty()) {
            levels.clear();
            // every level starts fresh (copies of the body taken before any state is read into it)
            for (int i = 0; i < n; i++) {
                levels.add(i == 0 ? new Executor(body, bodyCounters) : levels.get(0).fork());
            }
        } else if (n != levels.size()) {
            throw new IllegalStateException("the saved workers kept " + levels.size() + " and " + n
                    + " levels of the recursion; every worker iterates equally, so the checkpoint is inconsistent");
        }
        for (Executor level : levels) {
            OperatorStates.restore(level, in);
        }
    }

    /** Its own state (the number of levels) is the same on every worker; each body operator says how its own is cut. */
    @Override
    public StatePartitioning statePartitioning() {
        return StatePartitioning.BY_KEY;
    }

    /** Number of unrolled levels kept. */
    public int depth() {
        return levels.size();
    }

    @Override
    public long stateTuples() {
        long n = 0;
        for (Executor level : levels) {
            n += level.stateTuples();
        }
        return n;
    }

    @Override
    public long stateBytes() {
        long n = 0;
        for (Executor level : levels) {
            n += level.stateBytes();
        }
        return n;
    }
}
