package org.jdbsp.bench.report;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What the JVM's management beans say about garbage collection: the accumulated collection time of every
 * collector, and the peak heap occupancy since the last {@link #resetHeapPeak()}.
 *
 * <p>The heap only grows between two collections, so its peak is the largest of the heap occupancies just before
 * each collection (read from the collectors' notifications) and the occupancy now. Notifications of collections that
 * started before the last reset are ignored. If the JVM sends no notifications, the peak falls back to the sum of
 * the heap pools' own peaks, which can only overstate it.
 */
public final class JvmStats implements AutoCloseable {
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> heapPools = new ArrayList<>();
    private final Set<String> heapPoolNames = new HashSet<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;
    private final AtomicLong peakBeforeGc = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong(-1);
    private volatile long resetUptimeMillis;

    /** Starts listening to the collectors' notifications. */
    public JvmStats() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool);
                heapPoolNames.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : collectors) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** The collection time of every collector so far, in milliseconds (as the JVM accounts it). */
    public long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    /** Starts a new peak at the current heap occupancy. */
    public void resetHeapPeak() {
        resetUptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        for (MemoryPoolMXBean pool : heapPools) {
            pool.resetPeakUsage();
        }
        peakBeforeGc.set(0);
        peakAfterGc.set(-1);
    }

    /**
     * The largest heap occupancy right after a collection since the last {@link #resetHeapPeak()} (from the
     * collectors' notifications, -1 if none came), and, with {@code collectNow}, right after a full collection
     * requested now ({@link System#gc()}), which makes it at least the live heap at this point.
     */
    public long heapPeakAfterGcBytes(boolean collectNow) {
        if (collectNow) {
            System.gc();
            peakAfterGc.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }
        return peakAfterGc.get();
    }

    /** The peak heap occupancy since the last {@link #resetHeapPeak()}, in bytes. */
    public long heapPeakBytes() {
        long now = memory.getHeapMemoryUsage().getUsed();
        if (emitters.isEmpty()) {
            long sum = 0;
            for (MemoryPoolMXBean pool : heapPools) {
                MemoryUsage peak = pool.getPeakUsage();
                sum += peak == null ? 0 : peak.getUsed();
            }
            return Math.max(sum, now);
        }
        return Math.max(peakBeforeGc.get(), now);
    }

    private void onNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
        if (info.getStartTime() < resetUptimeMillis) {
            return;
        }
        peakBeforeGc.accumulateAndGet(heapUsed(info.getMemoryUsageBeforeGc()), Math::max);
        peakAfterGc.accumulateAndGet(heapUsed(info.getMemoryUsageAfterGc()), Math::max);
    }

    private long heapUsed(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> e : pools.entrySet()) {
            if (heapPoolNames.contains(e.getKey())) {
                used += e.getValue().getUsed();
            }
        }
        return used;
    }

    /** Stops listening. */
    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
        emitters.clear();
    }
}
