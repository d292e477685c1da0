/**
 * Batch files (SPI, for the trace and checkpoint layers): one immutable, versioned, checksummed file per
 * consolidated {@link org.jdbsp.zset.spi.Batch}, written by {@link org.jdbsp.storage.spi.BatchFileWriter}
 * and read in place through memory mapping by {@link org.jdbsp.storage.spi.BatchFile}.
 *
 * <h2>Naming and durability</h2>
 * A file is named {@code batch-<uuid>.jbf} ({@link org.jdbsp.storage.spi.BatchFileNames}); the uuid is
 * its id, by which a checkpoint manifest references it. It is written as {@code .batch-<uuid>.jbf.tmp} in
 * the same directory, fsynced, renamed atomically to its final name, and the directory is fsynced; a file
 * at a final name is therefore complete, and it is never rewritten. A temporary name found later is
 * garbage.
 *
 * <h2>Byte layout, format version 3</h2>
 * (Version 3: the layout of version 2; strings of few distinct chars are packed into fewer bits, see
 * {@link org.jdbsp.codec.ByteSink#writeString}.)
 * All numbers little-endian. Offsets are from the start of the file; every region below starts at a
 * multiple of 8, so that a {@code long} never straddles a mapped segment.
 * <pre>
 * header, H bytes (H a multiple of 8):
 *   0  8  magic "dJBSPBF1"
 *   8  4  format version (3)
 *  12  4  H
 *  16  1  key column kind     (1 long, 2 object)
 *  17  1  value column kind   (0 none, 1 long, 2 object)
 *  18  2  zero
 *  20  4  G, tuples per group (256; a power of two)
 *  24  4  B, checksum block size in bytes (65536; a power of two)
 *  28  4  zero
 *  32  8  N, tuple count
 *  40  8  smallest long key (0 for object keys or N = 0)
 *  48  8  largest long key  (0 for object keys or N = 0)
 *  56  8  index offset I
 *  64  8  footer offset F
 *  72  8  file length L
 *  80  8  string table offset D
 *  88     key codec identity: 4-byte length, UTF-8 ("long" for a long column)
 *         value codec identity: 4-byte length, UTF-8 ("long", or "none" without values)
 *         zero padding
 *  H-4 4  CRC32C of bytes [0, H-4)
 *
 * groups, from H: the tuples in order, cut into groups of G (the last one may hold fewer, n),
 * each group laid out column by column:
 *   8  widths: byte c is the width in bytes (0, 1, 2, 4 or 8) of column c below (0 when absent)
 *   then each present column c as a packed column: an 8-byte base (its least value) and each value minus
 *   the base, unsigned, in n x width bytes, zero padding to a multiple of 8; value j is base + entry j:
 *     c = 0  weights
 *     c = 1  long keys      (long key column only)
 *     c = 2  long values    (long value column only)
 *     c = 3  key ends       (object key column only: the end of each encoded key; key j spans
 *                            [end of j-1 (0 for j = 0), end of j) of the keys' bytes)
 *     c = 4  value ends     (object value column only; the same for the values' bytes)
 *   then the encoded keys, then the encoded values, back to back (ends are relative to the start of their own
 *   column's bytes); zero padding to a multiple of 8
 *
 * string table, from D: the table of the file's repeated strings, which its object columns reference (a
 *   string of 3 to 512 chars enters it when the writer sees it a second time): the entry count C (4 bytes),
 *   the (C + 1) x 4 ends of the entries (0 first), zero padding to 8, the entries back to back (each a string
 *   as {@link org.jdbsp.codec.ByteSink#writeString} writes it without a table), zero padding to 8.
 *
 * index, from I: the start offset of every group (8 bytes each), then the key column of the first key
 *   of every group followed by the last key of the file (groups + 1 entries: 8 bytes each for long keys;
 *   for object keys (groups + 2) x 4 ends, padding to 8, the encoded keys, padding to 8). Empty when N = 0.
 *
 * footer, from F: 4-byte count of checksum blocks, the CRC32C of each block of B bytes of [H, F) (the last
 *   one shorter), the CRC32C of the footer bytes before it (4 bytes), and the magic "dJBSFEND".
 * </pre>
 * Object keys and values are encoded by their column's {@link org.jdbsp.codec.Codec}; the derived
 * encodings are specified in {@code org.jdbsp.codec}. The writer's sinks carry the file's string table
 * ({@link org.jdbsp.codec.ByteSink#stringTable}), so a string in a record is either inline or a reference
 * to the table; a reader's sources carry the same table. Object keys are ordered by the layout's key
 * comparator, which a file does not record: a reader supplies the same layout.
 *
 * <h2>Versioning</h2>
 * Any change to this layout or to a derived codec's encoding increases the format version. A reader
 * refuses any version it does not know, before reading anything but the first 16 bytes, with a message
 * naming the file and both versions; it never tries to read a newer file. A file also records its codecs'
 * identities, and a reader refuses a file whose identities differ from its own codecs'.
 *
 * <h2>Checksums</h2>
 * CRC32C (Castagnoli) everywhere. Opening a file checks the header's checksum, that the file has exactly
 * the length its header gives (so a truncation is found at once), the footer's checksum and end magic,
 * and the blocks holding the index (read on open). The blocks of the groups are verified lazily, the first
 * time a byte of them is read, or all at once by {@link org.jdbsp.storage.spi.BatchFile#verifyAll}; a
 * mismatch throws a {@link org.jdbsp.storage.spi.CorruptFileException} naming the file before anything of
 * the block is decoded. A decoder that reads past its record or leaves bytes of it unread fails too.
 *
 * <h2>Reading</h2>
 * The file is mapped in segments of 1 GiB (a {@code MappedByteBuffer} holds at most 2 GiB); a record that
 * crosses two segments is copied to the heap, every other one is decoded in place. Opening keeps the
 * group starts and the index keys (decoded) on the heap, about one key per 256 tuples; a seek searches
 * them and then one group in the file, so it touches O(1) pages (a packed column's value is read in place).
 * The string table's entries are decoded when first referenced and kept (one reference per entry).
 */
package org.jdbsp.storage.spi;
