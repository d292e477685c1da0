package org.jdbsp.bench.run;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code --results FILE} writes: to FILE itself when one query runs; when several run, one file per query,
 * named FILE with {@code -} and the query's name inserted before the extension ({@code out.txt} gives
 * {@code out-q1.txt}, {@code out} gives {@code out-q1}).
 */
public final class ResultsFiles {
    private ResultsFiles() {}

    /** The file of {@code query}'s results. */
    public static Path of(Path file, String query, boolean severalQueries) {
        if (!severalQueries) {
            return file;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String named = dot > 0 ? name.substring(0, dot) + "-" + query + name.substring(dot) : name + "-" + query;
        return file.resolveSibling(named);
    }

    /**
     * Checks before a run that the results can be written next to {@code file}.
     *
     * @throws IllegalArgumentException if its directory does not exist or it is a directory
     */
    public static void check(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--results " + file + ": the directory " + dir + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("--results " + file + ": is a directory");
        }
    }
}
