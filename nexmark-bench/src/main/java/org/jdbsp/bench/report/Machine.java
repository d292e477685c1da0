package org.jdbsp.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One line naming the JVM and the machine a run was measured on. */
public final class Machine {
    private Machine() {}

    /** For example {@code JVM: OpenJDK 64-Bit Server VM 17.0.15+6, max heap 5.9 GiB; 2 CPUs (AMD EPYC ...); Linux}. */
    public static String describe() {
        Runtime rt = Runtime.getRuntime();
        String cpu = cpuModel();
        return "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
            + ", max heap " + Units.bytes(rt.maxMemory()) + "; " + rt.availableProcessors() + " CPUs"
            + (cpu == null ? "" : " (" + cpu + ")") + "; " + System.getProperty("os.name") + " "
            + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.startsWith("model name")) {
                    int colon = line.indexOf(':');
                    return colon < 0 ? null : line.substring(colon + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return null;
    }
}
