package org.jdbsp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import org.jdbsp.testing.Seeded;
import org.junit.jupiter.api.Test;

/**
 * {@link Codec#transcode}: a value copied from one buffer to another, each with its own table of repeated
 * strings, decodes equal to the original; without tables the copy is byte for byte what {@code encode} writes;
 * malformed bytes fail instead of being copied.
 */
class TranscodeTest {
    enum Color { RED, GREEN }

    record Money(long cents, String currency) {}

    sealed interface Shape permits Dot, Label {}

    record Dot(int x, short y, char c, byte b, boolean z, float f, double d) implements Shape {}

    record Label(String text, byte[] bytes) implements Shape {}

    record Generic<T>(T t) {}

    record Rich(long id, String name, String tag, Money money, Integer boxed, Color color, Shape shape,
                Generic<String> generic) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Rich r && r.toString().equals(toString());
        }

        @Override
        public int hashCode() {
            return toString().hashCode();
        }

        @Override
        public String toString() {
            String s = shape instanceof Label l ? "Label[" + l.text() + ", " + Arrays.toString(l.bytes()) + "]" : String.valueOf(shape);
            return id + "|" + name + "|" + tag + "|" + money + "|" + boxed + "|" + color + "|" + s + "|" + generic;
        }
    }

    /**
     * A table of repeated strings as a batch file keeps one: a string enters at its {@code enterAt}-th sighting;
     * reads back by index.
     */
    static final class Table implements ToIntFunction<String>, IntFunction<String> {
        private final int enterAt;
        private final Map<String, Integer> seen = new HashMap<>();
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> entries = new ArrayList<>();
        int lookups;

        Table(int enterAt) {
            this.enterAt = enterAt;
        }

        @Override
        public int applyAsInt(String s) {
            lookups++;
            Integer i = index.get(s);
            if (i != null) {
                return i;
            }
            if (s.length() < 2 || seen.merge(s, 1, Integer::sum) < enterAt) {
                return -1;
            }
            entries.add(s);
            index.put(s, entries.size() - 1);
            return entries.size() - 1;
        }

        @Override
        public String apply(int i) {
            if (i < 0 || i >= entries.size()) {
                throw new IllegalStateException("no entry " + i);
            }
            return entries.get(i);
        }
    }

    private static final String[] TAGS = {"alpha", "beta", "gamma", "日本語 tag", "é\u0000x", "\uD800 lone"};

    private static String text(SplittableRandom r) {
        int kind = r.nextInt(6);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int k = r.nextInt(30); k > 0; k--) {
            sb.append((char) (r.nextBoolean() ? 1 + r.nextInt(0x7F) : r.nextInt(0x10000)));
        }
        return sb.toString();
    }

    private static Rich random(SplittableRandom r) {
        Shape shape = switch (r.nextInt(3)) {
            case 0 -> null;
            case 1 -> new Dot(r.nextInt(), (short) r.nextInt(), (char) r.nextInt(0x10000), (byte) r.nextInt(),
                    r.nextBoolean(), r.nextFloat(), r.nextBoolean() ? Double.NaN : r.nextDouble());
            default -> new Label(TAGS[r.nextInt(TAGS.length)], r.nextBoolean() ? null : new byte[r.nextInt(4)]);
        };
        return new Rich(r.nextBoolean() ? r.nextLong() : r.nextInt(100), text(r), r.nextInt(5) == 0 ? null : TAGS[r.nextInt(TAGS.length)],
                r.nextBoolean() ? null : new Money(r.nextLong(), TAGS[r.nextInt(TAGS.length)]),
                r.nextBoolean() ? null : r.nextInt(), r.nextBoolean() ? null : Color.values()[r.nextInt(2)], shape,
                r.nextBoolean() ? null : new Generic<>(text(r)));
    }

    private static ByteSource sourceOf(ByteSink sink, IntFunction<String> table) {
        return new ByteSource(ByteBuffer.wrap(Arrays.copyOf(sink.contents().array(), sink.size()))).stringTable(table);
    }

    @Test
    void valuesCopiedBetweenTablesDecodeEqual() {
        Codec<Rich> codec = Codecs.defaults().codecFor(Rich.class);
        Seeded.trials("transcode between tables", 40, r -> {
            Table first = new Table(1 + r.nextInt(3));
            Table second = new Table(1 + r.nextInt(3));
            List<Rich> values = new ArrayList<>();
            ByteSink a = new ByteSink(16);
            a.stringTable(first);
            for (int i = r.nextInt(60); i >= 0; i--) {
                Rich v = random(r);
                values.add(v);
                codec.encode(v, a);
            }
            ByteSource in = sourceOf(a, first);
            ByteSink b = new ByteSink(16);
            b.stringTable(second);
            for (int i = 0; i < values.size(); i++) {
                codec.transcode(in, b);
            }
            assertEquals(0, in.remaining(), "every byte copied");
            ByteSource back = sourceOf(b, second);
            for (Rich v : values) {
                assertEquals(v, codec.decode(back));
            }
            assertEquals(0, back.remaining());
        });
    }

    @Test
    void aReferenceIsLookedUpInTheTargetTableOncePerEntry() {
        Codec<Money> codec = Codecs.defaults().codecFor(Money.class);
        Table first = new Table(1);
        ByteSink a = new ByteSink(16);
        a.stringTable(first);
        for (int i = 0; i < 100; i++) {
            codec.encode(new Money(i, TAGS[i % 3]), a);
        }
        ByteSource in = sourceOf(a, first);
        Table second = new Table(1);
        ByteSink b = new ByteSink(16);
        b.stringTable(second);
        for (int i = 0; i < 100; i++) {
            codec.transcode(in, b);
        }
        assertEquals(3, second.lookups, "three entries, each looked up once, then re-mapped by index");
        ByteSource back = sourceOf(b, second);
        for (int i = 0; i < 100; i++) {
            assertEquals(new Money(i, TAGS[i % 3]), codec.decode(back));
        }
    }

    @Test
    void anInlineStringMetAgainEntersTheTargetTableAndAUniqueOneIsNeverLookedUp() {
        Codec<Money> codec = Codecs.defaults().codecFor(Money.class);
        ByteSink a = new ByteSink(16); // no table: every string inline, as strings seen once per file are
        for (int i = 0; i < 20; i++) {
            codec.encode(new Money(i, i % 2 == 0 ? "repeated across files" : "unique " + i), a);
        }
        Table second = new Table(2);
        ByteSink b = new ByteSink(16);
        b.stringTable(second);
        ByteSource in = sourceOf(a, null);
        for (int i = 0; i < 20; i++) {
            codec.transcode(in, b);
        }
        assertEquals(List.of("repeated across files"), second.entries, "the repeated string entered the table");
        assertEquals(2 + 8, second.lookups, "offered twice at its second sighting, then once per sighting; unique strings never");
        ByteSource back = sourceOf(b, second);
        for (int i = 0; i < 20; i++) {
            assertEquals(new Money(i, i % 2 == 0 ? "repeated across files" : "unique " + i), codec.decode(back));
        }
    }

    @Test
    void aStringMetOnceByReferenceAndOnceInlineEntersTheTargetTableInEitherOrder() {
        Codec<Money> codec = Codecs.defaults().codecFor(Money.class);
        Table entersAtOnce = new Table(1);
        ByteSink referenced = new ByteSink(16); // its strings all become references
        referenced.stringTable(entersAtOnce);
        codec.encode(new Money(1, "shared by two files"), referenced);
        ByteSink inline = new ByteSink(16); // no table: inline
        codec.encode(new Money(2, "shared by two files"), inline);
        for (boolean referenceFirst : new boolean[] {true, false}) {
            Table target = new Table(2);
            ByteSink out = new ByteSink(16);
            out.stringTable(target);
            ByteSource byReference = sourceOf(referenced, entersAtOnce);
            ByteSource byValue = sourceOf(inline, null);
            codec.transcode(referenceFirst ? byReference : byValue, out);
            codec.transcode(referenceFirst ? byValue : byReference, out);
            assertEquals(List.of("shared by two files"), target.entries, "entered at its second sighting, reference first: "
                    + referenceFirst);
            ByteSource back = sourceOf(out, target);
            assertEquals(new Money(referenceFirst ? 1 : 2, "shared by two files"), codec.decode(back));
            assertEquals(new Money(referenceFirst ? 2 : 1, "shared by two files"), codec.decode(back));
            assertEquals(0, back.remaining());
        }
    }

    @Test
    void withoutTablesTheCopyIsWhatEncodeWrites() {
        Codec<Rich> codec = Codecs.defaults().codecFor(Rich.class);
        Seeded.trials("transcode without tables", 40, r -> {
            Rich v = random(r);
            ByteSink encoded = new ByteSink(16);
            codec.encode(v, encoded);
            ByteSink copied = new ByteSink(16);
            codec.transcode(sourceOf(encoded, null), copied);
            assertArrayEquals(Arrays.copyOf(encoded.contents().array(), encoded.size()),
                    Arrays.copyOf(copied.contents().array(), copied.size()));
        });
    }

    @Test
    void aStringMetOnceEncodedAndOnceCopiedInlineEntersTheTargetTableInEitherOrder() {
        for (String shared : new String[] {"written here, copied there", "abcabcabcab"}) {
            ByteSink inline = new ByteSink(16); // no table: inline
            inline.writeString(shared);
            for (boolean encodedFirst : new boolean[] {true, false}) {
                Table target = new Table(2);
                ByteSink out = new ByteSink(16);
                out.stringTable(target);
                if (encodedFirst) {
                    out.writeString(shared);
                }
                sourceOf(inline, null).copyString(out);
                if (!encodedFirst) {
                    out.writeString(shared);
                }
                assertEquals(List.of(shared), target.entries, "entered at its second sighting, encoded first: " + encodedFirst);
                ByteSource back = sourceOf(out, target);
                assertEquals(shared, back.readString());
                assertEquals(shared, back.readString());
                assertEquals(0, back.remaining());
            }
        }
    }

    @Test
    void aStringTheTargetTableHoldsIsCopiedAsAReferenceEvenAfterManyUniqueStrings() {
        String shared = "https://www.nexmark.com/shared/item.htm?query=1";
        ByteSink unique = new ByteSink(1 << 20); // no table: inline, as a file's strings seen once are
        for (int i = 0; i < 400_000; i++) {
            unique.writeString("unique " + i);
        }
        ByteSink inline = new ByteSink(16);
        inline.writeString(shared);
        Table target = new Table(2);
        ByteSink out = new ByteSink(16);
        out.stringTable(target);
        out.writeString(shared);
        out.writeString(shared); // entered: entry 0
        ByteSource in = sourceOf(unique, null);
        for (int i = 0; i < 400_000; i++) {
            in.copyString(out);
        }
        int before = out.size();
        sourceOf(inline, null).copyString(out);
        assertEquals(shared, target.entries.get(0)); // (a unique string whose hash collides may enter too: a hint)
        assertEquals(1, out.size() - before, "a reference to entry 0 (one byte), not the string inline again");
        ByteSource back = sourceOf(out, target);
        back.readString();
        back.readString();
        for (int i = 0; i < 400_000; i++) {
            assertEquals("unique " + i, back.readString());
        }
        assertEquals(shared, back.readString());
    }

    /** Strings that {@link ByteSink#writeString} packs (6, 4, 2, 5 and 5 bits a char), none filling its last byte. */
    private static final String[] PACKABLE = {"qwertyuiopasdfghjklzxcvbnmQWERTYUIOPASDFGHJKLZXCVBN", "0123456789012",
        "abcabcabcab", "\u00e9\u00e8\u00ea\u00eb\u00e0\u00e2\u00e4\u00f4\u00f6\u00fc\u00e7",
        "\u00e1\u00ff\u00e1\u00ff\u00e1\u00ff\u00e1\u00ff\u00e1\u00ff\u00e1"};

    @Test
    void aPackedInlineStringIsCopiedAsItsBytesNotDecodedAndDecodesEqual() {
        for (String s : PACKABLE) {
            ByteSink a = new ByteSink(16);
            a.writeString(s);
            byte[] written = Arrays.copyOf(a.contents().array(), a.size());
            int form = new ByteSource(ByteBuffer.wrap(written)).readVarInt() - 1;
            int bits = form & 7;
            assertNotEquals(0, bits, s + " is packed");
            int usedInLast = s.length() * bits % 8;
            assertNotEquals(0, usedInLast, s + " leaves unused bits in its last byte");
            // Unused high bits set: a reader ignores them, a copy that decoded and re-encoded would clear them.
            written[written.length - 1] |= (byte) (0xFF << usedInLast);
            for (Table table : new Table[] {null, new Table(100)}) {
                ByteSink out = new ByteSink(16);
                out.stringTable(table);
                new ByteSource(ByteBuffer.wrap(written)).copyString(out);
                ByteSource copy = sourceOf(out, table);
                copy.readVarInt();
                ByteSource original = new ByteSource(ByteBuffer.wrap(written));
                original.readVarInt();
                byte[] copiedBody = new byte[copy.remaining()];
                copy.readBytes(copiedBody, 0, copiedBody.length);
                byte[] originalBody = new byte[original.remaining()];
                original.readBytes(originalBody, 0, originalBody.length);
                assertArrayEquals(originalBody, copiedBody, s + " copied byte for byte after its header, table " + table);
                assertEquals(s, sourceOf(out, table).readString());
            }
        }
    }

    @Test
    void aPackedInlineStringMetAgainEntersTheTargetTable() {
        ByteSink a = new ByteSink(16);
        for (String s : PACKABLE) {
            a.writeString(s);
            a.writeString(s);
        }
        Table target = new Table(2);
        ByteSink out = new ByteSink(16);
        out.stringTable(target);
        ByteSource in = sourceOf(a, null);
        for (int i = 0; i < 2 * PACKABLE.length; i++) {
            in.copyString(out);
        }
        assertEquals(List.of(PACKABLE), target.entries, "each entered at its second sighting");
        ByteSource back = sourceOf(out, target);
        for (String s : PACKABLE) {
            assertEquals(s, back.readString());
            assertEquals(s, back.readString());
        }
        assertEquals(0, back.remaining());
    }

    @Test
    void malformedStringsFailInsteadOfBeingCopied() {
        ByteSink s = new ByteSink(16);
        s.writeVarInt(1 + 8 * 3); // three plain units announced, no table
        s.writeByte('a');
        s.writeByte(0xC3); // a two-byte unit without its continuation byte
        s.writeByte('b');
        s.writeByte('c');
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> sourceOf(s, null).copyString(new ByteSink(16)));
        assertTrue(e.getMessage().contains("malformed string"), e.getMessage());

        ByteSink truncated = new ByteSink(16);
        truncated.writeVarInt(1 + 8 * 10); // ten plain units announced, two bytes follow
        truncated.writeByte('a');
        truncated.writeByte('b');
        assertThrows(IllegalStateException.class, () -> sourceOf(truncated, null).copyString(new ByteSink(16)));

        ByteSink reference = new ByteSink(16);
        reference.writeVarInt(1 + 2 * 7); // a reference to entry 7 of a table of none
        ByteSink target = new ByteSink(16);
        target.stringTable(new Table(1));
        e = assertThrows(IllegalStateException.class, () -> sourceOf(reference, new Table(1)).copyString(target));
        assertTrue(e.getMessage().contains("no entry 7"), e.getMessage());

        ByteSink tooHigh = new ByteSink(16);
        tooHigh.writeVarInt(1 + 8 * 2 + 5); // two units packed in 5 bits
        tooHigh.writeByte(0xF0); // above the least unit U+00F0 ...
        tooHigh.writeByte(31 | 1 << 5); // ... 31 and 1 (10 bits in two bytes): U+010F does not fit a packed string
        tooHigh.writeByte(0);
        e = assertThrows(IllegalStateException.class, () -> sourceOf(tooHigh, null).copyString(new ByteSink(16)));
        assertTrue(e.getMessage().contains("malformed string"), e.getMessage());

        ByteSink packedTruncated = new ByteSink(16);
        packedTruncated.writeVarInt(1 + 8 * 40 + 6); // forty units in 6 bits (30 bytes) announced, two follow
        packedTruncated.writeByte('A');
        packedTruncated.writeByte(0);
        assertThrows(IllegalStateException.class, () -> sourceOf(packedTruncated, null).copyString(new ByteSink(16)));
    }
}
