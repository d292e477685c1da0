package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;

/** q16's per-batch sums of (channel, day, code) weights: equal triples summed, zero sums dropped, any size. */
class GroupCodeCountsTest {
    private static final Layout LAYOUT = Layout.indexed(ColumnKind.OBJECT, Orders.natural(), ColumnKind.OBJECT, Orders.natural());

    @Test
    void sumsEqualTriplesAsAMapWouldThroughGrowthAndDropsZeroSums() {
        SplittableRandom random = new SplittableRandom(16);
        GroupCodeCounts counts = new GroupCodeCounts(1);
        Map<List<Object>, Long> expected = new HashMap<>();
        String[] channels = {"Aa", "BB", "Google", "channel-7", new String("Google")};
        for (int i = 0; i < 20_000; i++) {
            String channel = channels[random.nextInt(channels.length)];
            long day = random.nextInt(3);
            int code = random.nextInt(200);
            long weight = random.nextInt(5) - 2;
            counts.add(channel, day, code, weight);
            expected.merge(List.of(new Q16.ChannelDay(channel, day), (long) code), weight, Long::sum);
        }
        expected.values().removeIf(w -> w == 0);
        BatchBuilder out = new BatchBuilder(LAYOUT);
        counts.addTo(out);
        Batch batch = out.build();
        Map<List<Object>, Long> got = new HashMap<>();
        for (int i = 0; i < batch.size; i++) {
            got.put(List.of(batch.key(i), batch.value(i)), batch.weights[i]);
        }
        assertEquals(expected, got);
        assertTrue(counts.size() <= 4 * 3 * 200, "one entry per distinct triple (equal channels of distinct instances"
                + " are one): " + counts.size());
    }

    @Test
    void aSumOutsideTheLongRangeFails() {
        GroupCodeCounts counts = new GroupCodeCounts(4);
        counts.add("c", 0, 1, Long.MAX_VALUE);
        assertThrows(ArithmeticException.class, () -> counts.add("c", 0, 1, 1));
    }
}
