package org.jdbsp.checkpoint.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import org.jdbsp.checkpoint.CheckpointException;
import org.jdbsp.checkpoint.CheckpointInfo;
import org.jdbsp.checkpoint.Checkpoints;
import org.jdbsp.circuit.internal.ArrivalPositions;
import org.jdbsp.circuit.internal.CircuitRuntime;
import org.jdbsp.circuit.internal.Executor;
import org.jdbsp.circuit.internal.OperatorStates;
import org.jdbsp.codec.Codecs;
import org.jdbsp.zset.spi.Batch;

/**
 * The checkpoints of one built circuit: writes them (between steps, on the calling thread, worker by
 * worker), restores one into the circuit's freshly built operators, lists, deletes and keeps the last N.
 * Remembers, per worker, which batch files hold which of its batches (weakly: a batch merged away is
 * forgotten), so that a batch already in a kept checkpoint is referenced, not written again.
 */
public final class Checkpointer implements Checkpoints {
    /** Metadata larger than this (keys and values, UTF-8) is refused: it is for offsets, not data. */
    public static final int MAX_METADATA_BYTES = 1 << 16;

    private final CheckpointStore store;
    private final Executor[] executors;
    private final CircuitRuntime runtime;
    private final Codecs codecs;
    private final List<Map<Object, BatchRef>> written = new ArrayList<>();
    private int keep = 2;

    /** The checkpointer of a circuit whose storage directory is {@code storage}, run by {@code executors}. */
    public Checkpointer(Path storage, Executor[] executors, CircuitRuntime runtime, Codecs codecs) {
        this.store = new CheckpointStore(storage);
        this.executors = executors.clone();
        this.runtime = runtime;
        this.codecs = codecs;
        for (int w = 0; w < executors.length; w++) {
            written.add(new WeakHashMap<>());
        }
    }

    /** Writes a checkpoint of the state after the last step (the caller holds the circuit between steps). */
    public CheckpointInfo checkpoint(Map<String, String> metadata) {
        Map<String, String> meta = checkMetadata(metadata);
        long pending = OperatorStates.pendingPushes(executors[0].graph());
        if (pending > 0) {
            throw new IllegalStateException("checkpoint() with " + pending + " record(s) pushed since the last step: a checkpoint"
                    + " saves the state after a step, so step first (or push after the checkpoint)");
        }
        OperatorStates.checkSupported(executors[0].graph());
        long start = System.nanoTime();
        int w = executors.length;
        String id = store.nextId(w);
        List<Manifest.WorkerPart> parts = new ArrayList<>(w);
        List<StateFileWriter> writers = new ArrayList<>(w);
        try {
            long bytes = 0;
            for (int i = 0; i < w; i++) {
                StateFileWriter out = new StateFileWriter(store.workerDir(i), codecs, written.get(i));
                writers.add(out);
                OperatorStates.snapshot(executors[i], out);
                parts.add(out.finish(id));
                bytes += out.newBytes();
            }
            List<ArrivalPositions> inputs = runtime.arrivalPositions();
            long[] positions = new long[inputs.size()];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = inputs.get(i).next();
            }
            Manifest draft = new Manifest(id, runtime.steps(), w, System.currentTimeMillis(), 0, bytes, meta,
                    Fingerprint.of(executors[0].graph()), positions, parts);
            int manifestBytes = draft.encode().remaining();
            Manifest m = new Manifest(id, draft.step(), w, draft.createdMillis(), System.nanoTime() - start,
                    bytes + manifestBytes, meta, draft.fingerprint(), positions, parts);
            CheckpointStore.writeAtomically(store.manifestPath(id), m.encode());
            retain();
            return m.info();
        } catch (RuntimeException e) {
            // the checkpoint does not exist (no manifest): forget and remove what it wrote
            for (int i = 0; i < writers.size(); i++) {
                Set<String> created = writers.get(i).created();
                written.get(i).values().removeIf(ref -> created.contains(ref.id()));
            }
            try {
                collect();
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            if (e instanceof CheckpointException) {
                throw e;
            }
            throw new CheckpointException(store.root(), "checkpoint " + id + " failed: " + e.getMessage(), false, e);
        }
    }

