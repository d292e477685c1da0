package org.jdbsp.circuit.internal;

import java.util.ArrayList;
import java.util.List;
import org.jdbsp.circuit.spi.SourceOperator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * One worker's side of a split input: the records pushed (raw, unconsolidated, in one buffer shared by every
 * worker), the parts declared (a record type and a layout each), and the step's split. In each step, the first
 * of this worker's part operators to run reads the worker's slice of the pushes once, sends each record to the
 * first part whose type it has, and consolidates every part; each part operator then takes its batch.
 *
 * <p>With several workers the pushes are sealed for a step by the stepping thread ({@link SharedInput}) and
 * worker {@code i} of W splits the i-th of W equal slices, so reading the records runs on the workers in
 * parallel; with one worker the pushes are taken when the step splits them.
 */
public final class SplitInputState {
    private final String name;
    private final BatchBuilder pending;
    private final SharedInput shared;
    private final int worker;
    private final int workers;
    private final List<Class<?>> types = new ArrayList<>();
    private final List<Layout> layouts = new ArrayList<>();
    private Class<?>[] seenClasses = new Class<?>[0];
    private int[] seenParts = new int[0];
    private Batch[] split;
    private int served;

    private SplitInputState(String name, BatchBuilder pending, SharedInput shared, int worker, int workers) {
        this.name = name;
        this.pending = pending;
        this.shared = shared;
        this.worker = worker;
        this.workers = workers;
    }

    /** The state of a split input of a circuit run by one thread. */
    public static SplitInputState single(String name) {
        return new SplitInputState(name, new BatchBuilder(Layout.OBJECTS), null, 0, 1);
    }

    /** Worker {@code context}'s state of a split input whose pushes every worker shares (made by worker 0). */
    public static SplitInputState forWorker(String name, WorkerContext context) {
        SharedInput shared = SharedInput.forWorker(Layout.OBJECTS, context);
        return new SplitInputState(name, shared.pending(), shared, context.index(), context.count());
    }

    /** Where pushes are appended, as (record, weight) tuples, unconsolidated. */
    public BatchBuilder pending() {
        return pending;
    }

    /** Declares the next part: records of {@code type}, consolidated as {@code layout}; returns its operator. */
    public SourceOperator addPart(Class<?> type, Layout layout) {
        for (Class<?> t : types) {
            if (t.isAssignableFrom(type)) {
                throw new IllegalArgumentException("split input '" + name + "' already has a part for " + t.getName()
                        + ", which takes every " + type.getName() + " record");
            }
        }
        types.add(type);
        layouts.add(layout);
        int index = types.size() - 1;
        return () -> take(index);
    }

    private Batch take(int part) {
        if (served == 0) {
            split = splitThisStep();
        }
        Batch b = split[part];
        split[part] = null;
        if (++served == types.size()) {
            served = 0;
            split = null;
        }
        return b;
    }

    private Batch[] splitThisStep() {
        BatchBuilder run;
        int from;
        int to;
        if (shared != null) {
            run = shared.sealedRun();
            from = (int) ((long) run.size() * worker / workers);
            to = (int) ((long) run.size() * (worker + 1) / workers);
        } else {
            run = pending.takeAppended();
            from = 0;
            to = run.size();
        }
        int parts = types.size();
        BatchBuilder[] builders = new BatchBuilder[parts];
        for (int p = 0; p < parts; p++) {
            builders[p] = new BatchBuilder(layouts.get(p), Math.max(16, (to - from) / parts));
        }
        Object[] records = run.appendedKeys();
        long[] weights = run.appendedWeights();
        Class<?> lastClass = null;
        int lastPart = -1;
        for (int i = from; i < to; i++) {
            Object r = records[i];
            Class<?> c = r.getClass();
            if (c != lastClass) {
                lastPart = partOf(c, r);
                lastClass = c;
            }
            builders[lastPart].add(r, weights[i]);
        }
        Batch[] out = new Batch[parts];
        for (int p = 0; p < parts; p++) {
            out[p] = builders[p].build();
        }
        return out;
    }

    private int partOf(Class<?> c, Object record) {
        for (int k = 0; k < seenClasses.length; k++) {
            if (seenClasses[k] == c) {
                return seenParts[k];
            }
        }
        for (int p = 0; p < types.size(); p++) {
            if (types.get(p).isInstance(record)) {
                seenClasses = java.util.Arrays.copyOf(seenClasses, seenClasses.length + 1);
                seenParts = java.util.Arrays.copyOf(seenParts, seenParts.length + 1);
                seenClasses[seenClasses.length - 1] = c;
                seenParts[seenParts.length - 1] = p;
                return p;
            }
        }
        List<String> names = new ArrayList<>();
        for (Class<?> t : types) {
            names.add(t.getName());
        }
        throw new IllegalArgumentException("a record of " + c.getName() + " was pushed to split input '" + name
                + "', which has no part for it (its parts take " + names + ")");
    }
}
