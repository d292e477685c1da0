package org.jdbsp.checkpoint.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbsp.checkpoint.CheckpointException;
import org.jdbsp.circuit.internal.KeyHash;
import org.jdbsp.circuit.internal.PartitionedRestore;
import org.jdbsp.circuit.internal.ShardOperator;
import org.jdbsp.circuit.spi.StatePartitioning;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.codec.ByteSource;
import org.jdbsp.codec.Codec;
import org.jdbsp.codec.Codecs;
import org.jdbsp.storage.runtime.CodecNames;
import org.jdbsp.storage.spi.BatchFile;
import org.jdbsp.storage.spi.BatchFileNames;
import org.jdbsp.storage.spi.CorruptFileException;
import org.jdbsp.storage.spi.StorageException;
import org.jdbsp.trace.FileBatch;
import org.jdbsp.trace.Trace;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;

/**
 * Reads one worker's part of a checkpoint back (see {@link StateFileWriter}). The state file is checked whole
 * (length and checksum against the manifest) when opened; each batch file is checked whole before it is
 * decoded. The batches of a trace with storage are not loaded: each file is linked into the run's directory
 * and read in place ({@link Trace#adopt}). Batches read are remembered with their files, so that the next
 * checkpoint references them.
 *
 * <p>A reader of a restore on another number of workers ({@link #rescaled}) reads the same part again for each
 * new worker and cuts it for that worker as each operator's {@link StatePartitioning} says (batches by the key
 * hash of the exchanges, {@link ShardOperator#ownedPart}); the batches it gives are new (loaded and cut, never
 * adopted), so it remembers none.
 */
final class StateFileReader implements StateReader, PartitionedRestore {
    private final Path file;
    private final Path dir;
    private final Codecs codecs;
    private final Map<Object, BatchRef> written;
    private final ByteBuffer bytes;
    private final ByteSource in;
    private final List<Class<?>> classes = new ArrayList<>();
    /** The file batches adopted by this restore, by id (traces that shared one get it once, retained). */
    private final Map<String, FileBatch> adopted = new HashMap<>();
    /** The new worker restored, or null when restoring on the number of workers the checkpoint was taken with. */
    private final RescaleTarget target;
    /** The saved part this reader reads. */
    private final int part;
    private StatePartitioning partitioning = StatePartitioning.BY_KEY;
    /** How the current operator's state was cut among the saved workers. */
    private StatePartitioning savedCut = StatePartitioning.BY_KEY;

    private StateFileReader(Path file, ByteBuffer bytes, Codecs codecs, Map<Object, BatchRef> written,
                            RescaleTarget target, int part) {
        this.file = file;
        this.dir = file.getParent();
        this.codecs = codecs;
        this.written = written;
        this.bytes = bytes;
        this.in = new ByteSource(bytes.duplicate().position(StateFileWriter.MAGIC.length + 4).limit(bytes.limit() - 4));
        this.target = target;
        this.part = part;
    }

    /**
     * A reader of the same (already checked) file from its start, for new worker {@code target} of a restore on
     * another number of workers; this file is saved part {@code part}.
     */
    StateFileReader rescaled(RescaleTarget target, int part) {
        return new StateFileReader(file, bytes, codecs, written, target, part);
    }

