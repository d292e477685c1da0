package org.jdbsp.storage.runtime;

import java.util.function.Function;
import org.jdbsp.codec.Codec;
import org.jdbsp.codec.Codecs;

/**
 * Names of the codecs a batch file's columns were written with, which a checkpoint records beside the file so
 * that a restore in another process opens it with the same codecs: the name of the class whose registered
 * codec was used, or {@code Sequenced<name>} for {@link org.jdbsp.circuit.Sequenced} records whose values have
 * the codec named; "" for a long or absent column.
 */
public final class CodecNames {
    private static final String SEQUENCED = "Sequenced<";

    private CodecNames() {}

    /** The name of the codec {@code codecs} has for {@code type}. */
    public static String of(Class<?> type) {
        return type.getName();
    }

    /** The name of the codec of Sequenced records whose values have the codec named {@code valueName}. */
    static String sequenced(String valueName) {
        return SEQUENCED + valueName + ">";
    }

    /**
     * The codec named {@code name} ({@code null} for ""), classes being loaded by {@code load}.
     *
     * @throws IllegalArgumentException when a class has no codec
     */
    public static Codec<?> resolve(Codecs codecs, String name, Function<String, Class<?>> load) {
        if (name.isEmpty()) {
            return null;
        }
        if (name.startsWith(SEQUENCED) && name.endsWith(">")) {
            return new SequencedCodec(resolve(codecs, name.substring(SEQUENCED.length(), name.length() - 1), load));
        }
        return codecs.codecFor(load.apply(name));
    }
}
