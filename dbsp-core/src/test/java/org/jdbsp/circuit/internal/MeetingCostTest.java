package org.jdbsp.circuit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the workers' meetings cost: a worker touches only what was sent to it, so one round of W workers
 * reads O(W) slots in all, however the data goes (counted by {@link WorkerContext#slotReads}, not timed).
 * Reading every worker's slot on every worker, as a plain all-gather does, costs W * W.
 */
class MeetingCostTest {
    private static final int W = 64;

    /** Runs {@code body} as workers 0 to W - 1 of {@code group}, one thread each, and waits for them. */
    private static void runWorkers(WorkerGroup group, IntConsumer body) throws InterruptedException {
        int w = group.size();
        Thread[] threads = new Thread[w];
        AtomicReference<Throwable> error = new AtomicReference<>();
        for (int i = 0; i < w; i++) {
            int index = i;
            threads[i] = new Thread(() -> {
                try {
                    body.accept(index);
                } catch (Throwable t) {
                    error.compareAndSet(null, t);
                    group.fail(index, t);
                }
            }, "meeting-cost-" + group.name() + "-" + i);
            group.setThread(i, threads[i]);
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (error.get() != null) {
            throw new AssertionError("a worker failed", error.get());
        }
    }

    private static long slotReads(WorkerGroup group) {
        long n = 0;
        for (int i = 0; i < group.size(); i++) {
            n += group.worker(i).slotReads;
        }
        return n;
    }

    /** Slots read per round of an exchange in which worker i sends one value to worker i + 1 (mod w). */
    private static long ringExchange(int w, int rounds) throws InterruptedException {
        WorkerGroup group = new WorkerGroup(w, "ring" + w);
        long[][] got = new long[w][rounds];
        runWorkers(group, i -> {
            WorkerContext me = group.worker(i);
            for (int r = 0; r < rounds; r++) {
                me.send((i + 1) % w, Long.valueOf(i * 1000L + r));
                Object[] in = me.receive();
                assertEquals(1, in.length, "worker " + i + " receives one part in round " + r);
                got[i][r] = (Long) in[0];
            }
        });
        for (int i = 0; i < w; i++) {
            for (int r = 0; r < rounds; r++) {
                assertEquals(((i - 1 + w) % w) * 1000L + r, got[i][r], "worker " + i + ", round " + r);
            }
        }
        return slotReads(group) / rounds;
    }

    @Test
    @Timeout(120)
    void anExchangeWhereEachWorkerSendsToOneOtherReadsSlotsInProportionToW() throws Exception {
        long at16 = ringExchange(16, 8);
        long at64 = ringExchange(W, 8);
        assertTrue(at64 <= 4L * W, "one ring exchange of " + W + " workers read " + at64 + " slots, more than 4 * W");
        assertTrue(at64 <= 5 * at16, "4x the workers read " + at64 + " slots per round against " + at16 + ": not linear");
    }

    @Test
    @Timeout(120)
    void anExchangeGatheringOnOneWorkerReadsSlotsInProportionToW() throws Exception {
        WorkerGroup group = new WorkerGroup(W, "gather");
        List<List<Long>> got = new java.util.ArrayList<>();
        runWorkers(group, i -> {
            WorkerContext me = group.worker(i);
            if (i % 2 == 1) {
                me.send(0, Long.valueOf(i));
            }
            Object[] in = me.receive();
            if (i == 0) {
                List<Long> mine = new java.util.ArrayList<>();
                for (Object o : in) {
                    mine.add((Long) o);
                }
                got.add(mine);
            } else {
                assertEquals(0, in.length, "worker " + i + " was sent nothing");
            }
        });
        List<Long> odd = new java.util.ArrayList<>();
        for (long i = 1; i < W; i += 2) {
            odd.add(i);
        }
        assertEquals(List.of(odd), got, "worker 0 receives what was sent to it, in sender order");
        long reads = slotReads(group);
        assertTrue(reads <= 4L * W, "gathering on worker 0 read " + reads + " slots, more than 4 * W");
    }

    @Test
    @Timeout(120)
    void collectiveReductionsReadSlotsInProportionToW() throws Exception {
        WorkerGroup group = new WorkerGroup(W, "reduce");
        runWorkers(group, i -> {
            WorkerContext me = group.worker(i);
            long[] values = {i, -i, 7};
            me.maxAcross(values);
            assertArrayEquals(new long[] {W - 1, 0, 7}, values, "worker " + i);
            assertFalse(me.allAcross(i != 5), "worker " + i);
            assertTrue(me.allAcross(true), "worker " + i);
            List<Integer> all = me.gather(i * 2);
            assertEquals(W, all.size());
            assertEquals(2 * (W - 1), all.get(W - 1), "worker " + i);
        });
        long reads = slotReads(group);
        assertTrue(reads <= 4 * 4L * W, "four reductions of " + W + " workers read " + reads + " slots, more than 4 * 4 * W");
    }

    record Io(ZSetInput<Long> in, ZSetOutput<Long> out, WorkerGroup[] group) {}

    @Test
    @Timeout(120)
    void aStepOfSixtyFourWorkersWithAnExchangeAndAnOutputReadsSlotsInProportionToW() {
        try (CircuitHandle<Io> h = Circuit.build(CircuitConfig.defaults().withWorkers(W).withName("meeting-cost"), b -> {
            ZSetInput<Long> in = b.longZSetInput("n");
            WorkerGroup[] group = {((WorkerContext) b.workers()).group()};
            return new Io(in, in.stream().shard().output(), group);
        })) {
            WorkerGroup group = h.io().group()[0];
            h.step();
            long before = slotReads(group);
            // one record per worker's slice, each owned by the next worker: every worker sends one part to one other
            Map<Long, Long> pushed = new TreeMap<>();
            for (int i = 0; i < W; i++) {
                long key = (long) i << 20;
                while (KeyHash.ownerOfLong(key, W) != (i + 1) % W) {
                    key++;
                }
                h.io().in().push(key, 1);
                pushed.put(key, 1L);
            }
            h.step();
            long withData = slotReads(group) - before;
            ZSet<Long> out = h.io().out().delta();
            assertEquals(W, out.size());
            for (Map.Entry<Long, Long> e : pushed.entrySet()) {
                assertEquals(e.getValue().longValue(), out.weight(e.getKey()), "key " + e.getKey());
            }
            before = slotReads(group);
            h.step();
            long empty = slotReads(group) - before;
            assertTrue(withData <= 8L * W, "a step with two meetings read " + withData + " slots, more than 8 * W");
            assertTrue(empty <= 8L * W, "an empty step with two meetings read " + empty + " slots, more than 8 * W");
        }
    }
}
