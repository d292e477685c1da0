package org.jdbsp.checkpoint.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbsp.checkpoint.CheckpointException;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.codec.ByteSink;
import org.jdbsp.codec.Codec;
import org.jdbsp.codec.Codecs;
import org.jdbsp.storage.internal.BatchWriters;
import org.jdbsp.storage.internal.FileOps;
import org.jdbsp.storage.runtime.CodecNames;
import org.jdbsp.storage.spi.BatchFileInfo;
import org.jdbsp.storage.spi.BatchFileNames;
import org.jdbsp.storage.spi.BatchFileWriter;
import org.jdbsp.storage.spi.ColumnCodecs;
import org.jdbsp.storage.spi.StorageException;
import org.jdbsp.trace.FileBatch;
import org.jdbsp.trace.Trace;
import org.jdbsp.zset.spi.Batch;

/**
 * Writes one worker's part of a checkpoint: the operators' values into a state file (see the package
 * documentation), batches into batch files in the worker's directory. A batch that an earlier checkpoint of
 * this circuit wrote, and which is still referenced by a kept one, is referenced again ({@code written}). A
 * trace's batch that is already in a file (spilled) is not read nor written again: the file gets a second name
 * in the worker's directory (a hard link, fsynced; a copy where the file system cannot link), so it lives on
 * while a kept checkpoint or the trace holds it. Every file operation goes through {@link CheckpointStore#ops};
 * a failure throws a {@link CheckpointException} naming the file.
 */
final class StateFileWriter implements StateWriter {
    static final byte[] MAGIC = "dJBSPST1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    // 2: records encoded with varint long and int components (batch file version 2); 3: strings packed (batch file version 3)
    static final int VERSION = 3;

    private final Path dir;
    private final Codecs codecs;
    private final FileOps ops = CheckpointStore.ops;
    /** Batches and file batches already in a file of this directory, with that file. */
    private final Map<Object, BatchRef> written;
    private final ByteSink out = new ByteSink(1 << 12);
    private final Map<Class<?>, Integer> classes = new IdentityHashMap<>();
    private final Set<String> referenced = new LinkedHashSet<>();
    private final Set<String> created = new LinkedHashSet<>();
    private long newBytes;

    StateFileWriter(Path dir, Codecs codecs, Map<Object, BatchRef> written) {
        this.dir = dir;
        this.codecs = codecs;
        this.written = written;
        out.writeBytes(MAGIC, 0, MAGIC.length);
        out.writeInt(VERSION);
    }

    @Override
    public void writeLong(long value) {
        out.writeByte('L');
        out.writeLong(value);
    }

    @Override
    public void writeInt(int value) {
        out.writeByte('I');
        out.writeInt(value);
    }

