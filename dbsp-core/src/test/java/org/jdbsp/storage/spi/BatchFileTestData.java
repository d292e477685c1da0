package org.jdbsp.storage.spi;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.jdbsp.codec.Codec;
import org.jdbsp.codec.Codecs;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/** Random consolidated batches of every layout shape, and the codecs of their object columns. */
final class BatchFileTestData {
    private BatchFileTestData() {}

    enum Color { RED, GREEN, BLUE }

    record Rec(String text, long n, Integer boxed, Color color) {}

    static final Comparator<Object> REC_ORDER = (a, b) -> {
        Rec x = (Rec) a;
        Rec y = (Rec) b;
        int c = Comparator.nullsFirst(Comparator.<String>naturalOrder()).compare(x.text(), y.text());
        if (c == 0) {
            c = Long.compare(x.n(), y.n());
        }
        if (c == 0) {
            c = Comparator.nullsFirst(Comparator.<Integer>naturalOrder()).compare(x.boxed(), y.boxed());
        }
        return c != 0 ? c : Comparator.nullsFirst(Comparator.<Color>naturalOrder()).compare(x.color(), y.color());
    };

    static final Codec<Rec> REC = Codecs.defaults().codecFor(Rec.class);
    static final Codec<String> STRING = Codecs.defaults().codecFor(String.class);

    /** The layout shapes: long keys only, object keys only, long/long, long/object, object/long, object/object. */
    static final List<Layout> LAYOUTS = List.of(
            Layout.LONGS,
            Layout.zset(REC_ORDER),
            Layout.longToLongs(),
            Layout.indexed(ColumnKind.LONG, null, ColumnKind.OBJECT, REC_ORDER),
            Layout.indexed(ColumnKind.OBJECT, Orders.natural(), ColumnKind.LONG, null),
            Layout.indexed(ColumnKind.OBJECT, Orders.natural(), ColumnKind.OBJECT, REC_ORDER));

    static Codec<?> keyCodec(Layout l) {
        return l.keyKind() == ColumnKind.LONG ? null : l.isPlainZSet() ? REC : STRING;
    }

    static Codec<?> valueCodec(Layout l) {
        return l.valueKind() == ColumnKind.OBJECT ? REC : null;
    }

    private static final String[] TEXTS = {"", "a", "b", "é", "日本", "😀", "\uD800", "z\u0000z"};

    static String text(SplittableRandom r, int longText) {
        if (longText > 0 && r.nextInt(8) == 0) {
            return "x".repeat(longText) + TEXTS[r.nextInt(TEXTS.length)];
        }
        return TEXTS[r.nextInt(TEXTS.length)] + r.nextInt(20);
    }

    static Rec rec(SplittableRandom r, int longText) {
        return new Rec(r.nextInt(6) == 0 ? null : text(r, longText), r.nextInt(3) == 0 ? r.nextLong() : r.nextInt(10),
                r.nextInt(4) == 0 ? null : r.nextInt(), r.nextInt(4) == 0 ? null : Color.values()[r.nextInt(3)]);
    }

    /** A consolidated batch of about {@code n} tuples (fewer after consolidation), keys repeating. */
    static Batch batch(SplittableRandom r, Layout l, int n, int longText) {
        BatchBuilder b = new BatchBuilder(l);
        int keys = Math.max(1, n / 3);
        for (int i = 0; i < n; i++) {
            Object key = l.keyKind() == ColumnKind.LONG
                    ? (Object) (r.nextInt(4) == 0 ? (r.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE) : (long) r.nextInt(keys) - keys / 2)
                    : l.isPlainZSet() ? rec(r, longText) : text(r, longText);
            Object value = l.valueKind() == ColumnKind.LONG ? (Object) (long) r.nextInt(5)
                    : l.valueKind() == ColumnKind.OBJECT ? rec(r, longText) : null;
            long w = r.nextInt(5) == 0 ? (r.nextBoolean() ? Long.MAX_VALUE >> 12 : Long.MIN_VALUE >> 12) : r.nextInt(7) - 3;
            b.addBoxed(key, value, w == 0 ? 1 : w);
        }
        return b.build();
    }

    /** Writes {@code batch} with checksum blocks of {@code blockSize} bytes. */
    static BatchFileInfo write(Path dir, Batch batch, int blockSize) {
        try (BatchFileWriter w = BatchFileWriter.create(org.jdbsp.storage.internal.FileOps.SYSTEM, blockSize, dir,
                batch.layout, keyCodec(batch.layout), valueCodec(batch.layout))) {
            w.addAll(batch);
            return w.finish();
        }
    }

    static BatchFile open(Path path, Layout l, int segmentShift) {
        return BatchFile.open(path, l, keyCodec(l), valueCodec(l), segmentShift);
    }
}
