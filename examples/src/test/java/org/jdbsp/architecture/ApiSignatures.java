package org.jdbsp.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the classes of a library (its build directory or its jar) and lists where the public signatures of a module's exported classes mention types of its {@code internal}
 * packages: a public or protected member of a public class outside {@code internal} whose parameter, return,
 * field or super type names an {@code .internal.} type.
 */
public final class ApiSignatures {
    private ApiSignatures() {}

    /** The module descriptor compiled beside {@code anchor}'s class. */
    public static java.lang.module.ModuleDescriptor moduleOf(Class<?> anchor) {
        try (FileSystem jar = openJar(anchor);
                java.io.InputStream in = Files.newInputStream(root(anchor, jar).resolve("module-info.class"))) {
            return java.lang.module.ModuleDescriptor.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every leak found in the classes compiled into the directory holding {@code anchor}'s class. */
    public static List<String> internalTypesShownBy(Class<?> anchor) {
        List<String> leaks = new ArrayList<>();
        try (FileSystem jar = openJar(anchor); java.util.stream.Stream<Path> files = Files.walk(root(anchor, jar))) {
            Path root = root(anchor, jar);
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList())) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.contains(".internal.") || name.endsWith("module-info") || name.endsWith("package-info")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, anchor.getClassLoader());
                if (isVisible(c)) {
                    check(c, leaks);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return leaks;
    }

    /** The jar holding {@code anchor}'s class as a file system, or null when it comes from a directory. */
    private static FileSystem openJar(Class<?> anchor) throws IOException {
        Path location = classesOf(anchor);
        return Files.isDirectory(location) ? null : FileSystems.newFileSystem(location);
    }

    private static Path root(Class<?> anchor, FileSystem jar) {
        return jar == null ? classesOf(anchor) : jar.getPath("/");
    }

    private static Path classesOf(Class<?> anchor) {
        try {
            return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isVisible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers()) && !(k != c && Modifier.isProtected(k.getModifiers()))) {
                return false;
            }
        }
        return !c.isAnonymousClass() && !c.isSynthetic();
    }

    private static void check(Class<?> c, List<String> leaks) {
        expect(c.getName() + " extends", c.getGenericSuperclass(), leaks);
        for (Type t : c.getGenericInterfaces()) {
            expect(c.getName() + " implements", t, leaks);
        }
        for (Method m : c.getDeclaredMethods()) {
            if (shown(m.getModifiers()) && !m.isSynthetic()) {
                expect(c.getName() + "." + m.getName() + " returns", m.getGenericReturnType(), leaks);
                for (Type p : m.getGenericParameterTypes()) {
                    expect(c.getName() + "." + m.getName() + " takes", p, leaks);
                }
            }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (shown(k.getModifiers()) && !k.isSynthetic()) {
                for (Type p : k.getGenericParameterTypes()) {
                    expect(c.getName() + " constructor takes", p, leaks);
                }
            }
        }
        for (Field f : c.getDeclaredFields()) {
            if (shown(f.getModifiers()) && !f.isSynthetic()) {
                expect(c.getName() + "." + f.getName() + " is", f.getGenericType(), leaks);
            }
        }
    }

    private static boolean shown(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void expect(String where, Type type, List<String> leaks) {
        if (type != null && type.getTypeName().contains(".internal.")) {
            leaks.add(where + " " + type.getTypeName());
        }
    }
}
