package org.jdbsp.operators;

import org.jdbsp.codec.ByteSink;
import org.jdbsp.codec.ByteSource;
import org.jdbsp.codec.Codec;
import org.jdbsp.codec.Codecs;
import org.jdbsp.testkit.TestStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Every {@link WorkersTest} again with storage forced (every trace batch in a file): the circuits on 2 and 4
 * workers keep their state in files and must give, step by step, the changes and integrals of the one on 1
 * worker, which stays on the heap.
 */
class SpilledWorkersTest extends WorkersTest {
    @BeforeEach
    void forceStorage() {
        TestStorage.forceWith(Codecs.defaults().with(Object.class, new AnyCodec()));
    }

    @AfterEach
    void stopForcing() {
        TestStorage.force(false);
    }

    /** The components typed {@code Object} of the tests' {@link Pair}: longs, ints, strings and pairs, tagged. */
    static final class AnyCodec implements Codec<Object> {
        @Override
        public void encode(Object value, ByteSink out) {
            if (value instanceof Long l) {
                out.writeByte(0);
                out.writeLong(l);
            } else if (value instanceof Integer i) {
                out.writeByte(3);
                out.writeInt(i);
            } else if (value instanceof String s) {
                out.writeByte(1);
                out.writeString(s);
            } else if (value instanceof Pair p) {
                out.writeByte(2);
                encode(p.left(), out);
                encode(p.right(), out);
            } else {
                throw new IllegalArgumentException("the test codec has no tag for " + value.getClass());
            }
        }

        @Override
        public Object decode(ByteSource in) {
            return switch (in.readByte()) {
                case 0 -> in.readLong();
                case 1 -> in.readString();
                case 2 -> new Pair(decode(in), decode(in));
                case 3 -> in.readInt();
                default -> throw new IllegalArgumentException("unknown tag");
            };
        }
    }
}
