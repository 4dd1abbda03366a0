package org.gongjian.support;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * For benchmarks (the workbook export and import): samples the heap in use every 10 ms on a daemon thread; the heap
 * pools' usage after their last collection gives what stayed live.
 */
public final class HeapWatch implements Runnable {

    private final Thread thread = new Thread(this, "heap-watch");
    private volatile boolean running = true;
    private volatile long peakUsed;
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()).toList();
    private volatile long peakAfterCollection;

    private HeapWatch() {
    }

    public static HeapWatch start() {
        HeapWatch watch = new HeapWatch();
        watch.heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        watch.thread.setDaemon(true);
        watch.thread.start();
        return watch;
    }

    @Override
    public void run() {
        while (running) {
            peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            long afterCollection = heapPools.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
            peakAfterCollection = Math.max(peakAfterCollection, afterCollection);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public void stop() throws InterruptedException {
        running = false;
        thread.join();
    }

    /** The most heap in use seen by a sample (garbage included). */
    public long peakUsed() {
        return peakUsed;
    }

    /** The most the heap pools held right after a collection: what the work kept live. */
    public long peakAfterCollection() {
        return peakAfterCollection;
    }
}
