package org.jdbsp.storage.runtime;

import org.jdbsp.circuit.Sequenced;
import org.jdbsp.codec.Codec;
import org.jdbsp.storage.spi.BatchFileInfo;
import org.jdbsp.storage.spi.BatchFileWriter;
import org.jdbsp.storage.spi.ColumnCodecs;
import org.jdbsp.trace.Trace;
import org.jdbsp.trace.TraceStorage;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;

/** The storage of one stream's trace (and its forks): its codecs, learned from its first batch, and its worker's. */
final class StreamStorage implements TraceStorage {
    private final WorkerStorage worker;
    private final String stream;
    private final Layout layout;
    private Codec<?> keyCodec;
    private Codec<?> valueCodec;
    private boolean learned;

    StreamStorage(WorkerStorage worker, String stream, Layout layout) {
        this.worker = worker;
        this.stream = stream;
        this.layout = layout;
    }

    @Override
    public long spillThreshold() {
        return worker.threshold();
    }

    @Override
    public void learnCodecs(Batch first) {
        if (learned) {
            return;
        }
        Codec<?> k = null;
        Codec<?> v = null;
        try {
            if (first.objKeys != null) {
                k = codecOf(first.objKeys, first.size, "the keys of " + stream);
            }
            if (first.objValues != null) {
                v = codecOf(first.objValues, first.size, "the values of " + stream);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("with storage on, " + stream + " cannot be written to files: "
                    + e.getMessage() + " (or run this circuit without storage)", e);
        }
        keyCodec = k;
        valueCodec = v;
        learned = true;
    }

    /**
     * The codec of a column from its first records: that of the sealed interface their class implements, if any
     * (later batches may hold its other subtypes), else that of their class or common sealed interface; for
     * {@link Sequenced} records, the position and the codec of their values, learned the same way.
     */
    private Codec<?> codecOf(Object[] column, int size, String what) {
        if (column[0] instanceof Sequenced<?>) {
            Object[] values = new Object[size];
            for (int i = 0; i < size; i++) {
                if (!(column[i] instanceof Sequenced<?> s)) {
                    throw new IllegalArgumentException(what + " mix Sequenced records with " + column[i].getClass());
                }
                values[i] = s.value();
            }
            return new SequencedCodec(codecOf(values, size, what + " (their Sequenced values)"));
        }
        Codec<?> c = ColumnCodecs.forColumn(worker.codecs(), column, size, what);
        for (Class<?> i : column[0].getClass().getInterfaces()) {
            if (i.isSealed() && worker.codecs().hasCodec(i)) {
                return worker.codecs().codecFor(i);
            }
        }
        return c;
    }

    @Override
    public Codec<?> keyCodec() {
        return keyCodec;
    }

    @Override
    public Codec<?> valueCodec() {
        return valueCodec;
    }

    @Override
    public BatchFileWriter newWriter() {
        if (!learned) {
            throw new IllegalStateException("the codecs of " + stream + " are not known yet (no batch was inserted)");
        }
        return BatchFileWriter.createTransient(worker.dir(), layout, keyCodec, valueCodec);
    }

    @Override
    public void written(BatchFileInfo file) {
        worker.written(file.bytes());
    }

    @Override
    public void afterChange(Trace trace) {
        worker.enforceBudget();
    }

    @Override
    public void register(Trace trace) {
        worker.register(trace);
    }

    @Override
    public String toString() {
        return "storage of " + stream + " in " + worker.dir();
    }
}
