package org.jdbsp.trace;

import java.nio.file.Path;
import org.jdbsp.codec.Codecs;
import org.jdbsp.storage.runtime.WorkerStorage;
import org.jdbsp.zset.Layout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@link FueledMergeTest} again with batches of at least 2 KB in files: merges read and write files in slices too,
 * and the levels of files merge {@value Trace#FILE_FAN_IN} batches at once.
 */
class SpilledFueledMergeTest extends FueledMergeTest {
    @TempDir
    Path dir;

    @Override
    Trace newTrace(Layout layout) {
        return new Trace(layout, new WorkerStorage(dir, Codecs.defaults(), 2_048, Long.MAX_VALUE).forStream("stream 'test'", layout));
    }

    /** The large batches of that test are files, whose levels merge {@value Trace#FILE_FAN_IN} at once. */
    @Override
    int levelFanIn() {
        return Trace.FILE_FAN_IN;
    }
}
