package io.triggerlab.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where and when the figures were taken.
 *
 * @param date     UTC, to the minute
 * @param cores    processors the JVM sees
 * @param os       name, version and architecture
 * @param runtime  Java runtime name and version
 * @param maxHeapMb the JVM's heap limit
 * @param loadAverage the one-minute system load average at the start (other work on the machine), -1 if unknown
 */
record Machine(String date, int cores, String os, String runtime, long maxHeapMb, double loadAverage) {

    static Machine current() {
        return new Machine(Instant.now().truncatedTo(ChronoUnit.MINUTES).toString(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    String describe() {
        return String.format(java.util.Locale.ROOT, "%s, %d cores, %s, %s, heap %d MB, load average %.1f at start",
                date, cores, os, runtime, maxHeapMb, loadAverage);
    }
}
