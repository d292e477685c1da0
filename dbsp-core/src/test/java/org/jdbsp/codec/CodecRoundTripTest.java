package org.jdbsp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import org.jdbsp.testing.Seeded;
import org.junit.jupiter.api.Test;

/** Derived and registered codecs: random records survive encode then decode exactly, and what cannot be encoded is named. */
class CodecRoundTripTest {
    enum Color { RED, GREEN, BLUE }

    record Money(long cents, String currency) {}

    record Inner(String text, Integer boxed, Color color, Money money) {}

    record Everything(long l, int i, short s, byte b, char c, boolean z, float f, double d,
                      Long bl, Integer bi, Short bs, Byte bb, Character bc, Boolean bz, Float bf, Double bd,
                      String str, Color color, Inner inner, Money money) {}

    record WithBytes(byte[] bytes, String after) {}

    record Empty() {}

    record Lists(long id, List<String> items) {}

    record Holder(long id, Lists lists) {}

    record Node(long value, Node next) {}

    record Generic<T>(T t) {}

    private static final String[] SAMPLES = {"", "a", "ascii text", "é", "日本語", "\u0000", "nul\u0000inside",
        "😀 pair", "\uD800", "lone \uDFFF low", "\uFFFF", "\u07FF\u0800"};

    static String randomString(SplittableRandom r) {
        switch (r.nextInt(5)) {
            case 0:
                return null;
            case 1:
                return SAMPLES[r.nextInt(SAMPLES.length)];
            default:
                StringBuilder sb = new StringBuilder();
                int n = r.nextInt(40);
                for (int k = 0; k < n; k++) {
                    sb.append((char) (r.nextBoolean() ? r.nextInt(0x80) : r.nextInt(0x10000)));
                }
                return sb.toString();
        }
    }

