package org.jdbsp.bench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard error is a terminal. JDK 17 has no API for it ({@code System.console()} looks at standard input
 * and output), so on Linux this reads where {@code /proc/self/fd/2} points: a terminal is a {@code /dev/pts/N},
 * {@code /dev/ttyX} or {@code /dev/console}; a pipe, a file or {@code /dev/null} is not. Elsewhere it answers no.
 */
final class Terminal {
    private Terminal() {}

    static boolean stderrIsTerminal() {
        try {
            return isTerminalPath(Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    static boolean isTerminalPath(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }
}
