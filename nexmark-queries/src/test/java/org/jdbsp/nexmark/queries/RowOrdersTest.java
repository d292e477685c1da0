package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** The long-prefix orders of the stateless queries' rows are total and consistent with {@code equals}. */
class RowOrdersTest {
    private static final String[] TEXT = {"", "a", "b", "a/b"};

    private static String text(Random r, boolean nullable) {
        int i = r.nextInt(TEXT.length + (nullable ? 1 : 0));
        return i == TEXT.length ? null : TEXT[i];
    }

    /** Few distinct values per column, so that rows often share the prefix and the tie-break decides. */
    private static long small(Random r) {
        long[] values = {Long.MIN_VALUE, -1, 0, 1, 2, Long.MAX_VALUE};
        return values[r.nextInt(values.length)];
    }

    private static <R> void assertTotalAndConsistent(Comparator<R> order, Function<Random, R> rows) {
        Random random = new Random(22);
        List<R> list = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            list.add(rows.apply(random));
        }
        Collections.shuffle(list, random);
        list.sort(order);
        for (int i = 1; i < list.size(); i++) {
            R a = list.get(i - 1);
            R b = list.get(i);
            assertTrue(order.compare(a, b) <= 0, a + " before " + b);
            assertEquals(a.equals(b), order.compare(a, b) == 0, a + " vs " + b);
        }
        for (int i = 0; i < 20_000; i++) {
            R a = list.get(random.nextInt(list.size()));
            R b = list.get(random.nextInt(list.size()));
            assertEquals(Integer.signum(order.compare(a, b)), -Integer.signum(order.compare(b, a)), a + " vs " + b);
            assertEquals(a.equals(b), order.compare(a, b) == 0, a + " vs " + b);
        }
    }

    @Test
    void q0() {
        assertTotalAndConsistent(Q0.ORDER, r -> new Q0.Row(small(r), small(r), small(r), small(r), text(r, false)));
    }

    @Test
    void q21() {
        assertTotalAndConsistent(Q21.ORDER, r -> new Q21.Row(small(r), small(r), small(r), text(r, false), text(r, true)));
    }

    @Test
    void q22() {
        assertTotalAndConsistent(Q22.ORDER, r -> new Q22.Row(small(r), small(r), small(r), text(r, false), text(r, true),
                text(r, true), text(r, true)));
    }

    @Test
    void q13() {
        assertTotalAndConsistent(Q13.ORDER, r -> new Q13.Row(small(r), small(r), small(r), small(r), text(r, false)));
    }

    /**
     * The 32-bit row prefix tells apart rows that differ in any one of its four longs, the last included (it
     * reaches only the low bits of the 64-bit mix): rows tied on the prefix are sorted by the full comparison.
     */
    @Test
    void rowPrefixesSeparateRowsThatDifferInAnyOneLong() {
        for (int position = 0; position < 4; position++) {
            Set<Long> prefixes = new HashSet<>();
            for (long v = 0; v < 1_000; v++) {
                long[] x = {1_000_123, 2_000_456, 1_600_000_000_000L, 4_200};
                x[position] += v;
                long p = EventOrders.rowPrefix(x[0], x[1], x[2], x[3]);
                assertEquals(0, p >>> 32, "32 bits");
                prefixes.add(p);
            }
            assertEquals(1_000, prefixes.size(), "long " + position);
        }
    }

    @Test
    void q10() {
        assertTotalAndConsistent(Q10.ORDER, r -> new Q10.Row(small(r), small(r), small(r),
                small(r) / (1 + r.nextInt(3)), text(r, false), "d", "h"));
    }
}
