package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.runtime.report.PollerObserver;
import io.triggerlab.engine.runtime.report.ProcessingResults;
import org.apache.kafka.clients.consumer.Consumer;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns a poller's silence into a reportable problem and its end into {@code OK} again. A consumer that cannot reach
 * any broker just returns empty polls — also one that keeps its partitions when the cluster goes away under it. While
 * no records arrive, a metadata request every {@link #PROBE_INTERVAL} (bounded by {@link #PROBE_TIMEOUT}) turns that
 * silence into an error, as Lambda reports a connection error. Used only on its poller's thread.
 */
final class ConnectionWatch {

    static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final PollerObserver observer;
    private boolean problemReported;
    private boolean clusterUnreachable;
    private Instant lastProbe;

    ConnectionWatch(Consumer<byte[], byte[]> consumer, String topic, PollerObserver observer) {
        this.consumer = consumer;
        this.topic = topic;
        this.observer = observer;
    }

    /** The poller reported a polling problem as the LastProcessingResult; a later healthy poll clears it. */
    void problemReported() {
        problemReported = true;
    }

    /**
     * After a reported polling problem, the first poll that owns partitions again means the cause is gone: back to
     * {@code OK} without a restart — unless the problem was the cluster itself going silent, which only records or a
     * successful probe clear. While nothing arrives, probe the cluster now and then: the topic's metadata while
     * nothing is assigned, the cluster's topic list (always a request to a broker, never the client's cache) while
     * partitions are. A failed probe throws like a failed poll.
     */
    void afterPoll(Instant now, int polledRecords) {
        boolean assigned = !consumer.assignment().isEmpty();
        if (assigned && (polledRecords > 0 || !clusterUnreachable && problemReported)) {
            reachable(now);
            return;
        }
        if (lastProbe == null) {
            lastProbe = now;
        } else if (!now.isBefore(lastProbe.plus(PROBE_INTERVAL))) {
            lastProbe = now;
            if (!assigned) {
                consumer.partitionsFor(topic, PROBE_TIMEOUT);
                return;
            }
            clusterUnreachable = true;
            consumer.listTopics(PROBE_TIMEOUT);
            reachable(now);
        }
    }

    private void reachable(Instant now) {
        lastProbe = now;
        clusterUnreachable = false;
        if (problemReported) {
            problemReported = false;
            observer.processingResult(ProcessingResults.OK);
        }
    }
}
