package org.jdbsp.codec;

import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/** The codecs of the types {@link Codecs} knows without derivation: strings, byte arrays, boxed primitives, enums. */
final class StandardCodecs {
    private StandardCodecs() {}

    /** Strings as {@link ByteSink#writeString}; null allowed. */
    static final Codec<String> STRING = new Named<>("string") {
        @Override
        public void encode(String value, ByteSink out) {
            out.writeString(value);
        }

        @Override
        public String decode(ByteSource in) {
            return in.readString();
        }

        @Override
        public void transcode(ByteSource in, ByteSink out) {
            in.copyString(out);
        }
    };

    /** A varint of the length plus one (0 for null), then the bytes. */
    static final Codec<byte[]> BYTES = new Named<>("bytes") {
        @Override
        public void encode(byte[] value, ByteSink out) {
            if (value == null) {
                out.writeVarInt(0);
                return;
            }
            if (value.length == Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a byte[] of Integer.MAX_VALUE bytes cannot be encoded");
            }
            out.writeVarInt(value.length + 1);
            out.writeBytes(value, 0, value.length);
        }

        @Override
        public byte[] decode(ByteSource in) {
            int header = in.readVarInt();
            if (header == 0) {
                return null;
            }
            int n = header - 1;
            if (n > in.remaining()) {
                throw new IllegalStateException("malformed byte[]: " + n + " bytes announced, " + in.remaining() + " left");
            }
            byte[] b = new byte[n];
            in.readBytes(b, 0, n);
            return b;
        }
    };

    /** The codecs of the boxed primitives (a presence byte, then the value as the primitive is written). */
    static final Map<Class<?>, Codec<?>> BOXED = Map.of(
            Long.class, boxed("long", ByteSink::writeLong, ByteSource::readLong),
            Integer.class, boxed("int", ByteSink::writeInt, ByteSource::readInt),
            Short.class, StandardCodecs.<Short>boxed("short", ByteSink::writeShort, ByteSource::readShort),
            Byte.class, StandardCodecs.<Byte>boxed("byte", ByteSink::writeByte, ByteSource::readByte),
            Character.class, boxed("char", ByteSink::writeChar, ByteSource::readChar),
            Boolean.class, boxed("boolean", ByteSink::writeBoolean, ByteSource::readBoolean),
            Float.class, boxed("float", ByteSink::writeFloat, ByteSource::readFloat),
            Double.class, boxed("double", ByteSink::writeDouble, ByteSource::readDouble));

    /** {@code BigInteger}: its two's-complement bytes as a {@code byte[]} (a presence byte first). */
    private static final Codec<BigInteger> BIG_INTEGER = nullable(new Named<BigInteger>("big-integer") {
        @Override
        public void encode(BigInteger value, ByteSink out) {
            BYTES.encode(value.toByteArray(), out);
        }

        @Override
        public BigInteger decode(ByteSource in) {
            byte[] b = BYTES.decode(in);
            if (b == null || b.length == 0) {
                throw new IllegalStateException("malformed BigInteger: no bytes");
            }
            return new BigInteger(b);
        }
    });

    /** {@code BigDecimal}: its scale as an int, then its unscaled value as a {@code BigInteger} (a presence byte first). */
    private static final Codec<BigDecimal> BIG_DECIMAL = nullable(new Named<BigDecimal>("big-decimal") {
        @Override
        public void encode(BigDecimal value, ByteSink out) {
            out.writeInt(value.scale());
            BYTES.encode(value.unscaledValue().toByteArray(), out);
        }

        @Override
        public BigDecimal decode(ByteSource in) {
            int scale = in.readInt();
            byte[] b = BYTES.decode(in);
            if (b == null || b.length == 0) {
                throw new IllegalStateException("malformed BigDecimal: no unscaled bytes");
            }
            return new BigDecimal(new BigInteger(b), scale);
        }
    });

    /** The codecs of the arbitrary-precision numbers (null allowed). */
    static final Map<Class<?>, Codec<?>> BIG_NUMBERS = Map.of(BigInteger.class, BIG_INTEGER, BigDecimal.class, BIG_DECIMAL);

    /** Writes a non-null boxed value as its primitive. */
    private interface Write<T> {
        void write(ByteSink out, T value);
    }

    /** Reads a primitive, boxed. */
    private interface Read<T> {
        T read(ByteSource in);
    }

    private static <T> Codec<T> boxed(String name, Write<T> write, Read<T> read) {
        return nullable(new Named<T>(name) {
            @Override
            public void encode(T value, ByteSink out) {
                write.write(out, value);
            }

            @Override
            public T decode(ByteSource in) {
                return read.read(in);
            }
        });
    }

    /** {@code codec} with a leading presence byte (0: null, 1: a value follows), so that null is allowed. */
    static <T> Codec<T> nullable(Codec<T> codec) {
        return new Codec<>() {
            @Override
            public void encode(T value, ByteSink out) {
                if (value == null) {
                    out.writeByte(0);
                } else {
                    out.writeByte(1);
                    codec.encode(value, out);
                }
            }

            @Override
            public T decode(ByteSource in) {
                return in.readBoolean() ? codec.decode(in) : null;
            }

            @Override
            public void transcode(ByteSource in, ByteSink out) {
                boolean present = in.readBoolean();
                out.writeBoolean(present);
                if (present) {
                    codec.transcode(in, out);
                }
            }

            @Override
            public String identity() {
                return "nullable " + codec.identity();
            }
        };
    }

    /**
     * Enums by constant name, so that reordering or adding constants keeps old files readable (an ordinal
     * would silently decode into another constant): a varint of the name's UTF-8 length plus one (0 for
     * null), then the name. Decoding compares the bytes in place, allocating nothing.
     */
    static <E extends Enum<E>> Codec<E> forEnum(Class<E> type) {
        E[] constants = type.getEnumConstants();
        byte[][] names = new byte[constants.length][];
        for (int i = 0; i < constants.length; i++) {
            names[i] = constants[i].name().getBytes(StandardCharsets.UTF_8);
        }
        return new Named<>("enum " + type.getName() + " by name") {
            @Override
            public void encode(E value, ByteSink out) {
                if (value == null) {
                    out.writeVarInt(0);
                    return;
                }
                byte[] name = names[value.ordinal()];
                out.writeVarInt(name.length + 1);
                out.writeBytes(name, 0, name.length);
            }

            @Override
            public E decode(ByteSource in) {
                int header = in.readVarInt();
                if (header == 0) {
                    return null;
                }
                int length = header - 1;
                for (int i = 0; i < names.length; i++) {
                    if (names[i].length == length && in.skipIfNext(names[i])) {
                        return constants[i];
                    }
                }
                if (length > in.remaining()) {
                    throw new IllegalStateException("malformed enum name of " + length + " bytes for " + type.getName());
                }
                byte[] unknown = new byte[length];
                in.readBytes(unknown, 0, length);
                throw new IllegalStateException("enum " + type.getName() + " has no constant "
                        + new String(unknown, StandardCharsets.UTF_8) + " (renamed or removed since the data was written?)");
            }
        };
    }

    /** A codec with a fixed identity. */
    abstract static class Named<T> implements Codec<T> {
        private final String identity;

        Named(String identity) {
            this.identity = identity;
        }

        @Override
        public String identity() {
            return identity;
        }
    }
}
