package org.gongjian.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An after-commit module listener for {@link EventResubmissionTests}, on an event of its own ({@link Probe}) so no other
 * test's events reach it: per probe it fails a given number of times, or holds its thread until released, and counts
 * its tries and the ones that finished.
 */
@Component
class ProbeListener {

    record Probe(String id) {}

    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> finished = new ConcurrentHashMap<>();

    void failTimes(String id, int times) {
        failuresLeft.put(id, new AtomicInteger(times));
    }

    void hold(String id) {
        holds.put(id, new CountDownLatch(1));
    }

    void release(String id) {
        holds.remove(id).countDown();
    }

    int tries(String id) {
        return tries.getOrDefault(id, new AtomicInteger()).get();
    }

    int finished(String id) {
        return finished.getOrDefault(id, new AtomicInteger()).get();
    }

    @ApplicationModuleListener
    void on(Probe probe) throws InterruptedException {
        tries.computeIfAbsent(probe.id(), k -> new AtomicInteger()).incrementAndGet();
        CountDownLatch hold = holds.get(probe.id());
        if (hold != null && !hold.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("probe " + probe.id() + " held for 60 s and never released");
        }
        AtomicInteger failures = failuresLeft.get(probe.id());
        if (failures != null && failures.getAndDecrement() > 0) {
            throw new IllegalStateException("probe " + probe.id() + " fails on purpose");
        }
        finished.computeIfAbsent(probe.id(), k -> new AtomicInteger()).incrementAndGet();
    }
}
