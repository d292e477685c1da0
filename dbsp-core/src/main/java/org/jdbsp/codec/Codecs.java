package org.jdbsp.codec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The codecs of a circuit's record types: registered ones, and derived ones for everything the library
 * can encode on its own. Immutable: {@link #with} returns a new registry.
 *
 * <p>Derived without registration: {@code String} (null allowed, any UTF-16 content, lone surrogates
 * included), boxed primitives and {@code BigInteger}/{@code BigDecimal} (null allowed; a decimal keeps its scale), enums (by constant name: reordering or adding constants
 * keeps old data readable), {@code byte[]} (null allowed), and records whose components are primitives or
 * any of these, or registered types, or nested such records (null allowed for every reference
 * component), and sealed interfaces whose permitted subtypes all have codecs (a tag, the subtype's index
 * among the subtypes sorted by name, then the subtype's encoding). A record component declared as {@code Object}
 * (a generic record's type variable) is written with its value's class name and then in that class's codec, and
 * a value whose class's encoding changed since is refused when read. A record is derived once per registry and class, with method handles, never by reflection
 * per record. A registered codec takes precedence over derivation, also for a component type.
 */
public final class Codecs {
    private static final Codecs DEFAULTS = new Codecs(Map.of());

    private final Map<Class<?>, Codec<?>> registered;
    private final Map<Class<?>, Codec<?>> derived = new ConcurrentHashMap<>();

    private Codecs(Map<Class<?>, Codec<?>> registered) {
        this.registered = registered;
    }

    /** The registry with no registered codec: derivation only. */
    public static Codecs defaults() {
        return DEFAULTS;
    }

    /** This registry plus {@code codec} for {@code type} (replacing a codec registered for it before). */
    public <T> Codecs with(Class<T> type, Codec<T> codec) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(codec, "codec");
        if (type.isPrimitive()) {
            throw new IllegalArgumentException("primitive " + type + " is always encoded raw; register a codec for a class");
        }
        Map<Class<?>, Codec<?>> m = new HashMap<>(registered);
        m.put(type, codec);
        return new Codecs(Map.copyOf(m));
    }

    /**
     * The codec of {@code type}: registered, or derived (once, then cached).
     *
     * @throws MissingCodecException naming the type, and for a record the component path, that has no codec
     */
    @SuppressWarnings("unchecked")
    public <T> Codec<T> codecFor(Class<T> type) {
        Objects.requireNonNull(type, "type");
        Codec<?> c = registered.get(type);
        if (c == null) {
            c = derived.get(type);
        }
        if (c == null) {
            c = derive(type, new ArrayList<>());
            Codec<?> raced = derived.putIfAbsent(type, c);
            c = raced != null ? raced : c;
        }
        return (Codec<T>) c;
    }

    /** True when {@link #codecFor} would succeed for {@code type}. */
    public boolean hasCodec(Class<?> type) {
        try {
            codecFor(type);
            return true;
        } catch (MissingCodecException e) {
            return false;
        }
    }

    /** The codec of a top-level type or a component ({@code path}: the record names and component names so far). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Codec<?> derive(Class<?> type, List<String> path) {
        Codec<?> c = registered.get(type);
        if (c != null) {
            return c;
        }
        if (type.isPrimitive()) {
            type = boxed(type);
        }
        if (type == String.class) {
            return StandardCodecs.STRING;
        }
        if (type == byte[].class) {
            return StandardCodecs.BYTES;
        }
        Codec<?> boxed = StandardCodecs.BOXED.get(type);
        if (boxed != null) {
            return boxed;
        }
        Codec<?> big = StandardCodecs.BIG_NUMBERS.get(type);
        if (big != null) {
            return big;
        }
        if (type.isEnum()) {
            return StandardCodecs.forEnum((Class) type);
        }
        if (type.isRecord()) {
            if (!path.isEmpty() && derived.containsKey(type)) {
                return derived.get(type);
            }
            return deriveRecord(type, path);
        }
        if (type.isSealed() && type.isInterface()) {
            return deriveSealed(type, path);
        }
        String reason = type.isArray() ? "arrays other than byte[] are not derived"
                : type.isInterface() || java.lang.reflect.Modifier.isAbstract(type.getModifiers())
                        ? "an interface or abstract type (a generic type variable?) has no derived codec, unless it is a sealed interface"
                        : "only records, String, boxed primitives, enums and byte[] are derived";
        throw new MissingCodecException(type, render(path), reason);
    }

    private Codec<?> deriveRecord(Class<?> type, List<String> path) {
        String name = type.getSimpleName();
        for (String p : path) {
            if (p.equals("(" + type.getName() + ")")) {
                throw new MissingCodecException(type, render(path), "recursive record types are not derived");
            }
        }
        var components = type.getRecordComponents();
        Codec<?>[] codecs = new Codec<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> t = components[i].getType();
            if (t.isPrimitive()) {
                continue;
            }
            List<String> sub = new ArrayList<>(path);
            if (sub.isEmpty()) {
                sub.add(name);
            }
            sub.add("(" + type.getName() + ")");
            sub.add(components[i].getName());
            Codec<?> c = t == Object.class ? new RuntimeClassCodec(this, loaderOf(type)) : derive(t, sub);
            boolean nullsBuiltIn = c == StandardCodecs.STRING || c == StandardCodecs.BYTES || t.isEnum()
                    || StandardCodecs.BOXED.containsValue(c) || StandardCodecs.BIG_NUMBERS.containsValue(c);
            codecs[i] = nullsBuiltIn ? c : StandardCodecs.nullable(c);
        }
        return new RecordCodec<>(type, codecs);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Codec<?> deriveSealed(Class<?> type, List<String> path) {
        Class<?>[] permitted = type.getPermittedSubclasses();
        Codec<?>[] codecs = new Codec<?>[permitted.length];
        for (int i = 0; i < permitted.length; i++) {
            List<String> sub = new ArrayList<>(path);
            if (sub.isEmpty()) {
                sub.add(type.getSimpleName());
            }
            sub.add(permitted[i].getSimpleName());
            codecs[i] = derive(permitted[i], sub);
        }
        return new SealedCodec(type, permitted, codecs);
    }

    private static ClassLoader loaderOf(Class<?> type) {
        ClassLoader l = type.getClassLoader();
        return l != null ? l : ClassLoader.getSystemClassLoader();
    }

    /** The user-facing path: {@code Order.customer.tags} (the markers of the records being derived dropped). */
    private static String render(List<String> path) {
        StringBuilder sb = new StringBuilder();
        for (String p : path) {
            if (!p.startsWith("(")) {
                sb.append(sb.length() == 0 ? "" : ".").append(p);
            }
        }
        return sb.toString();
    }

    private static Class<?> boxed(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
    }
}
