package org.jdbsp.checkpoint.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;
import org.jdbsp.codec.ByteSink;

/** The trailing CRC32C of manifests and state files: appended by {@link #sealed}, checked by {@link #intact}. */
final class Checksums {
    private Checksums() {}

    /** Appends the CRC32C of what {@code out} holds; returns the whole. */
    static ByteBuffer sealed(ByteSink out) {
        out.writeInt(Manifest.crc(out.contents()));
        return out.contents();
    }

    /** True when the last 4 bytes of {@code bytes} are the CRC32C of the bytes before them. */
    static boolean intact(ByteBuffer bytes) {
        ByteBuffer b = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int end = b.limit();
        if (end - b.position() < 4) {
            return false;
        }
        CRC32C c = new CRC32C();
        c.update(b.duplicate().limit(end - 4));
        return (int) c.getValue() == b.getInt(end - 4);
    }
}
