package org.jdbsp.codec;

import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The codec of a sealed interface whose permitted subtypes all have codecs: a varint tag (the subtype's index
 * among the permitted subtypes sorted by name, so that the order they are declared in does not matter) and
 * the subtype's own encoding. Its identity lists the subtypes' identities, so a file written before a subtype
 * was added or changed is refused.
 */
final class SealedCodec<T> implements Codec<T> {
    private final Class<T> type;
    private final Class<?>[] subtypes;
    private final Codec<Object>[] codecs;
    /** Subtypes up to this many are looked up by a scan of {@link #subtypes} rather than in {@link #tags}. */
    private static final int SCANNED = 8;

    private final Map<Class<?>, Integer> tags = new IdentityHashMap<>();
    private final String identity;

    @SuppressWarnings("unchecked")
    SealedCodec(Class<T> type, Class<?>[] permitted, Codec<?>[] subtypeCodecs) {
        this.type = type;
        Integer[] order = new Integer[permitted.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> permitted[i].getName()));
        this.subtypes = new Class<?>[permitted.length];
        this.codecs = (Codec<Object>[]) new Codec<?>[permitted.length];
        StringBuilder id = new StringBuilder("sealed ").append(type.getName()).append(" {");
        for (int t = 0; t < order.length; t++) {
            subtypes[t] = permitted[order[t]];
            codecs[t] = (Codec<Object>) subtypeCodecs[order[t]];
            tags.put(subtypes[t], t);
            id.append(t == 0 ? "" : ", ").append(codecs[t].identity());
        }
        this.identity = id.append('}').toString();
    }

    @Override
    public void encode(T value, ByteSink out) {
        int tag = tagOf(value.getClass());
        out.writeVarInt(tag);
        codecs[tag].encode(value, out);
    }

    /** The tag of subtype {@code c}: found by comparing references among a few subtypes, else in the map. */
    private int tagOf(Class<?> c) {
        Class<?>[] s = subtypes;
        if (s.length <= SCANNED) {
            for (int t = 0; t < s.length; t++) {
                if (s[t] == c) {
                    return t;
                }
            }
        } else {
            Integer tag = tags.get(c);
            if (tag != null) {
                return tag;
            }
        }
        throw new IllegalArgumentException("no codec for " + c.getName() + " as a " + type.getName()
                + ": its permitted subtypes are " + Arrays.toString(subtypes));
    }

    @Override
    @SuppressWarnings("unchecked")
    public T decode(ByteSource in) {
        int tag = in.readVarInt();
        if (tag < 0 || tag >= codecs.length) {
            throw new IllegalArgumentException("tag " + tag + " is not a subtype of " + type.getName());
        }
        return (T) codecs[tag].decode(in);
    }

    @Override
    public void transcode(ByteSource in, ByteSink out) {
        int tag = in.readVarInt();
        if (tag < 0 || tag >= codecs.length) {
            throw new IllegalArgumentException("tag " + tag + " is not a subtype of " + type.getName());
        }
        out.writeVarInt(tag);
        codecs[tag].transcode(in, out);
    }

    @Override
    public String identity() {
        return identity;
    }
}
