package org.jdbsp.storage.spi;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How batch files are named: {@code batch-<id>.jbf}, where the id is a random UUID, so that a name is
 * never reused and a manifest can reference a file by id; a file being written is named
 * {@code .batch-<id>.jbf.tmp} until it is complete, and a leftover temporary file is garbage.
 */
public final class BatchFileNames {
    private static final Pattern FINAL = Pattern.compile("batch-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\\.jbf");

    private BatchFileNames() {}

    /** A fresh id. */
    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The final file name of {@code id}. */
    public static String fileName(String id) {
        return "batch-" + id + ".jbf";
    }

    /** The temporary name under which the file of {@code id} is written. */
    public static String temporaryName(String id) {
        return "." + fileName(id) + ".tmp";
    }

    /** True for the name of a complete batch file. */
    public static boolean isBatchFile(String name) {
        return FINAL.matcher(name).matches();
    }

    /** True for the name of a batch file that was being written (left by a crash or a failed write). */
    public static boolean isTemporary(String name) {
        return name.startsWith(".") && name.endsWith(".jbf.tmp") && isBatchFile(name.substring(1, name.length() - 4));
    }

    /** The id in a batch file's name. */
    public static String idOf(String fileName) {
        if (!isBatchFile(fileName)) {
            throw new IllegalArgumentException("not a batch file name: " + fileName);
        }
        return fileName.substring("batch-".length(), fileName.length() - ".jbf".length());
    }
}
