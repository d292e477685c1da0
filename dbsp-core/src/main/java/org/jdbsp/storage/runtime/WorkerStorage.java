package org.jdbsp.storage.runtime;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import org.jdbsp.codec.Codecs;
import org.jdbsp.trace.Trace;
import org.jdbsp.trace.TraceStorage;
import org.jdbsp.zset.Layout;

/**
 * One worker's storage: where its traces write (the run directory), the spill threshold, the codec registry,
 * and the memory budget of its heap-resident trace batches, enforced over every trace it made. Used by the
 * worker's thread, except the count of bytes written (a {@link LongAdder}), which merge threads add to as well.
 */
public final class WorkerStorage {
    /** The heap merge limit in spill thresholds, at most (see {@link #heapMergeLimit}). */
    static final int HEAP_MERGE_FACTOR = 8;

    private final Path dir;
    private final Codecs codecs;
    private final long threshold;
    private final long budget;
    private final List<WeakReference<Trace>> traces = new ArrayList<>();
    private final LongAdder written;
    private final Executor mergeThreads;

    /** Storage in {@code dir} with the given threshold and per-worker budget (bytes). */
    public WorkerStorage(Path dir, Codecs codecs, long threshold, long budget) {
        this(dir, codecs, threshold, budget, new LongAdder());
    }

    /**
     * Storage in {@code dir} with the given threshold and per-worker budget (bytes), adding the bytes of every
     * batch file its traces write to {@code written} (shared by the workers of a run).
     */
    public WorkerStorage(Path dir, Codecs codecs, long threshold, long budget, LongAdder written) {
        this(dir, codecs, threshold, budget, written, null);
    }

    /**
     * As above, with the traces' merges into batch files run by {@code mergeThreads} (shared by the workers of a
     * run; null: in the step threads).
     */
    public WorkerStorage(Path dir, Codecs codecs, long threshold, long budget, LongAdder written, Executor mergeThreads) {
        this.mergeThreads = mergeThreads;
        this.dir = dir;
        this.codecs = codecs;
        this.threshold = threshold;
        this.budget = budget;
        this.written = written;
    }

    /** The storage of the trace of the stream described as {@code stream} (e.g. "stream 'bids'"), of {@code layout}. */
    public TraceStorage forStream(String stream, Layout layout) {
        return new StreamStorage(this, stream, layout);
    }

    Path dir() {
        return dir;
    }

    /** The threads running merges into batch files, or null (see {@link TraceStorage#mergeThreads}). */
    Executor mergeThreads() {
        return mergeThreads;
    }

    Codecs codecs() {
        return codecs;
    }

    long threshold() {
        return threshold;
    }

    /**
     * The heap merge limit of its traces ({@link TraceStorage#heapMergeLimit}): {@value #HEAP_MERGE_FACTOR} times the
     * threshold, the growth of a merge of a file level, so that a tuple's first file skips the first level of file
     * merges (one rewrite of every stored tuple fewer); at most a 16th of the memory budget (a few traces of a
     * worker each hold up to about twice it in heap batches, and the budget counts estimated bytes, 48 per object,
     * while a Nexmark bid holds several times that: with an eighth, q20 exhausted a 1 GiB heap at 100M events), at
     * least the threshold; 0 with threshold 0.
     */
    long heapMergeLimit() {
        long limit = threshold > Long.MAX_VALUE / HEAP_MERGE_FACTOR ? Long.MAX_VALUE : threshold * HEAP_MERGE_FACTOR;
        return Math.max(threshold, Math.min(limit, budget / 16));
    }

    void written(long bytes) {
        written.add(bytes);
    }

    void register(Trace trace) {
        traces.add(new WeakReference<>(trace));
    }

    /**
     * Keeps the worker's heap batches within the budget: while they exceed it, spills the largest heap batch of
     * the trace holding the most heap bytes.
     */
    void enforceBudget() {
        long total = 0;
        for (int i = traces.size() - 1; i >= 0; i--) {
            Trace t = traces.get(i).get();
            if (t == null) {
                traces.remove(i);
            } else {
                total += t.heapBatchBytes();
            }
        }
        while (total > budget) {
            Trace biggest = null;
            long most = 0;
            for (WeakReference<Trace> ref : traces) {
                Trace t = ref.get();
                long bytes = t == null ? 0 : t.heapBatchBytes();
                if (bytes > most) {
                    most = bytes;
                    biggest = t;
                }
            }
            long freed = biggest == null ? 0 : biggest.spillLargestHeapBatch();
            if (freed == 0) {
                return;
            }
            total -= freed;
        }
    }
}
