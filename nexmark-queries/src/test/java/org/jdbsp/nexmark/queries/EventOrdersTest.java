package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.nexmark.model.Bid;
import org.jdbsp.nexmark.model.Event;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The orders of the event streams every query reads: long prefixes, not the records' hash-code order. */
class EventOrdersTest {
    /**
     * The persons', auctions' and bids' streams (the split input's parts, sorted every step and merged wherever
     * a query shards them) are ordered by EventOrders' long-prefix orders; in the records' natural order every
     * sort and merge compared hash codes that hash each record's strings.
     */
    @Test
    @Timeout(60)
    void theEventStreamsAreOrderedByLongPrefixes() {
        List<Comparator<?>> orders = new ArrayList<>();
        NexmarkQuery<Q0.Row> capturing = new NexmarkQuery<>() {
            @Override
            public String name() {
                return "capture";
            }

            @Override
            public List<String> columns() {
                return new Q0().columns();
            }

            @Override
            public ZSetStream<Q0.Row> build(NexmarkStreams in) {
                orders.add(in.persons().layout().keyOrder());
                orders.add(in.auctions().layout().keyOrder());
                orders.add(in.bids().layout().keyOrder());
                return new Q0().build(in);
            }
        };
        QueryCircuit.start(capturing).close();
        assertSame(EventOrders.PERSON, orders.get(0), "persons' order");
        assertSame(EventOrders.AUCTION, orders.get(1), "auctions' order");
        assertSame(EventOrders.BID_STREAM, orders.get(2), "bids' order");
    }

    /**
     * The bids' order sorts a generated stream's bids (hot auctions and bidders) comparing whole bids only
     * where the mix of auction, bidder, dateTime and price ties: fewer than one bid in ten (a comparison order, as
     * the natural order is, makes about n log n comparisons), and it sorts and consolidates them.
     */
    @Test
    @Timeout(60)
    void bidsSortByTheirLongPrefix() {
        AtomicLong comparisons = new AtomicLong();
        Comparator<Bid> order = EventOrders.bidStreamOrder((a, b) -> {
            comparisons.incrementAndGet();
            return EventOrders.BID.compare(a, b);
        });
        BatchBuilder b = new BatchBuilder(Layout.zset(order));
        HashSet<Bid> distinct = new HashSet<>();
        int n = 0;
        for (Event e : QueryHarness.events(60_000)) {
            if (e instanceof Bid bid) {
                b.add(bid, 1);
                distinct.add(bid);
                n++;
            }
        }
        Batch sorted = b.build();
        assertTrue(comparisons.get() < n / 10, "bid comparisons while sorting " + n + " bids: " + comparisons.get());
        assertEquals(distinct.size(), sorted.size, "consolidated");
        for (int i = 1; i < sorted.size; i++) {
            assertTrue(order.compare((Bid) sorted.key(i - 1), (Bid) sorted.key(i)) < 0, "sorted");
        }
    }
}
