package org.jdbsp.codec;

/**
 * Turns records of type {@code T} into bytes and back, written straight into a {@link ByteSink} and read
 * straight from a {@link ByteSource}: no intermediate {@code byte[]} per record.
 *
 * <p>{@link #decode} must read exactly the bytes {@link #encode} wrote (a file reader checks that it did).
 * A codec is stateless and may be used by several threads at once. Codecs for records, strings, boxed
 * primitives, enums and {@code byte[]} are derived by {@link Codecs}; implement this interface for any
 * other type and register it there.
 *
 * @param <T> the type of the records
 */
public interface Codec<T> {
    /** Appends the encoding of {@code value} to {@code out}. */
    void encode(T value, ByteSink out);

    /** Reads one value, as {@link #encode} wrote it, from {@code in}. */
    T decode(ByteSource in);

    /**
     * Copies one value, as {@link #encode} wrote it, from {@code in} to {@code out}, where it reads as
     * {@code encode(decode(in), out)} would have written it (with the sink's own table of repeated strings, if
     * any, though a string written inline in {@code in} may stay inline): how a merge of batch files copies
     * records without decoding them. The default decodes and encodes; derived codecs copy their encoding in place,
     * strings by {@link ByteSource#copyString}.
     */
    default void transcode(ByteSource in, ByteSink out) {
        encode(decode(in), out);
    }

    /**
     * A stable description of the encoding (the type and its format), recorded in every file written with
     * this codec; a reader refuses a file whose codec identity differs from its own. Derived codecs
     * describe their record's components; the default is this codec's class name. Change it whenever the
     * encoding changes, e.g. by adding a version suffix.
     */
    default String identity() {
        return getClass().getName();
    }
}
