package org.jdbsp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.jdbsp.storage.spi.ColumnCodecs;
import org.junit.jupiter.api.Test;

class SealedCodecTest {
    sealed interface Event permits Person, Bid {}

    record Person(long id, String name) implements Event {}

    record Bid(long auction, long price, String extra) implements Event {}

    sealed interface Other permits Lonely {}

    record Lonely(long x) implements Other {}

    record Plain(long x) {}

    private static Object roundTrip(Codec<Object> codec, Object value) {
        ByteSink out = new ByteSink(16);
        codec.encode(value, out);
        ByteBuffer b = out.contents();
        ByteSource in = new ByteSource(b).reset(b, 0, out.size());
        Object back = codec.decode(in);
        assertEquals(0, in.remaining(), "the decoder reads what the encoder wrote");
        return back;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSealedInterfaceOfRecordsRoundTripsEverySubtype() {
        Codec<Object> codec = (Codec<Object>) (Codec<?>) Codecs.defaults().codecFor(Event.class);
        for (Event e : List.of(new Person(1, "ada"), new Bid(7, 250_00, ""), new Person(-1, "日本語"), new Bid(0, 0, null))) {
            assertEquals(e, roundTrip(codec, e));
        }
        assertTrue(codec.identity().contains(Person.class.getName()) && codec.identity().contains(Bid.class.getName()),
                codec.identity());
    }

    @Test
    void aColumnOfOneClassGetsThatClassesCodecAndAMixedColumnItsSealedInterfaces() {
        Codecs codecs = Codecs.defaults();
        Object[] persons = {new Person(1, "a"), new Person(2, "b")};
        assertEquals(codecs.codecFor(Person.class).identity(), ColumnCodecs.forColumn(codecs, persons, 2, "x").identity());
        Object[] mixed = {new Person(1, "a"), new Bid(1, 2, "c")};
        Codec<?> c = ColumnCodecs.forColumn(codecs, mixed, 2, "x");
        assertEquals(codecs.codecFor(Event.class).identity(), c.identity());
        assertNotEquals(codecs.codecFor(Person.class).identity(), c.identity());
        assertEquals(null, ColumnCodecs.forColumn(codecs, new Object[0], 0, "x"), "an empty column needs no codec");
    }

    @Test
    void aMixedColumnWithoutACommonSealedInterfaceIsRefusedNamingTheClasses() {
        Object[] mixed = {new Person(1, "a"), new Lonely(3), new Plain(4)};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ColumnCodecs.forColumn(Codecs.defaults(), mixed, 3, "the values of stream 's'"));
        assertTrue(e.getMessage().startsWith("the values of stream 's' are of several classes")
                && e.getMessage().contains(Lonely.class.getName()) && e.getMessage().contains(Plain.class.getName()),
                e.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aValueOfAnUnknownSubtypeIsRefusedWhenEncoded() {
        Codec<Object> codec = (Codec<Object>) (Codec<?>) Codecs.defaults().codecFor(Other.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> codec.encode(new Person(1, "x"), new ByteSink(8)));
        assertTrue(e.getMessage().contains(Person.class.getName()), e.getMessage());
    }

    sealed interface Many permits M0, M1, M2, M3, M4, M5, M6, M7, M8, M9 {}

    record M0(long x) implements Many {}

    record M1(long x) implements Many {}

    record M2(long x) implements Many {}

    record M3(long x) implements Many {}

    record M4(long x) implements Many {}

    record M5(long x) implements Many {}

    record M6(long x) implements Many {}

    record M7(long x) implements Many {}

    record M8(long x) implements Many {}

    record M9(long x) implements Many {}

    @Test
    @SuppressWarnings("unchecked")
    void aSealedInterfaceOfManySubtypesGivesEachItsOwnTagAndRefusesOthers() {
        Codec<Object> codec = (Codec<Object>) (Codec<?>) Codecs.defaults().codecFor(Many.class);
        List<Many> all = List.of(new M0(0), new M1(1), new M2(2), new M3(3), new M4(4), new M5(5), new M6(6), new M7(7),
                new M8(8), new M9(9));
        java.util.Set<Integer> tags = new java.util.HashSet<>();
        for (Many m : all) {
            assertEquals(m, roundTrip(codec, m));
            ByteSink out = new ByteSink(16);
            codec.encode(m, out);
            tags.add(new ByteSource(out.contents()).readVarInt());
        }
        assertEquals(all.size(), tags.size(), "distinct tags " + tags);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> codec.encode(new Lonely(1), new ByteSink(8)));
        assertTrue(e.getMessage().contains(Lonely.class.getName()), e.getMessage());
    }

    record Boxed<T>(long seq, T value) {}

    @Test
    @SuppressWarnings("unchecked")
    void aGenericRecordsObjectComponentIsWrittenWithItsRuntimeClass() {
        Codec<Object> codec = (Codec<Object>) (Codec<?>) Codecs.defaults().codecFor(Boxed.class);
        for (Object v : List.of(new Boxed<>(1, new Person(7, "ada")), new Boxed<>(2, "text"), new Boxed<>(3, 42L),
                new Boxed<>(4, new Boxed<>(5, new Bid(1, 2, "x"))), new Boxed<>(6, null))) {
            assertEquals(v, roundTrip(codec, v));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aValueOfAClassWithoutCodecInAnObjectComponentIsRefusedNamingIt() {
        Codec<Object> codec = (Codec<Object>) (Codec<?>) Codecs.defaults().codecFor(Boxed.class);
        MissingCodecException e = assertThrows(MissingCodecException.class,
                () -> codec.encode(new Boxed<>(1, new java.util.ArrayList<String>()), new ByteSink(8)));
        assertTrue(e.getMessage().contains("java.util.ArrayList"), e.getMessage());
    }
}