    private static Map<String, String> checkMetadata(Map<String, String> metadata) {
        Objects.requireNonNull(metadata, "metadata");
        long size = 0;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("checkpoint metadata cannot hold null keys or values: " + e);
            }
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (size > MAX_METADATA_BYTES) {
            throw new IllegalArgumentException("checkpoint metadata of " + size + " bytes is over the limit of " + MAX_METADATA_BYTES
                    + " bytes: it is meant for small things such as input offsets");
        }
        return new java.util.TreeMap<>(metadata);
    }

    /**
     * Loads checkpoint {@code id} into the circuit's operators, which must be freshly built; returns it. A
     * checkpoint taken on another number of workers is cut for this circuit's workers ({@link #rescale}).
     *
     * @throws CheckpointException when it is missing or damaged ({@link CheckpointException#corrupt()}), or was
     *     taken by another circuit, or on another number of workers with an operator whose state cannot move
     *     between workers, or in an unknown format version
     */
    public CheckpointInfo restore(String id) {
        Manifest m = store.read(id);
        Path manifest = store.manifestPath(id);
        List<String> current = Fingerprint.of(executors[0].graph());
        String diff = Fingerprint.difference(m.fingerprint(), current);
        if (diff != null && m.workers() != executors.length && (m.workers() == 1 || executors.length == 1)
                && Fingerprint.difference(Fingerprint.withoutExchanges(m.fingerprint()), Fingerprint.withoutExchanges(current)) == null) {
            diff = null;   // a circuit of one worker has no exchanges: the same circuit otherwise
        }
        if (diff != null) {
            throw new CheckpointException(manifest, "the checkpoint is of another circuit: " + diff, false, null);
        }
        boolean rescaling = m.workers() != executors.length;
        if (rescaling) {
            try {
                OperatorStates.checkRescalable(executors[0].graph());
            } catch (IllegalStateException e) {
                throw new CheckpointException(manifest, "the checkpoint was taken with " + m.workers() + " worker(s) and this circuit has "
                        + executors.length + ": " + e.getMessage(), false, e);
            }
        }
        List<ArrivalPositions> inputs = runtime.arrivalPositions();
        if (inputs.size() != m.positions().length) {
            throw new CheckpointException(manifest, "the checkpoint has " + m.positions().length + " sequenced input(s), this circuit "
                    + inputs.size(), false, null);
        }
        List<StateFileReader> readers = new ArrayList<>();
        for (int i = 0; i < m.workers(); i++) {
            readers.add(StateFileReader.open(store.workerDir(i), m.parts().get(i), codecs, written.get(Math.min(i, executors.length - 1))));
        }
        if (rescaling) {
            rescale(m, readers);
        } else {
            for (int i = 0; i < executors.length; i++) {
                load(m, i, i, readers.get(i));
            }
        }
        for (int i = 0; i < inputs.size(); i++) {
            inputs.get(i).restore(m.positions()[i]);
        }
        runtime.restoreSteps(m.step());
        return m.info();
    }

    /**
     * Restores a checkpoint of W workers on this circuit's W': every new worker reads every saved part in turn,
     * each operator adding to its state what the reader leaves it of the part (see {@link
     * org.jdbsp.circuit.spi.StatePartitioning}): the keys it owns by the exchanges' hash, the state every worker
     * shares, or, for worker 0, what outputs gathered.
     */
    private void rescale(Manifest m, List<StateFileReader> readers) {
        for (int j = 0; j < executors.length; j++) {
            RescaleTarget target = new RescaleTarget(j, executors.length);
            for (int i = 0; i < readers.size(); i++) {
                load(m, j, i, readers.get(i).rescaled(target, i));
            }
        }
    }

    /** Reads saved part {@code part} with {@code in} into worker {@code worker}'s operators. */
    private void load(Manifest m, int worker, int part, StateFileReader in) {
        try {
            OperatorStates.restore(executors[worker], in);
            in.finish();
        } catch (RuntimeException e) {
            CheckpointException file = fileFailure(e);
            String what = worker == part ? "worker " + worker : "worker " + worker + " from saved worker " + part;
            throw new CheckpointException(file != null ? file.path() : store.workerDir(part).resolve(m.parts().get(part).stateFile()),
                    "cannot restore " + what + ": " + e.getMessage(), file != null && file.corrupt(), e);
        }
    }

    /** The failure of a checkpoint file among the causes of {@code e} (which names the operator reading it), or null. */
    private static CheckpointException fileFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CheckpointException && ((CheckpointException) t).path() != null) {
                return (CheckpointException) t;
            }
        }
        return null;
    }

    /** The ids of the complete checkpoints, oldest first. */
    public List<String> ids() {
        return store.ids();
    }

    @Override
    public List<CheckpointInfo> list() {
        List<CheckpointInfo> out = new ArrayList<>();
        for (String id : store.ids()) {
            out.add(store.read(id).info());
        }
        return out;
    }

    @Override
    public boolean delete(String id) {
        boolean existed = store.deleteManifest(id);
        if (existed) {
            collect();
        }
        return existed;
    }

    @Override
    public void keepLast(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("must keep at least 1 checkpoint, not " + n);
        }
        keep = n;
        retain();
    }

    @Override
    public int keptLast() {
        return keep;
    }

    /** Deletes all but the last {@code keep} checkpoints, then the files none of them references. */
    private void retain() {
        List<String> ids = store.ids();
        for (int i = 0; i < ids.size() - keep; i++) {
            store.deleteManifest(ids.get(i));
        }
        collect();
    }

    private void collect() {
        Set<String> kept = store.collectGarbage(executors.length);
        if (kept != null) {
            for (Map<Object, BatchRef> refs : written) {
                refs.values().removeIf(ref -> !kept.contains(ref.id()));
            }
        }
    }
}
