package org.jdbsp.storage.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbsp.circuit.Sequenced;
import org.jdbsp.codec.Codec;
import org.jdbsp.storage.spi.BatchFileInfo;
import org.jdbsp.storage.internal.FileOps;
import org.jdbsp.storage.spi.BatchFile;
import org.jdbsp.storage.spi.BatchFileWriter;
import org.jdbsp.storage.spi.StorageException;
import org.jdbsp.storage.spi.ColumnCodecs;
import org.jdbsp.trace.FileBatch;
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
    /** The codecs' names ({@link CodecNames}), "" for none. */
    private final String[] names = {"", ""};
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
    public long heapMergeLimit() {
        return worker.heapMergeLimit();
    }

    @Override
    public void learnCodecs(Batch first) {
        if (learned) {
            return;
        }
        Named k = Named.NONE;
        Named v = Named.NONE;
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
        learn(k, v);
    }

    /** A codec and its {@link CodecNames name}. */
    private record Named(Codec<?> codec, String name) {
        static final Named NONE = new Named(null, "");
    }

    private void learn(Named k, Named v) {
        keyCodec = k.codec();
        valueCodec = v.codec();
        names[0] = k.name();
        names[1] = v.name();
        learned = true;
    }

    private static Class<?> load(String name) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(name, false, context != null ? context : StreamStorage.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            try {
                return Class.forName(name, false, StreamStorage.class.getClassLoader());
            } catch (ClassNotFoundException again) {
                throw new IllegalArgumentException("class " + name + " cannot be loaded", e);
            }
        }
    }

    @Override
    public String[] codecNames() {
        return learned ? names.clone() : null;
    }

    @Override
    public FileBatch adopt(Path file, String[] codecNames) {
        Codec<?> k;
        Codec<?> v;
        try {
            k = CodecNames.resolve(worker.codecs(), codecNames[0], StreamStorage::load);
            v = CodecNames.resolve(worker.codecs(), codecNames[1], StreamStorage::load);
        } catch (IllegalArgumentException e) {
            throw new StorageException(file, "cannot open it as a batch of " + stream + ": " + e.getMessage(), e);
        }
        Path mine = worker.dir().resolve(file.getFileName());
        try {
            try {
                FileOps.SYSTEM.link(file, mine);
            } catch (UnsupportedOperationException | IOException e) {
                if (e instanceof java.nio.file.FileAlreadyExistsException) {
                    throw (java.nio.file.FileAlreadyExistsException) e;
                }
                Files.copy(file, mine);
            }
        } catch (IOException e) {
            throw new StorageException(mine, "cannot take over the batch file " + file + ": " + e, e);
        }
        FileBatch batch = new FileBatch(BatchFile.open(mine, layout, k, v));
        if (!learned) {
            learn(new Named(k, codecNames[0]), new Named(v, codecNames[1]));
        }
        return batch;
    }

    /**
     * The codec of a column from its first records: that of the sealed interface their class implements, if any
     * (later batches may hold its other subtypes), else that of their class or common sealed interface; for
     * {@link Sequenced} records, the position and the codec of their values, learned the same way.
     */
    private Named codecOf(Object[] column, int size, String what) {
        if (column[0] instanceof Sequenced<?>) {
            Object[] values = new Object[size];
            for (int i = 0; i < size; i++) {
                if (!(column[i] instanceof Sequenced<?> s)) {
                    throw new IllegalArgumentException(what + " mix Sequenced records with " + column[i].getClass());
                }
                values[i] = s.value();
            }
            Named inner = codecOf(values, size, what + " (their Sequenced values)");
            return new Named(new SequencedCodec(inner.codec()), CodecNames.sequenced(inner.name()));
        }
        Class<?> type = ColumnCodecs.columnType(column, size, what);
        Codec<?> c = worker.codecs().codecFor(type);
        for (Class<?> i : column[0].getClass().getInterfaces()) {
            if (i.isSealed() && worker.codecs().hasCodec(i)) {
                return new Named(worker.codecs().codecFor(i), CodecNames.of(i));
            }
        }
        return new Named(c, CodecNames.of(type));
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
    public java.util.concurrent.Executor mergeThreads() {
        return worker.mergeThreads();
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
