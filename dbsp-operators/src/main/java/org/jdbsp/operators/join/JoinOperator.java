package org.jdbsp.operators.join;

import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.BinaryOperator;
import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.trace.Trace;
import org.jdbsp.trace.TraceCursor;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Weights;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * The incremental inner join: {@code Δa ⋈ (z^-1(I b) + Δb) + z^-1(I a) ⋈ Δb}, over the shared traces of
 * both inputs. Without a left trace it is the lookup join {@code Δa ⋈ (z^-1(I b) + Δb)}: changes of the
 * right side never revisit earlier left changes, so the left side keeps no state.
 */
final class JoinOperator implements BinaryOperator {
    /** Its state is in the integral traces it reads, saved by them. */
    @Override
    public boolean hasState() {
        return false;
    }

    private final IntegralTrace left;
    private final IntegralTrace right;
    private final Layout out;
    private final PairEmitter emitter;

    /** A join of {@code left} and {@code right}; a null {@code left} makes it a lookup join (see above). */
    JoinOperator(IntegralTrace left, IntegralTrace right, Layout out, PairEmitter emitter) {
        this.left = left;
        this.right = right;
        this.out = out;
        this.emitter = emitter;
    }

    @Override
    public Batch apply(Batch da, Batch db) {
        if (da.size == 0 && db.size == 0) {
            return Batch.empty(out);
        }
        BatchBuilder result = new BatchBuilder(out, Math.max(da.size, db.size));
        if (da.size > 0) {
            probe(da, right.trace(), db, true, result);
        }
        if (db.size > 0 && left != null) {
            probe(db, left.trace(), null, false, result);
        }
        return result.build();
    }

    /**
     * Joins {@code delta} with {@code trace} and, when given, with {@code otherDelta} (the other side's
     * change of this step); {@code deltaIsLeft} says on which side {@code delta} is.
     */
    private void probe(Batch delta, Trace trace, Batch otherDelta, boolean deltaIsLeft, BatchBuilder result) {
        boolean longKeys = delta.longKeys != null;
        TraceCursor c = trace.isEmpty() ? null : trace.cursor();
        boolean withOther = otherDelta != null && otherDelta.size > 0;
        int p = 0;
        int i = 0;
        while (i < delta.size) {
            int end = delta.endOfKey(i);
            if (c != null && (longKeys ? c.seekLongKey(delta.longKeys[i]) : c.seekKey(delta.objKeys[i]))) {
                while (c.nextValue()) {
                    Object theirs = c.value();
                    long tw = c.weight();
                    emitGroup(delta, i, end, theirs, tw, deltaIsLeft, result);
                }
            }
            if (withOther) {
                p = longKeys ? otherDelta.seekLongKey(p, delta.longKeys[i]) : otherDelta.seekKey(p, delta.objKeys[i]);
                if (p < otherDelta.size && delta.compareKeys(i, otherDelta, p) == 0) {
                    int otherEnd = otherDelta.endOfKey(p);
                    for (int q = p; q < otherEnd; q++) {
                        emitGroup(delta, i, end, otherDelta.value(q), otherDelta.weights[q], deltaIsLeft, result);
                    }
                    p = otherEnd;
                }
            }
            i = end;
        }
    }

    private void emitGroup(Batch delta, int from, int to, Object theirs, long theirWeight, boolean deltaIsLeft, BatchBuilder result) {
        for (int j = from; j < to; j++) {
            long w = Weights.multiply(delta.weights[j], theirWeight);
            Object mine = delta.value(j);
            if (deltaIsLeft) {
                emitter.emit(delta, j, mine, theirs, w, result);
            } else {
                emitter.emit(delta, j, theirs, mine, w, result);
            }
        }
    }

    @Override
    public Operator fork(ForkContext context) {
        return new JoinOperator(left == null ? null : context.forked(left), context.forked(right), out, emitter);
    }
}
