package org.jdbsp.codec;

import java.nio.charset.StandardCharsets;
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
            Long.class, nullable(new Named<Long>("long") {
                @Override
                public void encode(Long v, ByteSink out) {
                    out.writeLong(v);
                }

                @Override
                public Long decode(ByteSource in) {
                    return in.readLong();
                }
            }),
            Integer.class, nullable(new Named<Integer>("int") {
                @Override
                public void encode(Integer v, ByteSink out) {
                    out.writeInt(v);
                }

                @Override
                public Integer decode(ByteSource in) {
                    return in.readInt();
                }
            }),
            Short.class, nullable(new Named<Short>("short") {
                @Override
                public void encode(Short v, ByteSink out) {
                    out.writeShort(v);
                }

                @Override
                public Short decode(ByteSource in) {
                    return in.readShort();
                }
            }),
            Byte.class, nullable(new Named<Byte>("byte") {
                @Override
                public void encode(Byte v, ByteSink out) {
                    out.writeByte(v);
                }

                @Override
                public Byte decode(ByteSource in) {
                    return in.readByte();
                }
            }),
            Character.class, nullable(new Named<Character>("char") {
                @Override
                public void encode(Character v, ByteSink out) {
                    out.writeChar(v);
                }

                @Override
                public Character decode(ByteSource in) {
                    return in.readChar();
                }
            }),
            Boolean.class, nullable(new Named<Boolean>("boolean") {
                @Override
                public void encode(Boolean v, ByteSink out) {
                    out.writeBoolean(v);
                }

                @Override
                public Boolean decode(ByteSource in) {
                    return in.readBoolean();
                }
            }),
            Float.class, nullable(new Named<Float>("float") {
                @Override
                public void encode(Float v, ByteSink out) {
                    out.writeFloat(v);
                }

                @Override
                public Float decode(ByteSource in) {
                    return in.readFloat();
                }
            }),
            Double.class, nullable(new Named<Double>("double") {
                @Override
                public void encode(Double v, ByteSink out) {
                    out.writeDouble(v);
                }

                @Override
                public Double decode(ByteSource in) {
                    return in.readDouble();
                }
            }));

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
