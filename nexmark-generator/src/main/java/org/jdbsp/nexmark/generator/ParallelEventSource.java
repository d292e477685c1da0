package org.jdbsp.nexmark.generator;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.jdbsp.nexmark.model.Event;

/**
 * Generates the events of a {@link RngMode#PER_EVENT} configuration on G threads and hands them to one consumer in
 * event-number order: the same sequence as a single {@link NexmarkGenerator}, whatever G.
 *
 * <p>Thread {@code g} (named {@code nexmark-generator-g}) produces events {@code g, g+G, g+2G, ...} into chunks of
 * {@code chunkSize} events. Each thread owns a fixed pool of chunk permits that circulates through two
 * single-producer single-consumer agrona queues: full chunks to the consumer, empty ones back. A thread with no empty chunk waits,
 * so no thread runs more than its pool ahead of the consumer. The consumer ({@link #nextBatch(Event[], int)})
 * takes event {@code n} from thread {@code n mod G}, copying whole rounds thread by thread. A side that finds its
 * queue empty spins, yields, then parks until the other side has handed it half of the pool
 * ({@link QueueWaiter}), so waiting costs no CPU the other threads need, and each wake-up serves several chunks.
 *
 * <p>{@link #close()} stops and joins every thread, also before the end of the stream. An exception thrown in a
 * generator thread is rethrown to the consumer as an {@link IllegalStateException} whose cause it is.
 * {@code nextBatch} must be called from one thread at a time.
 */
public final class ParallelEventSource implements EventSource {

    /** Default events per chunk. */
    public static final int DEFAULT_CHUNK_SIZE = 1024;
    /** Default chunks each generator thread may fill ahead of the consumer. */
    public static final int DEFAULT_CHUNKS_PER_THREAD = 4;

    private static final long JOIN_TIMEOUT_MS = 10_000;

    private final int threadCount;
    private final long maxEvents;
    private final Worker[] workers;
    private final Thread[] threads;
    private final Chunk[] current;
    private final int[] currentPos;
    private final AtomicReference<Failure> failure = new AtomicReference<>();
    private volatile boolean running = true;
    private boolean closed;
    private long next;
    private int nextThread;

    private ParallelEventSource(GeneratorConfig config, int threadCount, int chunkSize, int chunksPerThread,
                                LongConsumer beforeEvent) {
        if (config.rngMode() != RngMode.PER_EVENT) {
            throw new IllegalArgumentException("rngMode = " + config.rngMode()
                + " is invalid for parallel generation: must be PER_EVENT");
        }
        if (threadCount < 1) {
            throw new IllegalArgumentException("threads = " + threadCount + " is invalid: must be >= 1");
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize = " + chunkSize + " is invalid: must be >= 1");
        }
        if (chunksPerThread < 1) {
            throw new IllegalArgumentException("chunksPerThread = " + chunksPerThread + " is invalid: must be >= 1");
        }
        this.threadCount = threadCount;
        this.maxEvents = config.maxEvents();
        this.workers = new Worker[threadCount];
        this.threads = new Thread[threadCount];
        this.current = new Chunk[threadCount];
        this.currentPos = new int[threadCount];
        GeneratorTables tables = GeneratorTables.of(config);
        for (int g = 0; g < threadCount; g++) {
            workers[g] = new Worker(config, tables, g, chunkSize, chunksPerThread, beforeEvent);
        }
        for (int g = 0; g < threadCount; g++) {
            Thread t = new Thread(workers[g], "nexmark-generator-" + g);
            t.setDaemon(true);
            threads[g] = t;
        }
        for (Thread t : threads) {
            t.start();
        }
    }

    /** Starts {@code threads} generator threads with the default chunk size and pool. */
    public static ParallelEventSource start(GeneratorConfig config, int threads) {
        return start(config, threads, DEFAULT_CHUNK_SIZE, DEFAULT_CHUNKS_PER_THREAD);
    }

    /**
     * Starts {@code threads} generator threads, each filling chunks of {@code chunkSize} events and running at most
     * {@code chunksPerThread} chunks ahead of the consumer.
     *
     * @throws IllegalArgumentException if the configuration is not {@link RngMode#PER_EVENT} or a count is below 1
     */
    public static ParallelEventSource start(GeneratorConfig config, int threads, int chunkSize, int chunksPerThread) {
        return new ParallelEventSource(config, threads, chunkSize, chunksPerThread, null);
    }

    /** As {@link #start(GeneratorConfig, int, int, int)}, calling {@code beforeEvent} with each event index (tests). */
    static ParallelEventSource start(GeneratorConfig config, int threads, int chunkSize, int chunksPerThread,
                                     LongConsumer beforeEvent) {
        return new ParallelEventSource(config, threads, chunkSize, chunksPerThread, beforeEvent);
    }

