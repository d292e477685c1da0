package org.jdbsp.codec;

/**
 * Thrown when no codec can be found or derived for a type: names the type and, for a type nested in a
 * record, the path of components that leads to it.
 */
public final class MissingCodecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Class<?> type;
    private final String path;

    MissingCodecException(Class<?> type, String path, String reason) {
        super("no codec for type " + type.getTypeName()
                + (path.isEmpty() ? "" : " of record component " + path)
                + ": " + reason + "; register one with Codecs.with(" + type.getSimpleName() + ".class, codec)");
        this.type = type;
        this.path = path;
    }

    /** The type that has no codec. */
    public Class<?> type() {
        return type;
    }

    /** The components from the requested record down to that type ({@code Order.customer.tags}), or "" for the requested type itself. */
    public String path() {
        return path;
    }
}
