package org.jdbsp.circuit.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import javax.management.NotificationEmitter;

/**
 * Fails a step fast when the heap is exhausted, instead of letting the JVM thrash in collections: the JVM
 * notifies it when the old generation is still above a limit ({@value #DEFAULT_LIMIT} of its maximum, or the
 * fraction in the system property {@code jdbsp.memory.limit}; 0 turns the guard off) after a collection, and
 * the next operator to run then fails its step, once the old generation is confirmed to be still above the limit.
 *
 * <p>The cost on the step's path is one volatile read per operator while memory is fine.
 */
public final class MemoryGuard {
    /** The default limit: 90% of the old generation's maximum, after a collection. */
    public static final double DEFAULT_LIMIT = 0.9;

    private static final List<MemoryPoolMXBean> TENURED = new ArrayList<>();
    private static volatile boolean suspect;
    private static volatile double limit;

    static {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            // the pools that support a usage threshold are the old generations (eden and survivors do not)
            if (pool.getType() == MemoryType.HEAP && pool.isUsageThresholdSupported() && pool.isCollectionUsageThresholdSupported()) {
                TENURED.add(pool);
            }
        }
        ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).addNotificationListener((n, handback) -> {
            if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(n.getType())) {
                suspect = true;
            }
        }, null, null);
        setLimit(limitFromProperty());
    }

    private MemoryGuard() {}

    private static double limitFromProperty() {
        String p = System.getProperty("jdbsp.memory.limit");
        if (p == null || p.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            double f = Double.parseDouble(p.trim());
            if (f >= 0 && f < 1) {
                return f;
            }
        } catch (NumberFormatException e) {
            // the default below
        }
        System.err.println("jdbsp: ignoring -Djdbsp.memory.limit=" + p + " (a fraction from 0 to 1, 0 for off); using " + DEFAULT_LIMIT);
        return DEFAULT_LIMIT;
    }

    /** Sets the limit, a fraction of the old generation's maximum (0: off). For the property and tests. */
    public static synchronized void setLimit(double fraction) {
        limit = fraction;
        for (MemoryPoolMXBean pool : TENURED) {
            long max = pool.getUsage().getMax();
            if (max > 0) {
                pool.setCollectionUsageThreshold(fraction == 0 ? 0 : Math.max(1, (long) (max * fraction)));
            }
        }
        suspect = fraction > 0 && exhaustedPool() != null;
    }

    /** The old generation pool still above the limit after its last collection, or null. */
    private static MemoryPoolMXBean exhaustedPool() {
        double f = limit;
        if (f == 0) {
            return null;
        }
        for (MemoryPoolMXBean pool : TENURED) {
            MemoryUsage after = pool.getCollectionUsage();
            long max = pool.getUsage().getMax();
            if (after != null && max > 0 && after.getUsed() > (long) (max * f)) {
                return pool;
            }
        }
        return null;
    }

    /**
     * Null while memory is fine (one volatile read); else the sentence saying that memory is exhausted, for the
     * failure of the step.
     */
    public static String exhaustion() {
        if (!suspect) {
            return null;
        }
        MemoryPoolMXBean pool = exhaustedPool();
        if (pool == null) {
            suspect = false;
            return null;
        }
        MemoryUsage after = pool.getCollectionUsage();
        long max = pool.getUsage().getMax();
        return String.format("memory is exhausted: the heap's old generation (%s) is still %d%% full after a collection"
                + " (%,d of %,d MiB; the limit is %d%%)", pool.getName(), Math.round(100.0 * after.getUsed() / max),
                after.getUsed() >> 20, max >> 20, Math.round(100 * limit));
    }
}
