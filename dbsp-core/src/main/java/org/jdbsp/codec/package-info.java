/**
 * Codecs: how records become bytes and back, for batch files and checkpoints (the API).
 *
 * <p>A {@link org.jdbsp.codec.Codec} writes a record straight into a {@link org.jdbsp.codec.ByteSink} and
 * reads it straight from a {@link org.jdbsp.codec.ByteSource} (a window of a heap buffer or of a
 * memory-mapped file). {@link org.jdbsp.codec.Codecs} derives codecs for records, strings, boxed
 * primitives, enums and {@code byte[]}, and holds the codecs a user registers for other types; asking for
 * a type without one fails with a {@link org.jdbsp.codec.MissingCodecException} naming the type and the
 * record component that leads to it.
 *
 * <p>Derived encodings (all little-endian; they are part of the file format, so changing one is a format
 * change): {@code long} and {@code int} as zigzag varints (1 to 10 bytes, small magnitudes short; see
 * {@link org.jdbsp.codec.ByteSink#writeVarLong}), the other primitives fixed-width ({@code boolean} and
 * {@code byte} 1 byte, {@code short} and {@code char} 2, {@code float} 4, {@code double} 8; floats by their
 * raw bits); a {@code String} of {@code n} UTF-16 units as a varint header of 0 for null or {@code 1 + 8n + b},
 * then either ({@code b = 0}) each unit in 1 to 3 bytes or ({@code b} in 1..7, when every unit is below U+0100
 * and they span fewer than {@code 2^b} values) the least unit and each unit's distance from it in {@code b} bits,
 * packed (so the 51 letters of a Nexmark
 * {@code extra} take 6 bits each; see {@link org.jdbsp.codec.ByteSink#writeString}; in a batch file, whose sinks
 * carry a table of the file's repeated strings, a repeated string is a reference into that table instead); {@code byte[]}
 * as a varint of its length plus one (0 for null) and the bytes; an enum as a varint of the UTF-8 length of
 * its constant's name plus one (0 for null) and the name; a boxed primitive as a presence byte (0 null, 1
 * present) and the primitive fixed-width; a record as its components in declaration order, where a nested
 * record or a registered type used as a component is preceded by a presence byte. Varints hold 7 bits per
 * byte, low bits first, the high bit set on every byte but the last.
 */
package org.jdbsp.codec;