    /**
     * Opens the state file of {@code part} in {@code dir}, checked against it, and checks that every batch file it
     * references exists.
     *
     * @throws CheckpointException (corrupt) naming the file that is missing, cut or damaged
     */
    static StateFileReader open(Path dir, Manifest.WorkerPart part, Codecs codecs, Map<Object, BatchRef> written) {
        Path file = dir.resolve(part.stateFile());
        ByteBuffer bytes;
        try {
            bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file, "checkpoint state file is missing", true, e);
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot read checkpoint state file: " + e, true, e);
        }
        if (bytes.remaining() != part.stateLength()) {
            throw new CheckpointException(file, "checkpoint state file has " + bytes.remaining() + " bytes, the manifest says "
                    + part.stateLength() + " (truncated or replaced)", true, null);
        }
        if (bytes.remaining() < StateFileWriter.MAGIC.length + 8
                || !bytes.slice(0, StateFileWriter.MAGIC.length).equals(ByteBuffer.wrap(StateFileWriter.MAGIC))) {
            throw new CheckpointException(file, "not a checkpoint state file (bad magic)", true, null);
        }
        if (!Checksums.intact(bytes) || bytes.getInt(bytes.limit() - 4) != part.stateCrc()) {
            throw new CheckpointException(file, "checkpoint state file is damaged (checksum mismatch)", true, null);
        }
        int version = bytes.getInt(StateFileWriter.MAGIC.length);
        if (version != StateFileWriter.VERSION) {
            throw new CheckpointException(file, "checkpoint state file of format version " + version + ", but this library reads version "
                    + StateFileWriter.VERSION, false, null);
        }
        for (String id : part.batchIds()) {
            Path p = dir.resolve(BatchFileNames.fileName(id));
            if (!Files.isRegularFile(p)) {
                throw new CheckpointException(p, "batch file of the checkpoint is missing", true, null);
            }
        }
        return new StateFileReader(file, bytes, codecs, written, null, 0);
    }

    @Override
    public void use(StatePartitioning next, StatePartitioning saved) {
        partitioning = next;
        savedCut = saved;
    }

    @Override
    public StatePartitioning partitioning() {
        return partitioning;
    }

    @Override
    public StatePartitioning saved() {
        return savedCut;
    }

    @Override
    public boolean rescaling() {
        return target != null;
    }

    @Override
    public boolean owns(Object key) {
        if (target == null) {
            return true;
        }
        switch (partitioning) {
            case BY_KEY: return KeyHash.ownerOf(key, target.workers) == target.worker;
            case ON_WORKER_ZERO: return target.worker == 0;
            default: return true;
        }
    }

    @Override
    public boolean ownsLong(long key) {
        if (target == null) {
            return true;
        }
        switch (partitioning) {
            case BY_KEY: return KeyHash.ownerOfLong(key, target.workers) == target.worker;
            case ON_WORKER_ZERO: return target.worker == 0;
            default: return true;
        }
    }

    @Override
    public boolean takesCounters() {
        if (target == null) {
            return true;
        }
        switch (partitioning) {
            case BY_KEY: return part % target.workers == target.worker;
            case ON_WORKER_ZERO: return target.worker == 0;
            default: return true;
        }
    }

    /**
     * Whether this reader gives nothing of the batches of the current operator: the saved parts are copies and
     * this is not the first, or they all go to another worker.
     */
    private boolean dropsBatches() {
        return target != null && ((savedCut == StatePartitioning.REPLICATED && part != 0)
                || (partitioning == StatePartitioning.ON_WORKER_ZERO && target.worker != 0));
    }

    private void tag(char expected) {
        byte t = in.readByte();
        if (t != expected) {
            throw new IllegalStateException("read a " + kind(expected) + " where a " + kind((char) t) + " was saved, in " + file);
        }
    }

    private static String kind(char tag) {
        switch (tag) {
            case 'L': return "long";
            case 'I': return "int";
            case 'B': return "boolean";
            case 'O': return "object";
            case 'T': return "batch";
            case 'R': return "trace";
            default: return "value tagged " + (int) tag;
        }
    }

    @Override
    public long readLong() {
        tag('L');
        return in.readLong();
    }

    @Override
    public int readInt() {
        tag('I');
        return in.readInt();
    }

    @Override
    public boolean readBoolean() {
        tag('B');
        return in.readBoolean();
    }

    @Override
    public Object readObject() {
        tag('O');
        int ref = in.readVarInt();
        if (ref == 0) {
            return null;
        }
        Class<?> type;
        if (ref == classes.size() + 1) {
            type = load(in.readString());
            classes.add(type);
        } else if (ref <= classes.size()) {
            type = classes.get(ref - 1);
        } else {
            throw new IllegalStateException("malformed class reference " + ref + " in " + file);
        }
        return codecs.codecFor(type).decode(in);
    }

    @Override
    public Batch readBatch(Layout layout) {
        BatchRef ref = readRef();
        return ref == null || dropsBatches() ? Batch.empty(layout) : load(ref, layout);
    }

    /** The reference of a batch, null for an empty batch. */
    private BatchRef readRef() {
        tag('T');
        String id = in.readString();
        return id.isEmpty() ? null : new BatchRef(id, in.readString(), in.readString());
    }

    /** The batch file of {@code ref} adopted by {@code trace}, checked whole, or null when the trace has no storage. */
    private FileBatch adopt(BatchRef ref, Trace trace) {
        FileBatch known = adopted.get(ref.id());
        if (known != null) {
            return known.retain();
        }
        Path p = dir.resolve(BatchFileNames.fileName(ref.id()));
        FileBatch batch;
        try {
            batch = trace.adopt(p, new String[] {ref.keyType(), ref.valueType()});
        } catch (StorageException e) {
            throw fileFailure(p, e);
        }
        if (batch == null) {
            return null;
        }
        try {
            batch.file().verifyAll();
        } catch (CorruptFileException e) {
            batch.release();
            throw fileFailure(p, e);
        }
        adopted.put(ref.id(), batch);
        written.put(batch, ref);
        return batch;
    }

    private static CheckpointException fileFailure(Path p, StorageException e) {
        if (e instanceof CorruptFileException) {
            return new CheckpointException(p, "batch file of the checkpoint is damaged: " + e.getMessage(), true, e);
        }
        boolean missing = !Files.exists(p);
        return new CheckpointException(p, (missing ? "batch file of the checkpoint is missing: " : "cannot read batch file: ")
                + e.getMessage(), missing, e);
    }

    private Batch load(BatchRef ref, Layout layout) {
        Path p = dir.resolve(BatchFileNames.fileName(ref.id()));
        Batch batch;
        try {
            BatchFile f = BatchFile.open(p, layout, codecOf(ref.keyType()), codecOf(ref.valueType()));
            f.verifyAll();
            batch = f.toBatch();
        } catch (StorageException e) {
            throw fileFailure(p, e);
        }
        if (target != null) {
            return partitioning == StatePartitioning.BY_KEY ? ShardOperator.ownedPart(batch, target.worker, target.workers) : batch;
        }
        written.put(batch, ref);
        return batch;
    }

    private Codec<?> codecOf(String name) {
        return CodecNames.resolve(codecs, name, StateFileReader::load);
    }

    @Override
    public void readTrace(Trace trace) {
        tag('R');
        Object bound = readObject();
        int n = readCount();
        List<Batch> spine = new ArrayList<>(n);
        List<FileBatch> files = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BatchRef ref = readRef();
            if (target != null) {
                Batch b = ref == null || dropsBatches() ? Batch.empty(trace.layout()) : load(ref, trace.layout());
                if (b.size > 0) {
                    spine.add(b);
                }
                continue;
            }
            FileBatch f = ref == null ? null : adopt(ref, trace);
            files.add(f);
            spine.add(ref == null ? Batch.empty(trace.layout()) : f == null ? load(ref, trace.layout()) : null);
        }
        if (target != null) {
            target.add(trace, spine, bound);
            return;
        }
        trace.restore(spine, files, bound);
    }

    private int readCount() {
        tag('I');
        int n = in.readInt();
        if (n < 0) {
            throw new IllegalStateException("malformed count " + n + " in " + file);
        }
        return n;
    }

    /** Checks that every value was read. */
    void finish() {
        if (in.remaining() != 0) {
            throw new IllegalStateException(in.remaining() + " bytes of " + file + " were left unread: the saved state does not match this circuit");
        }
    }

    private static Class<?> load(String name) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(name, false, context != null ? context : StateFileReader.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            try {
                return Class.forName(name, false, StateFileReader.class.getClassLoader());
            } catch (ClassNotFoundException again) {
                throw new IllegalStateException("the checkpoint holds records of class " + name + ", which cannot be loaded", e);
            }
        }
    }
}
