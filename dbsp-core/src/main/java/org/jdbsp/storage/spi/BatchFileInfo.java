package org.jdbsp.storage.spi;

import java.nio.file.Path;

/**
 * A batch file that was written completely and durably.
 *
 * @param path   its final path
 * @param id     the unique id in its name, by which a checkpoint manifest can reference it
 * @param bytes  its length in bytes
 * @param tuples the number of tuples it holds
 */
public record BatchFileInfo(Path path, String id, long bytes, long tuples) {}
