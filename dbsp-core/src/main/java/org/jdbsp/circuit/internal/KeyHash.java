package org.jdbsp.circuit.internal;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.jdbsp.zset.internal.RecordAccessors;

/**
 * The hash that decides which worker owns a key: a 64-bit finalizer (murmur3's fmix64) over a stable hash
 * of the key, reduced to a worker index by multiply-shift.
 *
 * <p>Long keys are mixed directly, and a boxed integral number hashes as its {@code long} value (so a key
 * stored unboxed and the same key boxed have one owner). Strings use {@link String#hashCode()}, which the
 * language specifies; enums their ordinal; records combine their components' stable hashes; lists their
 * elements'. Identity hash codes and {@code Enum.hashCode()} are never used: they change from run to run.
 * Any other class must declare its own {@code hashCode()}, which must agree with {@code equals}, as every
 * key's must; a class without one is rejected with a message saying so.
 */
public final class KeyHash {
    private KeyHash() {}

    /** Spreads every bit of {@code z} over the whole result (murmur3 fmix64). */
    public static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** The worker, of {@code workers}, owning a key whose mixed hash is {@code mixed}. */
    public static int owner(long mixed, int workers) {
        return (int) (((mixed >>> 32) * workers) >>> 32);
    }

    /** The worker, of {@code workers}, owning the long key {@code key}. */
    public static int ownerOfLong(long key, int workers) {
        return owner(mix(key), workers);
    }

    /** The worker, of {@code workers}, owning the object key {@code key}. */
    public static int ownerOf(Object key, int workers) {
        return owner(mix(stableHash(key)), workers);
    }

    /** A hash of {@code key} consistent with {@code equals} and the same in every run (see the class comment). */
    public static long stableHash(Object key) {
        if (key instanceof Long || key instanceof Integer || key instanceof Short || key instanceof Byte) {
            return ((Number) key).longValue();
        }
        if (key instanceof String) {
            return key.hashCode();
        }
        if (key instanceof Record) {
            return RecordHash.FOR_CLASS.get(key.getClass()).hash(key);
        }
        if (key instanceof Enum<?>) {
            return ((Enum<?>) key).ordinal();
        }
        if (key instanceof Double) {
            return Double.doubleToLongBits((Double) key);
        }
        if (key instanceof Float) {
            return Float.floatToIntBits((Float) key);
        }
        if (key instanceof Character || key instanceof Boolean) {
            return key.hashCode();
        }
        if (key instanceof List<?>) {
            long h = 1;
            for (Object e : (List<?>) key) {
                h = 31 * h + (e == null ? 0 : stableHash(e));
            }
            return h;
        }
        if (key == null) {
            return 0;
        }
        if (!OWN_HASH_CODE.get(key.getClass())) {
            throw new IllegalArgumentException("cannot place key " + key + " of " + key.getClass().getName()
                    + " on a worker: the class has no hashCode() of its own (only the identity hash, which differs"
                    + " from run to run); make it a record, or implement equals and hashCode");
        }
        return key.hashCode();
    }

    private static final ClassValue<Boolean> OWN_HASH_CODE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("hashCode").getDeclaringClass() != Object.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    };

    /** Whether values of a declared type hash stably through their own {@code hashCode()}. */
    private static boolean stableType(Class<?> type, int depth) {
        if (type.isPrimitive() || type == String.class || type == Long.class || type == Integer.class
                || type == Short.class || type == Byte.class || type == Character.class || type == Boolean.class
                || type == Double.class || type == Float.class) {
            return true;
        }
        if (type.isRecord() && depth < 4) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (!stableType(c.getType(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * The stable hash of one record class: its own {@code hashCode()} when every component is of a type
     * that hashes stably (primitives, strings, boxed numbers, such records), else the components' stable
     * hashes combined.
     */
    private static final class RecordHash {
        static final ClassValue<RecordHash> FOR_CLASS = new ClassValue<>() {
            @Override
            protected RecordHash computeValue(Class<?> type) {
                return new RecordHash(type);
            }
        };

        private final MethodHandle[] accessors;

        private RecordHash(Class<?> type) {
            if (stableType(type, 0)) {
                accessors = null;
                return;
            }
            accessors = RecordAccessors.of(type, "to place it on a worker (open its package)");
        }

        long hash(Object record) {
            if (accessors == null) {
                return record.hashCode();
            }
            long h = 0;
            for (MethodHandle accessor : accessors) {
                Object c = RecordAccessors.get(accessor, record);
                h = 31 * h + (c == null ? 0 : stableHash(c));
            }
            return h;
        }
    }
}
