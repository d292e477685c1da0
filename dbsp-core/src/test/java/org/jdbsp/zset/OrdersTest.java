package org.jdbsp.zset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import org.junit.jupiter.api.Test;

/** Record orders: the natural order of records, and loud failure of orders inconsistent with equals. */
class OrdersTest {
    record Order(long id, String customer, long cents) {}

    enum Color { RED, GREEN }

    @Test
    void recordsWithoutComparableStillConsolidate() {
        ZSet<Order> z = ZSet.<Order>builder()
                .add(new Order(3, "cy", 5), 1).add(new Order(3, "cy", 9), 1).add(new Order(3, "cy", 5), 1).build();
        assertEquals(2, z.size());
        assertEquals(2, z.weight(new Order(3, "cy", 5)));
    }

    @Test
    void enumsOrderByOrdinal() {
        assertTrue(Orders.natural().compare(Color.RED, Color.GREEN) < 0);
    }

    @Test
    void anOrderThatIgnoresAFieldFailsInsteadOfMergingDifferentRecords() {
        Comparator<Order> byIdOnly = Comparator.comparingLong(Order::id);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ZSet.builder(byIdOnly)
                .add(new Order(3, "cy", 5), -1).add(new Order(3, "cy", 9), 1).build());
        assertTrue(e.getMessage().contains("consistent with equals"), e.getMessage());
        ZSet<Order> a = ZSet.builder(byIdOnly).add(new Order(3, "cy", 5), 1).build();
        ZSet<Order> b = ZSet.builder(byIdOnly).add(new Order(3, "cy", 9), 1).build();
        assertThrows(IllegalArgumentException.class, () -> a.plus(b));
    }

    @Test
    void objectsWithoutAnyOrderAreRefusedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZSet.builder().add(new Object(), 1).add(new Object(), 1).build());
        assertTrue(e.getMessage().contains("explicit Comparator"), e.getMessage());
    }
}
