package org.jdbsp.bench.run;

import java.nio.file.Path;
import org.jdbsp.bench.report.AtomicFile;

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
     * Checks before a run that results can be written to {@code file} (one query's file, see {@link #of}): it is
     * written through a temporary file next to it ({@link AtomicFile}), which must be possible.
     *
     * @throws IllegalArgumentException if its directory is missing or not writable, or it is a directory
     */
    public static void check(Path file) {
        String problem = AtomicFile.problem(file);
        if (problem != null) {
            throw new IllegalArgumentException("--results " + file + ": " + problem);
        }
    }
}
