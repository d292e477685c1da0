package org.jdbsp.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The derived codec of a record class: its components one after the other, each as its type is written.
 *
 * <p>Built once per class from method handles: one writer of all components (per component the accessor, then the
 * typed write, primitives never boxed; chained in declaration order by {@link MethodHandles#foldArguments}, so that
 * encoding a record is one handle call, which the JVM compiles as a whole) and one reader that decodes the
 * components in declaration order (a chain of the same kind) and calls the canonical constructor.
 */
final class RecordCodec<T> implements Codec<T> {
    private static final Map<Class<?>, String> WRITES = Map.of(long.class, "writeVarLong", int.class, "writeVarLong",
            short.class, "writeShort", byte.class, "writeByte", char.class, "writeChar", boolean.class, "writeBoolean",
            float.class, "writeFloat", double.class, "writeDouble");
    private static final Map<Class<?>, String> READS = Map.of(long.class, "readVarLong", int.class, "readVarLong",
            short.class, "readShort", byte.class, "readByte", char.class, "readChar", boolean.class, "readBoolean",
            float.class, "readFloat", double.class, "readDouble");
    private static final MethodHandle ENCODE;
    private static final MethodHandle DECODE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ENCODE = lookup.findVirtual(Codec.class, "encode", MethodType.methodType(void.class, Object.class, ByteSink.class));
            DECODE = lookup.findVirtual(Codec.class, "decode", MethodType.methodType(Object.class, ByteSource.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Class<T> type;
    /** {@code (Object, ByteSink) -> void}: writes every component. */
    private final MethodHandle writer;
    private final MethodHandle reader;
    private final String identity;
    /** Per component, how {@link #transcode} copies it: its codec (null for a primitive) and its primitive type. */
    private final Codec<Object>[] codecs;
    private final Class<?>[] primitives;

    /** The codec of {@code type}, whose reference components use {@code codecs[i]} (null for primitives). */
    @SuppressWarnings("unchecked")
    RecordCodec(Class<T> type, Codec<?>[] codecs) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        this.codecs = (Codec<Object>[]) codecs.clone();
        this.primitives = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            primitives[i] = codecs[i] == null ? components[i].getType() : null;
        }
        MethodHandle[] writers = new MethodHandle[components.length];
        StringJoiner id = new StringJoiner(", ", "record " + type.getName() + "(", ")");
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                Method accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                MethodHandle getter = lookup.unreflect(accessor).asType(MethodType.methodType(types[i], Object.class));
                writers[i] = MethodHandles.filterArguments(write(lookup, types[i], codecs[i]), 0, getter);
                id.add((codecs[i] == null ? primitiveName(types[i]) : codecs[i].identity()) + " " + components[i].getName());
            }
            Constructor<T> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            MethodHandle chain = MethodHandles.dropArguments(
                    lookup.unreflectConstructor(constructor).asType(MethodType.methodType(Object.class, types)),
                    0, ByteSource.class);
            for (int k = components.length - 1; k >= 0; k--) {
                chain = MethodHandles.foldArguments(decodeLast(chain, k), read(lookup, types[k], codecs[k]));
            }
            reader = chain;
            MethodHandle all = MethodHandles.empty(MethodType.methodType(void.class, Object.class, ByteSink.class));
            for (int k = components.length - 1; k >= 0; k--) {
                all = MethodHandles.foldArguments(all, writers[k]); // writers[k], then the components after it
            }
            writer = all;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot derive a codec for record " + type.getName() + ": " + e
                    + openHint(type), e);
        }
        identity = id.toString();
    }

    /** A primitive component's encoding in the identity: {@code long} and {@code int} are zigzag varints. */
    private static String primitiveName(Class<?> t) {
        return t == long.class || t == int.class ? "varint-" + t.getName() : t.getName();
    }

    /** Reads an {@code int} component, written as a zigzag varint, refusing one out of range. */
    private static int readVarIntComponent(ByteSource in) {
        long v = in.readVarLong();
        if ((int) v != v) {
            throw new IllegalStateException("malformed int component: " + v + " is out of range");
        }
        return (int) v;
    }

    /** {@code (T, ByteSink) -> void}: writes a component of type {@code t}. */
    private static MethodHandle write(MethodHandles.Lookup lookup, Class<?> t, Codec<?> codec) throws ReflectiveOperationException {
        MethodHandle w;
        if (codec == null) {
            Class<?> param = t == int.class ? long.class : t == byte.class || t == short.class ? int.class : t;
            w = lookup.findVirtual(ByteSink.class, WRITES.get(t), MethodType.methodType(void.class, param));
        } else {
            w = MethodHandles.permuteArguments(ENCODE.bindTo(codec),
                    MethodType.methodType(void.class, ByteSink.class, Object.class), 1, 0);
        }
        // (ByteSink, T) -> (T, ByteSink)
        return MethodHandles.permuteArguments(w.asType(MethodType.methodType(void.class, ByteSink.class, t)),
                MethodType.methodType(void.class, t, ByteSink.class), 1, 0);
    }

    /** {@code (ByteSource) -> T}: reads a component of type {@code t}. */
    private static MethodHandle read(MethodHandles.Lookup lookup, Class<?> t, Codec<?> codec) throws ReflectiveOperationException {
        if (codec == null) {
            if (t == int.class) {
                return lookup.findStatic(RecordCodec.class, "readVarIntComponent", MethodType.methodType(int.class, ByteSource.class));
            }
            return lookup.findVirtual(ByteSource.class, READS.get(t), MethodType.methodType(t));
        }
        return DECODE.bindTo(codec).asType(MethodType.methodType(t, ByteSource.class));
    }

    /**
     * Turns {@code h: (ByteSource, T0..Tk) -> Object} into {@code (Tk, ByteSource, T0..Tk-1) -> Object}, the
     * shape {@link MethodHandles#foldArguments} needs to feed it component {@code k} read from the source.
     */
    private static MethodHandle decodeLast(MethodHandle h, int k) {
        MethodType t = h.type();
        Class<?>[] params = new Class<?>[k + 2];
        params[0] = t.parameterType(k + 1);
        params[1] = ByteSource.class;
        for (int j = 0; j < k; j++) {
            params[j + 2] = t.parameterType(j + 1);
        }
        int[] reorder = new int[k + 2];
        reorder[0] = 1;
        for (int j = 0; j < k; j++) {
            reorder[j + 1] = j + 2;
        }
        reorder[k + 1] = 0;
        return MethodHandles.permuteArguments(h, MethodType.methodType(Object.class, params), reorder);
    }

    private static String openHint(Class<?> type) {
        Module module = type.getModule();
        if (!module.isNamed() || module.isOpen(type.getPackageName(), RecordCodec.class.getModule())) {
            return "";
        }
        return " (module " + module.getName() + " must open the record's package to the library: add 'opens "
                + type.getPackageName() + " to " + RecordCodec.class.getModule().getName() + ";' to its module-info)";
    }

    @Override
    public void encode(T value, ByteSink out) {
        if (value == null) {
            throw new NullPointerException("cannot encode a null " + type.getName() + " (only record components may be null)");
        }
        try {
            writer.invokeExact((Object) value, out);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("encoding a " + type.getName() + " failed: " + t, t);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T decode(ByteSource in) {
        try {
            return (T) (Object) reader.invokeExact(in);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("decoding a " + type.getName() + " failed: " + t, t);
        }
    }

    /**
     * Copies each component in place: a {@code long} as the bytes of its varint ({@link ByteSource#copyVarLong}), the
     * other primitives as they are written, the others by their codec's transcode.
     */
    @Override
    public void transcode(ByteSource in, ByteSink out) {
        Codec<Object>[] cs = codecs;
        Class<?>[] ps = primitives;
        for (int i = 0; i < cs.length; i++) {
            Codec<Object> c = cs[i];
            if (c != null) {
                c.transcode(in, out);
                continue;
            }
            Class<?> t = ps[i];
            if (t == long.class) {
                in.copyVarLong(out);
            } else if (t == int.class) {
                out.writeVarLong(readVarIntComponent(in));
            } else if (t == boolean.class) {
                out.writeBoolean(in.readBoolean());
            } else if (t == byte.class) {
                out.writeByte(in.readByte());
            } else if (t == short.class || t == char.class) {
                out.writeShort(in.readShort());
            } else if (t == float.class) {
                out.writeInt(in.readInt());
            } else {
                out.writeLong(in.readLong());
            }
        }
    }

    @Override
    public String identity() {
        return identity;
    }
}
