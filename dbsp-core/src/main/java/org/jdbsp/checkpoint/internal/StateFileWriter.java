package org.jdbsp.checkpoint.internal;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.codec.ByteSink;
import org.jdbsp.codec.Codec;
import org.jdbsp.codec.Codecs;
import org.jdbsp.storage.spi.BatchFileInfo;
import org.jdbsp.storage.spi.BatchFileWriter;
import org.jdbsp.storage.spi.ColumnCodecs;
import org.jdbsp.trace.Trace;
import org.jdbsp.zset.spi.Batch;

/**
 * Writes one worker's part of a checkpoint: the operators' values into a state file (see the package
 * documentation), batches into batch files in the worker's directory. A batch that an earlier checkpoint of
 * this circuit wrote, and which is still referenced by a kept one, is referenced again ({@code written}).
 */
final class StateFileWriter implements StateWriter {
    static final byte[] MAGIC = "dJBSPST1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final int VERSION = 1;

    private final Path dir;
    private final Codecs codecs;
    private final Map<Batch, BatchRef> written;
    private final ByteSink out = new ByteSink(1 << 12);
    private final Map<Class<?>, Integer> classes = new IdentityHashMap<>();
    private final Set<String> referenced = new LinkedHashSet<>();
    private final Set<String> created = new LinkedHashSet<>();
    private long newBytes;

    StateFileWriter(Path dir, Codecs codecs, Map<Batch, BatchRef> written) {
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
            BatchFileInfo info = BatchFileWriter.write(dir, batch, keyType == null ? null : codecs.codecFor(keyType),
                    valueType == null ? null : codecs.codecFor(valueType));
            ref = new BatchRef(info.id(), keyType == null ? "" : keyType.getName(), valueType == null ? "" : valueType.getName());
            created.add(ref.id());
            newBytes += info.bytes();
            written.put(batch, ref);
        }
        referenced.add(ref.id());
        out.writeString(ref.id());
        out.writeString(ref.keyType());
        out.writeString(ref.valueType());
    }

    @Override
    public void writeTrace(Trace trace) {
        out.writeByte('R');
        writeObject(trace.keyBound());
        List<Batch> spine = trace.batches();
        writeInt(spine.size());
        for (Batch b : spine) {
            writeBatch(b);
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
