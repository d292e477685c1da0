package org.jdbsp.checkpoint.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbsp.checkpoint.CheckpointException;
import org.jdbsp.storage.internal.FileOps;
import org.jdbsp.storage.spi.BatchFileNames;

/**
 * The checkpoint directory, {@code <storage>/checkpoints}: finding, writing (temporary name, fsync, atomic
 * rename, directory fsync), reading and deleting manifests, and deleting the files no kept checkpoint
 * references.
 */
public final class CheckpointStore {
    /** The file system calls, replaced by tests that inject a failing fsync or rename. */
    static volatile FileOps ops = FileOps.SYSTEM;

    private static final Pattern MANIFEST = Pattern.compile("checkpoint-(\\d{8,})\\.manifest");
    private static final Pattern STATE = Pattern.compile("state-(\\d{8,})\\.bin");

    private final Path root;

    /** The checkpoints of the circuit whose storage directory is {@code storage} (created when first written). */
    public CheckpointStore(Path storage) {
        this.root = storage.resolve("checkpoints");
    }

    /** The directory of all checkpoints. */
    public Path root() {
        return root;
    }

    /** The directory of worker {@code w}'s files, created if missing. */
    public Path workerDir(int w) {
        Path dir = root.resolve("worker-" + w);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CheckpointException(dir, "cannot create the checkpoint directory: " + e, false, e);
        }
        return dir;
    }

    /** The manifest file of checkpoint {@code id}. */
    public Path manifestPath(String id) {
        return root.resolve("checkpoint-" + id + ".manifest");
    }

    /** The state file name of checkpoint {@code id}. */
    static String stateFileName(String id) {
        return "state-" + id + ".bin";
    }

    /** The ids of the complete checkpoints (those with a manifest), oldest first. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return ids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root)) {
            for (Path p : files) {
                Matcher m = MANIFEST.matcher(p.getFileName().toString());
                if (m.matches()) {
                    ids.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new CheckpointException(root, "cannot list the checkpoints: " + e, false, e);
        }
        ids.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        return ids;
    }

    /** An id after every checkpoint's and every state file's (of a checkpoint that failed before its manifest). */
    public String nextId(int workers) {
        long max = 0;
        for (String id : ids()) {
            max = Math.max(max, Long.parseLong(id));
        }
        for (int w = 0; w < workers; w++) {
            for (String name : list(root.resolve("worker-" + w))) {
                Matcher m = STATE.matcher(name);
                if (m.matches()) {
                    max = Math.max(max, Long.parseLong(m.group(1)));
                }
            }
        }
        return String.format("%08d", max + 1);
    }

    /** Reads the manifest of checkpoint {@code id}. */
    public Manifest read(String id) {
        Path p = manifestPath(id);
        try {
            return Manifest.decode(ByteBuffer.wrap(Files.readAllBytes(p)), p);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(p, "no checkpoint '" + id + "': its manifest is missing", true, e);
        } catch (IOException e) {
            throw new CheckpointException(p, "cannot read the checkpoint manifest: " + e, true, e);
        }
    }

    /**
     * Writes {@code bytes} to {@code target} durably and atomically: to a temporary name in the same directory,
     * fsync, rename, fsync of the directory. On failure nothing is left at either name.
     */
    public static void writeAtomically(Path target, ByteBuffer bytes) {
        Path dir = target.getParent();
        Path temp = dir.resolve("." + target.getFileName() + ".tmp");
        FileOps fs = ops;
        try {
            try (FileOps.WritableFile f = fs.create(temp)) {
                f.write(bytes.duplicate(), 0);
                f.force();
            }
            fs.moveAtomically(temp, target);
            fs.syncDirectory(dir);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw new CheckpointException(target, "cannot write checkpoint file: " + e, false, e);
        }
    }

    /** Deletes the manifest of {@code id} (the checkpoint ceases to exist); false if there was none. */
    public boolean deleteManifest(String id) {
        Path p = manifestPath(id);
        try {
            boolean existed = Files.deleteIfExists(p);
            if (existed) {
                ops.syncDirectory(root);
            }
            return existed;
        } catch (IOException e) {
            throw new CheckpointException(p, "cannot delete the checkpoint: " + e, false, e);
        }
    }

    /**
     * Deletes, in every worker directory, the batch and state files (and temporary files) that no kept
     * checkpoint references; returns the ids of the batch files kept. Deletes nothing if a manifest cannot be
     * read (its references are unknown).
     */
    public Set<String> collectGarbage(int workers) {
        Set<String> keptBatches = new HashSet<>();
        Set<String> keptStates = new HashSet<>();
        for (String id : ids()) {
            Manifest m;
            try {
                m = read(id);
            } catch (CheckpointException e) {
                return null;
            }
            for (Manifest.WorkerPart part : m.parts()) {
                keptBatches.addAll(part.batchIds());
                keptStates.add(part.stateFile());
            }
        }
        // a checkpoint restored on fewer workers leaves the directories of the others, emptied here
        for (int w = 0; w < workers || Files.isDirectory(root.resolve("worker-" + w)); w++) {
            Path dir = root.resolve("worker-" + w);
            for (String name : list(dir)) {
                boolean garbage = BatchFileNames.isTemporary(name) || name.endsWith(".tmp")
                        || (BatchFileNames.isBatchFile(name) && !keptBatches.contains(BatchFileNames.idOf(name)))
                        || (STATE.matcher(name).matches() && !keptStates.contains(name));
                if (garbage) {
                    deleteQuietly(dir.resolve(name));
                }
            }
        }
        return keptBatches;
    }

    private static List<String> list(Path dir) {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                names.add(p.getFileName().toString());
            }
        } catch (IOException e) {
            throw new CheckpointException(dir, "cannot list the checkpoint files: " + e, false, e);
        }
        return names;
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // garbage left behind is removed by a later collection
        }
    }
}
