package org.jdbsp.zset.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/** The component accessors of a record class, as method handles, for code that reads records generically. */
public final class RecordAccessors {
    private RecordAccessors() {}

    /**
     * The accessors of the components of record class {@code type}, in declaration order, each typed
     * {@code (Object) -> Object}; fails naming the class and {@code purpose} when they cannot be read.
     */
    public static MethodHandle[] of(Class<?> type, String purpose) {
        RecordComponent[] components = type.getRecordComponents();
        MethodHandle[] accessors = new MethodHandle[components.length];
        for (int i = 0; i < components.length; i++) {
            try {
                Method accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                accessors[i] = MethodHandles.lookup().unreflect(accessor)
                        .asType(MethodType.methodType(Object.class, Object.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalArgumentException("cannot read the components of record " + type.getName()
                        + " " + purpose + ": " + e + openHint(type), e);
            }
        }
        return accessors;
    }

    /** What a named module must declare so that this module can read its records, or nothing. */
    private static String openHint(Class<?> type) {
        Module module = type.getModule();
        if (!module.isNamed() || module.isOpen(type.getPackageName(), RecordAccessors.class.getModule())) {
            return "";
        }
        return " (module " + module.getName() + " must open the record's package to the library: add 'opens "
                + type.getPackageName() + " to " + RecordAccessors.class.getModule().getName()
                + ";' to its module-info, or give the stream a Comparator)";
    }

    /** The component {@code accessor} reads from {@code record}. */
    public static Object get(MethodHandle accessor, Object record) {
        try {
            return accessor.invokeExact(record);
        } catch (Throwable t) {
            throw new IllegalStateException("record accessor failed: " + t, t);
        }
    }
}