    /** The number of generator threads. */
    public int threads() {
        return threadCount;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Returns 0 once the source is closed.
     *
     * @throws IllegalStateException if a generator thread failed (with its exception as the cause)
     */
    @Override
    public int nextBatch(Event[] dst, int max) {
        if (closed) {
            return 0;
        }
        int n = (int) Math.min(Math.min(max, dst.length), maxEvents - next);
        // Interleave into a fresh (young) array, then copy in bulk: storing into a caller's array that the GC
        // has promoted would cost a card-marking barrier with a memory fence per element under G1.
        Event[] merged = new Event[n];
        int i = 0;
        int g = nextThread;
        while (i < n && g != 0) { // finish the round of threads that the last call left open
            merged[i++] = take(g);
            g = g + 1 == threadCount ? 0 : g + 1;
        }
        while (n - i >= threadCount) { // whole rounds, thread by thread, as far as every current chunk reaches
            int rounds = (n - i) / threadCount;
            for (int t = 0; t < threadCount; t++) {
                rounds = Math.min(rounds, readableChunk(t).count - currentPos[t]);
            }
            for (int t = 0; t < threadCount; t++) {
                Event[] events = current[t].events;
                int p = currentPos[t];
                for (int r = 0, at = i + t; r < rounds; r++, at += threadCount) {
                    merged[at] = events[p + r];
                }
                currentPos[t] = p + rounds;
            }
            i += rounds * threadCount;
        }
        while (i < n) { // the start of a round that the next call finishes
            merged[i++] = take(g);
            g++;
        }
        System.arraycopy(merged, 0, dst, 0, n);
        nextThread = g;
        next += n;
        return n;
    }

    /** The next event of thread {@code g}. */
    private Event take(int g) {
        Chunk c = readableChunk(g);
        return c.events[currentPos[g]++];
    }

    /** Thread {@code g}'s current chunk, after handing it back and waiting for the next one if it is used up. */
    private Chunk readableChunk(int g) {
        Chunk c = current[g];
        if (c != null && currentPos[g] < c.count) {
            return c;
        }
        if (c != null) {
            c.events = null;
            workers[g].free.offer(c);
            workers[g].freeWaiter.wake(workers[g].free);
        }
        c = awaitChunk(g);
        current[g] = c;
        currentPos[g] = 0;
        return c;
    }

    /** Stops every generator thread and waits for it to end; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        boolean interrupted = false;
        for (Thread t : threads) {
            try {
                t.join(JOIN_TIMEOUT_MS);
                if (t.isAlive()) {
                    t.interrupt();
                    t.join();
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Chunk awaitChunk(int g) {
        OneToOneConcurrentArrayQueue<Chunk> full = workers[g].full;
        QueueWaiter idle = workers[g].fullWaiter;
        Chunk c;
        while ((c = full.poll()) == null) {
            Failure f = failure.get();
            if (f != null) {
                throw new IllegalStateException("generator thread " + f.thread() + " failed: " + f.cause(),
                    f.cause());
            }
            if (!threads[g].isAlive() && full.isEmpty()) {
                throw new IllegalStateException("generator thread nexmark-generator-" + g + " ended early");
            }
            idle.idle(full);
        }
        idle.reset();
        return c;
    }

    /** The first exception of a generator thread. */
    private record Failure(String thread, Throwable cause) {
    }

    /**
     * A permit to hand {@code count} events to the consumer. The permits circulate; the event array is allocated
     * afresh for every fill, so it is young when written and stores into it need no GC card marking (the
     * allocation is about 4 bytes per event, against about 200 for the event itself).
     */
    private static final class Chunk {
        Event[] events;
        int count;
    }

    /** One generator thread's loop and its two queues. */
    private final class Worker implements Runnable {
        final OneToOneConcurrentArrayQueue<Chunk> full;
        final OneToOneConcurrentArrayQueue<Chunk> free;
        /** How the consumer waits for {@link #full}. */
        final QueueWaiter fullWaiter;
        /** How this generator thread waits for {@link #free}. */
        final QueueWaiter freeWaiter;
        private final GeneratorConfig config;
        private final GeneratorTables tables;
        private final int index;
        private final int chunkSize;
        private final LongConsumer beforeEvent;

        Worker(GeneratorConfig config, GeneratorTables tables, int index, int chunkSize, int chunksPerThread,
               LongConsumer beforeEvent) {
            this.config = config;
            this.tables = tables;
            this.index = index;
            this.chunkSize = chunkSize;
            this.beforeEvent = beforeEvent;
            int pool = chunksPerThread + 1; // one more for the chunk the consumer is reading
            int wakeDepth = Math.max(1, chunksPerThread / 2);
            fullWaiter = new QueueWaiter(wakeDepth);
            freeWaiter = new QueueWaiter(wakeDepth);
            full = new OneToOneConcurrentArrayQueue<>(pool);
            free = new OneToOneConcurrentArrayQueue<>(pool);
            for (int i = 0; i < pool; i++) {
                free.offer(new Chunk());
            }
        }

        @Override
        public void run() {
            try {
                generate();
            } catch (Throwable t) {
                failure.compareAndSet(null, new Failure(Thread.currentThread().getName(), t));
            } finally {
                fullWaiter.fillerDone();
            }
        }

        private void generate() {
            EventFactory factory = new EventFactory(config, tables);
            SplitMix64 rng = new SplitMix64();
            long streamKey = SplitMix64.streamKey(config.eventSeed());
            long firstEventNumber = config.firstEventNumber();
            long stride = threadCount;
            long k = index;
            boolean more = k < maxEvents;
            LongConsumer hook = beforeEvent;
            while (more && running) {
                Chunk c = free.poll();
                if (c == null) {
                    freeWaiter.idle(free);
                    continue;
                }
                freeWaiter.reset();
                Event[] events = new Event[chunkSize];
                int n = 0;
                while (n < events.length) {
                    if (hook != null) {
                        hook.accept(k);
                    }
                    events[n++] = NexmarkGenerator.createPerEvent(factory, rng, streamKey, firstEventNumber, k);
                    if (maxEvents - k <= stride) {
                        more = false;
                        break;
                    }
                    k += stride;
                }
                c.events = events;
                c.count = n;
                full.offer(c); // never full: the queue holds the whole pool
                fullWaiter.wake(full);
            }
        }
    }
}
