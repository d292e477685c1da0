package org.jdbsp.checkpoint.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.jdbsp.checkpoint.CheckpointException;
import org.jdbsp.checkpoint.CheckpointInfo;
import org.jdbsp.codec.ByteSink;
import org.jdbsp.codec.ByteSource;

/**
 * The manifest of one checkpoint, written last (see the package documentation for its bytes).
 *
 * @param parts per worker, its part of the checkpoint
 */
public record Manifest(String id, long step, int workers, long createdMillis, long durationNanos, long bytesWritten,
        Map<String, String> metadata, List<String> fingerprint, long[] positions, List<WorkerPart> parts) {
    /** The format version this library writes and reads (2: strings as ByteSink#writeString packs them). */
    public static final int VERSION = 2;
    private static final byte[] MAGIC = "dJBSPCK1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * One worker's part: its state file and the batch files it references (in its own directory).
     *
     * @param stateFile   the state file's name
     * @param stateLength its length in bytes
     * @param stateCrc    the CRC32C of its bytes
     * @param batchIds    the ids of the batch files its state references
     */
    public record WorkerPart(String stateFile, long stateLength, int stateCrc, List<String> batchIds) {}

    /** This manifest as a {@link CheckpointInfo}. */
    public CheckpointInfo info() {
        return new CheckpointInfo(id, step, workers, bytesWritten, Duration.ofNanos(durationNanos),
                Instant.ofEpochMilli(createdMillis), metadata);
    }

    /** The manifest's bytes. */
    public ByteBuffer encode() {
        ByteSink out = new ByteSink(1024);
        out.writeBytes(MAGIC, 0, MAGIC.length);
        out.writeInt(VERSION);
        out.writeString(id);
        out.writeLong(step);
        out.writeInt(workers);
        out.writeLong(createdMillis);
        out.writeLong(durationNanos);
        out.writeLong(bytesWritten);
        out.writeInt(metadata.size());
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            out.writeString(e.getKey());
            out.writeString(e.getValue());
        }
        out.writeInt(fingerprint.size());
        for (String f : fingerprint) {
            out.writeString(f);
        }
        out.writeInt(positions.length);
        for (long p : positions) {
            out.writeLong(p);
        }
        out.writeInt(parts.size());
        for (WorkerPart part : parts) {
            out.writeString(part.stateFile());
            out.writeLong(part.stateLength());
            out.writeInt(part.stateCrc());
            out.writeInt(part.batchIds().size());
            for (String b : part.batchIds()) {
                out.writeString(b);
            }
        }
        return Checksums.sealed(out);
    }

    /**
     * Reads the manifest in {@code bytes}, read from {@code path}.
     *
     * @throws CheckpointException (corrupt) when it is cut or damaged; (not corrupt) when it is of an unknown
     *     format version
     */
    public static Manifest decode(ByteBuffer bytes, Path path) {
        ByteBuffer b = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < MAGIC.length + 8) {
            throw new CheckpointException(path, "checkpoint manifest is truncated (" + b.remaining() + " bytes)", true, null);
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (b.get(i) != MAGIC[i]) {
                throw new CheckpointException(path, "not a checkpoint manifest (bad magic)", true, null);
            }
        }
        int version = b.getInt(MAGIC.length);
        boolean intact = Checksums.intact(b);
        if (version != VERSION) {
            throw new CheckpointException(path, "checkpoint manifest of format version " + version + ", but this library"
                    + " reads version " + VERSION + (intact ? "" : " (and its checksum does not match: it may be damaged)"),
                    !intact, null);
        }
        if (!intact) {
            throw new CheckpointException(path, "checkpoint manifest is damaged (checksum mismatch)", true, null);
        }
        try {
            ByteSource in = new ByteSource(b.duplicate().position(MAGIC.length + 4).limit(b.limit() - 4));
            String id = in.readString();
            long step = in.readLong();
            int workers = in.readInt();
            long created = in.readLong();
            long duration = in.readLong();
            long bytesWritten = in.readLong();
            Map<String, String> metadata = new LinkedHashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                metadata.put(in.readString(), in.readString());
            }
            List<String> fingerprint = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                fingerprint.add(in.readString());
            }
            long[] positions = new long[in.readInt()];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = in.readLong();
            }
            List<WorkerPart> parts = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                String file = in.readString();
                long length = in.readLong();
                int crc = in.readInt();
                List<String> ids = new ArrayList<>();
                for (int k = in.readInt(); k > 0; k--) {
                    ids.add(in.readString());
                }
                parts.add(new WorkerPart(file, length, crc, List.copyOf(ids)));
            }
            if (in.remaining() != 0 || parts.size() != workers) {
                throw new IllegalStateException(in.remaining() + " bytes left over, " + parts.size() + " parts for " + workers + " workers");
            }
            return new Manifest(id, step, workers, created, duration, bytesWritten, metadata, List.copyOf(fingerprint),
                    positions, List.copyOf(parts));
        } catch (RuntimeException e) {
            throw new CheckpointException(path, "checkpoint manifest is malformed: " + e.getMessage(), true, e);
        }
    }

    /** The CRC32C of {@code bytes}' remaining bytes. */
    static int crc(ByteBuffer bytes) {
        CRC32C c = new CRC32C();
        c.update(bytes.duplicate());
        return (int) c.getValue();
    }
}
