package org.jdbsp.storage.spi;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jdbsp.codec.Codec;
import org.jdbsp.codec.Codecs;
import org.jdbsp.codec.MissingCodecException;

/**
 * Finds the codec of an object column from the records in it, for storage layers that learn a stream's type
 * from its data (a circuit does not know the classes that its functions return): the codec of the records'
 * one class, or, when they are of several classes, of a sealed interface that every one of them implements.
 */
public final class ColumnCodecs {
    private ColumnCodecs() {}

    /**
     * The codec for the first {@code size} records of {@code column} (never null), described as {@code what} in
     * messages (e.g. "the values of stream 'bids by auction'"); null when the column is empty.
     *
     * @throws MissingCodecException naming the type (and component) without a codec
     * @throws IllegalArgumentException when the records' classes share no sealed interface
     */
    public static Codec<?> forColumn(Codecs codecs, Object[] column, int size, String what) {
        Class<?> type = columnType(column, size, what);
        return type == null ? null : codecs.codecFor(type);
    }

    /**
     * The type whose codec encodes the first {@code size} records of {@code column}: their one class, or the
     * sealed interface they all implement; null when the column is empty. A reader that knows this type (a
     * checkpoint records its name) finds the same codec again.
     *
     * @throws IllegalArgumentException when the records' classes share no sealed interface
     */
    public static Class<?> columnType(Object[] column, int size, String what) {
        if (size == 0) {
            return null;
        }
        Class<?> first = column[0].getClass();
        Set<Class<?>> classes = null;
        for (int i = 1; i < size; i++) {
            Class<?> c = column[i].getClass();
            if (c != first) {
                if (classes == null) {
                    classes = new LinkedHashSet<>();
                    classes.add(first);
                }
                classes.add(c);
            }
        }
        if (classes == null) {
            return first;
        }
        Class<?> sealed = commonSealedInterface(classes);
        if (sealed == null) {
            throw new IllegalArgumentException(what + " are of several classes " + classes
                    + " that implement no common sealed interface: storage needs one codec per column"
                    + " (make them the permitted subtypes of a sealed interface, or register a codec for a common type)");
        }
        return sealed;
    }

    private static Class<?> commonSealedInterface(Set<Class<?>> classes) {
        Class<?> any = classes.iterator().next();
        for (Class<?> candidate : allInterfaces(any)) {
            if (!candidate.isSealed()) {
                continue;
            }
            boolean all = true;
            for (Class<?> c : classes) {
                all &= candidate.isAssignableFrom(c);
            }
            if (all) {
                return candidate;
            }
        }
        return null;
    }

    private static Set<Class<?>> allInterfaces(Class<?> type) {
        Set<Class<?>> out = new LinkedHashSet<>();
        for (Class<?> k = type; k != null; k = k.getSuperclass()) {
            for (Class<?> i : k.getInterfaces()) {
                addWithSupers(i, out);
            }
        }
        return out;
    }

    private static void addWithSupers(Class<?> i, Set<Class<?>> out) {
        if (out.add(i)) {
            for (Class<?> s : i.getInterfaces()) {
                addWithSupers(s, out);
            }
        }
    }
}
