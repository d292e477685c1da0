package org.jdbsp.codec;

/**
 * The codec of a record component declared as {@code Object} (a generic record's type variable, such as the
 * value of {@code Sequenced<T>}): each value is written as its class's name and a hash of its codec's identity,
 * then in that class's codec from the same registry. Decoding loads the class by name and refuses a value whose
 * codec has changed since it was written, so a changed class never decodes into wrong records.
 */
final class RuntimeClassCodec implements Codec<Object> {
    private final Codecs registry;
    private final ClassLoader loader;
    /** The last class seen, with its codec (one immutable entry, so that threads may share this codec). */
    private volatile Entry last;

    private record Entry(Class<?> type, Codec<Object> codec, int identityHash) {}

    RuntimeClassCodec(Codecs registry, ClassLoader loader) {
        this.registry = registry;
        this.loader = loader;
    }

    @Override
    public void encode(Object value, ByteSink out) {
        Entry e = entryOf(value.getClass());
        out.writeString(e.type().getName());
        out.writeInt(e.identityHash());
        e.codec().encode(value, out);
    }

    @Override
    public Object decode(ByteSource in) {
        String name = in.readString();
        int identityHash = in.readInt();
        Class<?> c;
        try {
            c = Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("a value of class " + name + " was written, but that class cannot be loaded", e);
        }
        Entry e = entryOf(c);
        if (identityHash != e.identityHash()) {
            throw new IllegalArgumentException("a value of class " + name + " was written with another encoding of that"
                    + " class than today's (" + e.codec().identity() + "): the class changed since");
        }
        return e.codec().decode(in);
    }

    @SuppressWarnings("unchecked")
    private Entry entryOf(Class<?> c) {
        Entry e = last;
        if (e == null || e.type() != c) {
            Codec<Object> codec = (Codec<Object>) registry.codecFor(c);
            e = new Entry(c, codec, codec.identity().hashCode());
            last = e;
        }
        return e;
    }

    @Override
    public String identity() {
        return "runtime-class";
    }
}
