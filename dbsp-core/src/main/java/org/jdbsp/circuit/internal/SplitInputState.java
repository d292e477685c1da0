package org.jdbsp.circuit.internal;

import java.util.ArrayList;
import java.util.List;
import org.jdbsp.circuit.Sequenced;
import org.jdbsp.circuit.spi.SourceOperator;
import org.jdbsp.circuit.spi.StatePartitioning;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
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
 *
 * <p><b>Arrival positions.</b> Every push appends one tuple, so the position of a push is the number of tuples
 * appended before it (plus the first position): each worker counts the sizes of the runs it has split, and a
 * part that stamps wraps the record at index {@code i} of a run as {@code Sequenced(base + i, record)}, the
 * same stamp on every worker and for every cut of the pushes into steps. A record pushed already stamped
 * ({@link #preStamped}) goes to the stamping part of its value's type as it is.
 */
public final class SplitInputState {
    private final String name;
    private final BatchBuilder pending;
    private final SharedInput shared;
    private final int worker;
    private final int workers;
    private final List<Class<?>> types = new ArrayList<>();
    private final List<Layout> layouts = new ArrayList<>();
    private final List<Boolean> stamping = new ArrayList<>();
    /** Per part: whether its batches are handed on unconsolidated (see {@link Part#emitUnconsolidated}). */
    private final List<Boolean> unconsolidated = new ArrayList<>();
    private Class<?>[] seenClasses = new Class<?>[0];
    private int[] seenParts = new int[0];
    /** The part of each record of the run being split (see {@link #splitThisStep}). */
    private int[] partBuffer = new int[0];
    private Batch[] split;
    private int served;
    /** The arrival position of the first tuple of the next run to split. */
    private long base;

    private SplitInputState(String name, BatchBuilder pending, SharedInput shared, int worker, int workers, long first) {
        this.name = name;
        this.pending = pending;
        this.shared = shared;
        this.worker = worker;
        this.workers = workers;
        this.base = first;
    }

    /** The state of a split input of a circuit run by one thread, its arrival positions from {@code first}. */
    public static SplitInputState single(String name, long first) {
        return new SplitInputState(name, new BatchBuilder(Layout.OBJECTS), null, 0, 1, first);
    }

    /**
     * Worker {@code context}'s state of a split input whose pushes every worker shares (made by worker 0), its
     * arrival positions from {@code first}.
     */
    public static SplitInputState forWorker(String name, WorkerContext context, long first) {
        SharedInput shared = SharedInput.forWorker(Layout.OBJECTS, context);
        return new SplitInputState(name, shared.pending(), shared, context.index(), context.count(), first);
    }

    /** A record already stamped, as appended to the pushes: split to its value's stamping part unchanged. */
    private record PreStamped(Sequenced<?> record) {}

    /** What to append to the pushes for {@code record}, already stamped (see {@link #stampingPartOf}). */
    public static Object preStamped(Sequenced<?> record) {
        return new PreStamped(record);
    }

    /**
     * The index of the part that takes {@code record} if that part stamps, else -1 (also when no part takes it).
     */
    public int stampingPartOf(Object record) {
        for (int p = 0; p < types.size(); p++) {
            if (types.get(p).isInstance(record)) {
                return stamping.get(p) ? p : -1;
            }
        }
        return -1;
    }

    /** Whether some part stamps its records (pushes of zero or negative weight must then be checked). */
    public boolean anyStamping() {
        return stamping.contains(Boolean.TRUE);
    }

    /** Where pushes are appended, as (record, weight) tuples, unconsolidated. */
    public BatchBuilder pending() {
        return pending;
    }

    /**
     * Declares the next part: records of {@code type}, consolidated as {@code layout} (of {@link Sequenced}
     * records if {@code stamps}); returns its operator.
     */
    public SourceOperator addPart(Class<?> type, Layout layout, boolean stamps) {
        for (Class<?> t : types) {
            if (t.isAssignableFrom(type)) {
                throw new IllegalArgumentException("split input '" + name + "' already has a part for " + t.getName()
                        + ", which takes every " + type.getName() + " record");
            }
        }
        types.add(type);
        layouts.add(layout);
        stamping.add(stamps);
        unconsolidated.add(false);
        return new Part(types.size() - 1);
    }

    /**
     * The source operator of one part: it hands its records on unconsolidated when its readers take that. The
     * first part carries, in a checkpoint, the arrival position of the next run to split (the input's own
     * state, the same for every part); the others keep nothing.
     */
    final class Part implements SourceOperator {
        private final int index;

        Part(int index) {
            this.index = index;
        }

        @Override
        public Batch produce() {
            return take(index);
        }

        /** Hands this part's records on as split, unconsolidated (decided when the graph is sealed). */
        void emitUnconsolidated() {
            unconsolidated.set(index, true);
        }

        @Override
        public boolean hasState() {
            return index == 0;
        }

        @Override
        public void snapshot(StateWriter out) {
            out.writeLong(base);
        }

        /** Replicated: the next arrival position is the same on every worker. */
        @Override
        public StatePartitioning statePartitioning() {
            return StatePartitioning.REPLICATED;
        }

        @Override
        public void restore(StateReader in) {
            base = in.readLong();
        }

        /** Records pushed and not yet split by a step (counted once, by the first part). */
        long pendingPushes() {
            return index == 0 ? pending.size() : 0;
        }
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
        // first pass: each record's part (PRE_STAMPED for a stamped one, placed by its value), counted, so that
        // every part's builder is allocated once at its size: growing them copied the columns, and sizing each
        // for a share of the run wasted most of the rare parts' arrays
        int[] partOfRecord = partBuffer(to - from);
        int[] counts = new int[parts];
        Object[] records = run.appendedKeys();
        long[] weights = run.appendedWeights();
        Class<?> lastClass = null;
        int lastPart = -1;
        for (int i = from; i < to; i++) {
            Object r = records[i];
            Class<?> c = r.getClass();
            if (c != lastClass) {
                if (c == PreStamped.class) {
                    int p = stampingPart(((PreStamped) r).record());
                    partOfRecord[i - from] = p;
                    counts[p]++;
                    continue;
                }
                lastPart = partOf(c, r);
                lastClass = c;
            }
            partOfRecord[i - from] = lastPart;
            counts[lastPart]++;
        }
        BatchBuilder[] builders = new BatchBuilder[parts];
        boolean[] stamps = new boolean[parts];
        for (int p = 0; p < parts; p++) {
            builders[p] = new BatchBuilder(layouts.get(p), Math.max(16, counts[p]));
            stamps[p] = stamping.get(p);
        }
        long runBase = base;
        base += run.size();
        for (int i = from; i < to; i++) {
            int p = partOfRecord[i - from];
            Object r = records[i];
            if (stamps[p]) {
                // a pre-stamped record keeps its stamp; any other of a stamping part gets its position
                builders[p].add(r instanceof PreStamped ? ((PreStamped) r).record() : new Sequenced<>(runBase + i, r),
                        weights[i]);
            } else {
                builders[p].add(r, weights[i]);
            }
        }
        Batch[] out = new Batch[parts];
        for (int p = 0; p < parts; p++) {
            out[p] = unconsolidated.get(p) ? builders[p].buildUnconsolidated() : builders[p].build();
        }
        return out;
    }

    /** The part of a record pushed with its stamp: one that stamps (the push checked this). */
    private int stampingPart(Sequenced<?> record) {
        int p = stampingPartOf(record.value());
        if (p < 0) {
            // the push checked this; parts are only declared before the first push
            throw new IllegalStateException("a stamped record was pushed to split input '" + name
                    + "' for a part that does not stamp: " + record);
        }
        return p;
    }

    /** A buffer of at least {@code n} part indices, reused from step to step. */
    private int[] partBuffer(int n) {
        if (partBuffer.length < n) {
            partBuffer = new int[Math.max(n, partBuffer.length + (partBuffer.length >> 1))];
        }
        return partBuffer;
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
