package org.jdbsp.trace;

import org.jdbsp.codec.Codec;
import org.jdbsp.storage.spi.BatchFileInfo;
import org.jdbsp.storage.spi.BatchFileWriter;
import org.jdbsp.zset.spi.Batch;

/**
 * Where a {@link Trace} writes the batches it spills, and the policy saying which: given by the circuit runtime
 * to the shared trace of each stream when storage is on (SPI; an operator never calls it).
 *
 * <p>Every call is per batch or per merge, never per tuple. Implementations are used by one worker's thread
 * (merge threads, {@link #mergeThreads()}, call only {@link #written}).
 */
public interface TraceStorage {
    /** Batches of at least this many {@linkplain Trace#bytesOf estimated bytes} go to files (0: every batch). */
    long spillThreshold();

    /**
     * A merge of heap batches only goes to a file when its output is estimated at at least this many bytes (at least
     * {@link #spillThreshold()}): heap batches keep merging on the heap up to it, so the first file a tuple reaches
     * is larger and fewer files are rewritten by merges soon after. The default is {@link #spillThreshold()}.
     */
    default long heapMergeLimit() {
        return spillThreshold();
    }

    /**
     * Called with the first non-empty batch the trace receives (inserted, or restored onto the heap), before
     * anything is written: learns the codecs of its object columns, or throws naming the stream and the type that
     * has no codec.
     */
    void learnCodecs(Batch first);

    /** The codec of the key column, or null for long keys (after {@link #learnCodecs}). */
    Codec<?> keyCodec();

    /** The codec of the value column, or null for long or absent values (after {@link #learnCodecs}). */
    Codec<?> valueCodec();

    /** A writer of a new batch file of the trace's layout, in the run's directory, with the learned codecs. */
    BatchFileWriter newWriter();

    /**
     * The threads that run the trace's merges into batch files, or null (the default) to run them in the step
     * thread, spread over the inserts like heap merges. On a merge thread a merge runs to its end while the steps
     * go on; the step thread only installs its result (or waits, when its level needs the result before it is
     * done), and a failure there fails the step that next looks at the merge. The merge thread then calls the
     * codecs, the key and value orders and the value-time function of {@link Trace#dropValuesBelow} of the trace's
     * records, which must therefore not depend on the calling thread (stateless, as the derived ones are).
     */
    default java.util.concurrent.Executor mergeThreads() {
        return null;
    }

    /**
     * Called once per batch file the trace wrote completely (a spill or a merge), to count its bytes; for a merge on a
     * {@linkplain #mergeThreads merge thread}, by that thread as soon as the file is complete (so it must be
     * thread-safe), whether or not the trace uses the file.
     */
    default void written(BatchFileInfo file) {}

    /**
     * Called after every change of {@code trace}'s heap batches (an insert, a merge): may ask the traces of the
     * worker to {@linkplain Trace#spillLargestHeapBatch spill} their largest heap batches, to keep the worker's
     * heap-resident batches within its memory budget.
     */
    void afterChange(Trace trace);

    /** Registers a trace sharing this storage (a fork), so that the memory budget counts it too. */
    void register(Trace trace);

    /**
     * Names the learned key and value codecs ("" for a long or absent column) so that {@link #adopt} in another
     * run finds the same codecs again: a checkpoint records them beside the trace's batch files it references.
     * Null before the codecs are learned, or when this storage cannot name them (a checkpoint then writes the
     * trace's batches anew).
     */
    default String[] codecNames() {
        return null;
    }

    /**
     * Takes the batch file {@code file} of a checkpoint (written with the codecs named {@code codecNames}, as
     * {@link #codecNames} gave them) into this storage's directory, without copying it where the file system can
     * link it, and opens it as a file batch of the trace; learns those codecs if none were learned yet. Null when
     * this storage cannot (the batch is then loaded onto the heap).
     *
     * @throws org.jdbsp.storage.spi.StorageException naming the file when it cannot be linked, copied or opened
     */
    default FileBatch adopt(java.nio.file.Path file, String[] codecNames) {
        return null;
    }
}