    @Override
    public void writeBoolean(boolean value) {
        out.writeByte('B');
        out.writeBoolean(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void writeObject(Object value) {
        out.writeByte('O');
        if (value == null) {
            out.writeVarInt(0);
            return;
        }
        Class<?> type = value.getClass();
        Codec<Object> codec = (Codec<Object>) codecs.codecFor(type);
        Integer known = classes.get(type);
        if (known != null) {
            out.writeVarInt(known);
        } else {
            int next = classes.size() + 1;
            classes.put(type, next);
            out.writeVarInt(next);
            out.writeString(type.getName());
        }
        codec.encode(value, out);
    }

    @Override
    public void writeBatch(Batch batch) {
        out.writeByte('T');
        if (batch.size == 0) {
            out.writeString("");
            return;
        }
        BatchRef ref = written.get(batch);
        if (ref == null) {
            Class<?> keyType = batch.objKeys == null ? null : ColumnCodecs.columnType(batch.objKeys, batch.size, "the keys of a batch");
            Class<?> valueType = batch.objValues == null ? null
                    : ColumnCodecs.columnType(batch.objValues, batch.size, "the values of a batch");
            BatchFileInfo info;
            try (BatchFileWriter w = BatchWriters.create(ops, dir, batch.layout, keyType == null ? null : codecs.codecFor(keyType),
                    valueType == null ? null : codecs.codecFor(valueType))) {
                w.addAll(batch);
                info = w.finish();
            } catch (StorageException e) {
                throw new CheckpointException(e.path(), "cannot write a batch file of the checkpoint: " + e.getMessage(), false, e);
            }
            ref = new BatchRef(info.id(), keyType == null ? "" : CodecNames.of(keyType), valueType == null ? "" : CodecNames.of(valueType));
            created.add(ref.id());
            newBytes += info.bytes();
            written.put(batch, ref);
        }
        writeRef(ref);
    }

    private void writeRef(BatchRef ref) {
        referenced.add(ref.id());
        out.writeString(ref.id());
        out.writeString(ref.keyType());
        out.writeString(ref.valueType());
    }

    /** Writes a trace's batch that is in a file by referencing that file (see the class comment). */
    private void writeFileBatch(FileBatch batch, String[] codecNames) {
        out.writeByte('T');
        BatchRef ref = written.get(batch);
        if (ref == null) {
            String id = batch.file().id();
            Path source = batch.file().path();
            Path target = dir.resolve(BatchFileNames.fileName(id));
            if (!Files.exists(target)) {   // else a kept checkpoint has it already (this trace adopted it at a restore)
                try {
                    try {
                        ops.link(source, target);
                    } catch (UnsupportedOperationException | IOException e) {
                        if (e instanceof FileAlreadyExistsException) {
                            throw (FileAlreadyExistsException) e;
                        }
                        copy(source, target);
                    }
                    created.add(id);
                    ops.syncFile(target);
                } catch (IOException e) {
                    throw new CheckpointException(target, "cannot reference the trace's batch file " + source
                            + " in the checkpoint: " + e, false, e);
                }
            }
            ref = new BatchRef(id, codecNames[0], codecNames[1]);
            written.put(batch, ref);
        }
        writeRef(ref);
    }

    /** Copies a batch file where it cannot be linked (temporary name, rename; the caller fsyncs). */
    private void copy(Path source, Path target) throws IOException {
        Path temp = dir.resolve(BatchFileNames.temporaryName(BatchFileNames.idOf(target.getFileName().toString())));
        try {
            Files.copy(source, temp);
            ops.moveAtomically(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
        newBytes += Files.size(target);
    }

    @Override
    public void writeTrace(Trace trace) {
        out.writeByte('R');
        writeObject(trace.keyBound());
        int n = trace.batchCount();
        writeInt(n);
        String[] codecNames = null;
        for (int k = 0; k < n; k++) {
            Batch heap = trace.heapBatch(k);
            if (heap != null) {
                writeBatch(heap);
                continue;
            }
            if (codecNames == null) {
                codecNames = trace.fileCodecNames();
            }
            if (codecNames != null) {
                writeFileBatch(trace.fileBatch(k), codecNames);
            } else {
                writeBatch(trace.fileBatch(k).file().toBatch());   // a storage that cannot name its codecs
            }
        }
    }

    /** Writes the state file of checkpoint {@code id}; returns this worker's part of the manifest. */
    Manifest.WorkerPart finish(String id) {
        ByteBuffer bytes = Checksums.sealed(out);
        String name = CheckpointStore.stateFileName(id);
        int length = bytes.remaining();
        int crc = bytes.getInt(bytes.limit() - 4);
        CheckpointStore.writeAtomically(dir.resolve(name), bytes);
        newBytes += length;
        return new Manifest.WorkerPart(name, length, crc, List.copyOf(referenced));
    }

    /** Bytes of the files this writer created. */
    long newBytes() {
        return newBytes;
    }

    /** The ids of the batch files this writer created (to forget them if the checkpoint fails). */
    Set<String> created() {
        return created;
    }
}
