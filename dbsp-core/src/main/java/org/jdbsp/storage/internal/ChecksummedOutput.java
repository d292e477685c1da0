package org.jdbsp.storage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.jdbsp.codec.ByteSink;

/**
 * Appends bytes to a {@link FileOps.WritableFile} from a start position, through a staging buffer, and
 * computes the CRC32C of every {@code blockSize} bytes on the way (the last block may be shorter).
 */
public final class ChecksummedOutput {
    private static final int FLUSH_AT = 1 << 20;

    private final FileOps.WritableFile file;
    private final int blockSize;
    private final ByteSink staged = new ByteSink(FLUSH_AT + (FLUSH_AT >> 2));
    private final CRC32C crc = new CRC32C();
    private int inBlock;
    private int[] blockCrcs = new int[16];
    private int blocks;
    private long flushed;

    /** Output to {@code file} from {@code start}, checksummed in blocks of {@code blockSize} bytes. */
    public ChecksummedOutput(FileOps.WritableFile file, long start, int blockSize) {
        this.file = file;
        this.flushed = start;
        this.blockSize = blockSize;
    }

    /** The file position the next byte goes to. */
    public long position() {
        return flushed + staged.size();
    }

    /** The staging buffer: append to it, then call {@link #maybeFlush}. */
    public ByteSink sink() {
        return staged;
    }

    /** Writes the staged bytes out once there are enough of them. */
    public void maybeFlush() throws IOException {
        if (staged.size() >= FLUSH_AT) {
            flush();
        }
    }

    private void flush() throws IOException {
        ByteBuffer b = staged.contents();
        checksum(b.duplicate());
        file.write(b, flushed);
        flushed += staged.size();
        staged.clear();
    }

    private void checksum(ByteBuffer b) {
        while (b.hasRemaining()) {
            int n = Math.min(b.remaining(), blockSize - inBlock);
            int end = b.position() + n;
            ByteBuffer part = b.duplicate();
            part.limit(end);
            crc.update(part);
            b.position(end);
            inBlock += n;
            if (inBlock == blockSize) {
                endBlock();
            }
        }
    }

    private void endBlock() {
        if (blocks == blockCrcs.length) {
            blockCrcs = Arrays.copyOf(blockCrcs, blocks * 2);
        }
        blockCrcs[blocks++] = (int) crc.getValue();
        crc.reset();
        inBlock = 0;
    }

    /** Writes out what is staged and returns the checksums of all blocks (the last one possibly short). */
    public int[] finish() throws IOException {
        flush();
        if (inBlock > 0) {
            endBlock();
        }
        return Arrays.copyOf(blockCrcs, blocks);
    }
}