    private static long extremeLong(SplittableRandom r) {
        long[] edges = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE};
        return r.nextBoolean() ? edges[r.nextInt(edges.length)] : r.nextLong();
    }

    private static double extremeDouble(SplittableRandom r) {
        double[] edges = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, Double.MAX_VALUE, Double.longBitsToDouble(0x7ff8000000000123L)};
        return r.nextBoolean() ? edges[r.nextInt(edges.length)] : Double.longBitsToDouble(r.nextLong());
    }

    private static <T> T maybeNull(SplittableRandom r, T v) {
        return r.nextInt(4) == 0 ? null : v;
    }

    static Inner randomInner(SplittableRandom r) {
        return new Inner(randomString(r), maybeNull(r, (int) extremeLong(r)),
                maybeNull(r, Color.values()[r.nextInt(3)]), maybeNull(r, new Money(extremeLong(r), randomString(r))));
    }

    private static Everything randomEverything(SplittableRandom r) {
        long x = extremeLong(r);
        double d = extremeDouble(r);
        return new Everything(x, (int) x, (short) x, (byte) x, (char) x, r.nextBoolean(), (float) d, d,
                maybeNull(r, x), maybeNull(r, (int) x), maybeNull(r, (short) x), maybeNull(r, (byte) x),
                maybeNull(r, (char) x), maybeNull(r, r.nextBoolean()), maybeNull(r, (float) d), maybeNull(r, d),
                randomString(r), maybeNull(r, Color.values()[r.nextInt(3)]), maybeNull(r, randomInner(r)),
                maybeNull(r, new Money(x, randomString(r))));
    }

    private static <T> T roundTrip(Codec<T> codec, T value) {
        ByteSink sink = new ByteSink(1);
        sink.writeByte(0x5A); // the record starts at a non-zero position
        codec.encode(value, sink);
        sink.writeByte(0xA5);
        ByteBuffer b = sink.contents();
        ByteSource in = new ByteSource(b).reset(b, 1, sink.size() - 1);
        T back = codec.decode(in);
        assertEquals(0, in.remaining(), "the decoder read exactly what the encoder wrote");
        return back;
    }

    @Test
    void randomRecordsRoundTripExactly() {
        Codec<Everything> codec = Codecs.defaults().codecFor(Everything.class);
        Seeded.trials("record round trip", 200, r -> {
            Everything e = randomEverything(r);
            Everything back = roundTrip(codec, e);
            assertEquals(e, back);
            assertEquals(Double.doubleToRawLongBits(e.d()), Double.doubleToRawLongBits(back.d()), "NaN payloads and -0.0 survive");
            assertEquals(Float.floatToRawIntBits(e.f()), Float.floatToRawIntBits(back.f()));
        });
    }

    @Test
    void stringsSurviveExactlyIncludingLoneSurrogatesAndNul() {
        Codec<String> codec = Codecs.defaults().codecFor(String.class);
        for (String s : SAMPLES) {
            assertEquals(s, roundTrip(codec, s));
        }
        assertNull(roundTrip(codec, null));
        Seeded.trials("string round trip", 300, r -> {
            String s = randomString(r);
            assertEquals(s, roundTrip(codec, s));
        });
    }

    /** One sink writes long and short strings in turn: nothing of a longer one is left in what a shorter one writes. */
    @Test
    void stringsOfEveryLengthWrittenByOneSinkReadBackExactly() {
        ByteSink out = new ByteSink();
        List<String> written = new java.util.ArrayList<>();
        SplittableRandom r = new SplittableRandom(5);
        for (int length : new int[] {70, 3, 40_000, 0, 17_000, 16_384, 9, 100_000, 2}) {
            StringBuilder b = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                b.append((char) (i % 3 == 0 ? 'A' + r.nextInt(26) : r.nextInt(2) == 0 ? 'a' + r.nextInt(26) : 0x3B1 + r.nextInt(20)));
            }
            String s = length % 2 == 0 ? b.toString() : b.toString().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "q");
            written.add(s);
            out.writeString(s);
        }
        ByteSource in = new ByteSource(out.contents());
        for (String s : written) {
            assertEquals(s, in.readString());
        }
        assertEquals(0, in.remaining());
    }

    @Test
    void byteArraysAndEmptyRecordsRoundTrip() {
        Codec<WithBytes> codec = Codecs.defaults().codecFor(WithBytes.class);
        for (byte[] b : new byte[][] {null, {}, {0, -1, 127, -128}}) {
            WithBytes back = roundTrip(codec, new WithBytes(b, "é"));
            assertArrayEquals(b, back.bytes());
            assertEquals("é", back.after());
        }
        assertEquals(new Empty(), roundTrip(Codecs.defaults().codecFor(Empty.class), new Empty()));
    }

    @Test
    void aRecordIsDerivedOncePerRegistry() {
        Codecs codecs = Codecs.defaults().with(Money.class, Codecs.defaults().codecFor(Money.class));
        assertSame(codecs.codecFor(Everything.class), codecs.codecFor(Everything.class));
    }

    @Test
    void aRegisteredCodecIsUsedForTopLevelAndComponents() {
        Codec<Money> inCents = new Codec<>() {
            @Override
            public void encode(Money value, ByteSink out) {
                out.writeVarInt((int) value.cents());
            }

            @Override
            public Money decode(ByteSource in) {
                return new Money(in.readVarInt(), "EUR");
            }

            @Override
            public String identity() {
                return "money in euro cents v1";
            }
        };
        Codecs codecs = Codecs.defaults().with(Money.class, inCents);
        assertEquals(new Money(5, "EUR"), roundTrip(codecs.codecFor(Money.class), new Money(5, "USD")));
        Codec<Inner> inner = codecs.codecFor(Inner.class);
        assertEquals(new Inner("x", null, null, new Money(7, "EUR")), roundTrip(inner, new Inner("x", null, null, new Money(7, "USD"))));
        assertTrue(inner.identity().contains("money in euro cents v1"), inner.identity());
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void aTypeWithoutCodecIsNamedWithItsComponentPath() {
        MissingCodecException direct = assertThrows(MissingCodecException.class,
                () -> Codecs.defaults().codecFor(Lists.class));
        assertEquals(List.class, direct.type());
        assertEquals("Lists.items", direct.path());
        assertTrue(direct.getMessage().contains("java.util.List") && direct.getMessage().contains("Lists.items"),
                direct.getMessage());
        MissingCodecException nested = assertThrows(MissingCodecException.class,
                () -> Codecs.defaults().codecFor(Holder.class));
        assertEquals("Holder.lists.items", nested.path());
        // a component declared as Object (a type variable) is written with its value's runtime class (SealedCodecTest)
        assertTrue(Codecs.defaults().hasCodec(Generic.class));
        MissingCodecException top = assertThrows(MissingCodecException.class,
                () -> Codecs.defaults().codecFor(Thread.class));
        assertEquals("", top.path());
        assertTrue(top.getMessage().contains("java.lang.Thread"), top.getMessage());
        MissingCodecException recursive = assertThrows(MissingCodecException.class,
                () -> Codecs.defaults().codecFor(Node.class));
        assertTrue(recursive.getMessage().contains("recursive"), recursive.getMessage());
        assertTrue(Codecs.defaults().with(List.class, new StandardCodecs.Named<List>("list") {
            @Override
            public void encode(List value, ByteSink out) {}

            @Override
            public List decode(ByteSource in) {
                return List.of();
            }
        }).hasCodec(Holder.class), "registering the missing type makes the record derivable");
    }

    @Test
    void enumsAreEncodedByNameAndAnUnknownNameIsReported() {
        Codec<Color> codec = Codecs.defaults().codecFor(Color.class);
        ByteSink sink = new ByteSink();
        codec.encode(Color.BLUE, sink);
        ByteSink byHand = new ByteSink();
        byHand.writeVarInt(5);
        byHand.writeBytes("BLUE".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, 4);
        assertEquals(byHand.contents(), sink.contents(), "the name, not the ordinal, is written");
        ByteSink unknown = new ByteSink();
        unknown.writeVarInt(7);
        unknown.writeBytes("PURPLE".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, 6);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> codec.decode(new ByteSource(unknown.contents())));
        assertTrue(e.getMessage().contains("PURPLE") && e.getMessage().contains(Color.class.getName()), e.getMessage());
    }

    @Test
    void aDecoderNeverReadsPastItsRecord() {
        Codec<Everything> codec = Codecs.defaults().codecFor(Everything.class);
        ByteSink sink = new ByteSink();
        codec.encode(randomEverything(new SplittableRandom(3)), sink);
        ByteBuffer b = sink.contents();
        for (int cut = 0; cut < sink.size(); cut += 3) {
            ByteSource in = new ByteSource(b).reset(b, 0, cut);
            assertThrows(IllegalStateException.class, () -> codec.decode(in), "cut at " + cut);
        }
    }

    record BigMoney(java.math.BigDecimal amount, java.math.BigInteger units) {}

    @Test
    void bigDecimalsKeepTheirScaleAndBigIntegersTheirValueIncludingNull() {
        Codec<BigMoney> codec = Codecs.defaults().codecFor(BigMoney.class);
        for (BigMoney m : List.of(new BigMoney(new java.math.BigDecimal("227000.000"), java.math.BigInteger.ZERO),
                new BigMoney(new java.math.BigDecimal("-1E+30"), new java.math.BigInteger("-123456789012345678901234567890")),
                new BigMoney(java.math.BigDecimal.valueOf(Long.MAX_VALUE).multiply(java.math.BigDecimal.valueOf(908, 3)), null),
                new BigMoney(null, java.math.BigInteger.valueOf(Long.MIN_VALUE)))) {
            BigMoney back = roundTrip(codec, m);
            assertEquals(m, back, "BigDecimal.equals compares the scale too");
        }
    }
}
