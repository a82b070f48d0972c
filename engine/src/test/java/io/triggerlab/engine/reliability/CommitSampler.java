package io.triggerlab.engine.reliability;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the consumer group's committed offsets from the broker twice a second and checks the at-least-once promise:
 * a committed offset never passes a record the function has not received. The committed offsets are read first and
 * the ledger after, and the ledger only grows, so a violation seen here is real (a brief one could be missed).
 */
final class CommitSampler implements AutoCloseable {

    private final Admin admin;
    private final String group;
    private final DeliveryLedger ledger;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fault-commit-sampler");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong violations = new AtomicLong();
    private final List<String> examples = new ArrayList<>();

    CommitSampler(String bootstrap, String group, DeliveryLedger ledger) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000));
        this.group = group;
        this.ledger = ledger;
        ticker.scheduleWithFixedDelay(this::sampleQuietly, 500, 500, TimeUnit.MILLISECONDS);
    }

    private void sampleQuietly() {
        try {
            check(committed());
        } catch (Exception e) {
            // The broker is restarting or the group is rebalancing: no sample this time.
        }
    }

    Map<TopicPartition, OffsetAndMetadata> committed() throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
    }

    /** Checks one set of committed offsets against what was delivered by now. */
    void check(Map<TopicPartition, OffsetAndMetadata> committed) {
        samples.incrementAndGet();
        committed.forEach((tp, offset) -> {
            if (offset == null) {
                return;
            }
            long prefix = ledger.deliveredPrefix(tp.partition());
            if (offset.offset() > prefix) {
                violations.incrementAndGet();
                synchronized (examples) {
                    if (examples.size() < 10) {
                        examples.add(tp + " committed at " + offset.offset() + " but offset " + prefix
                                + " was never delivered");
                    }
                }
            }
        });
    }

    long samples() {
        return samples.get();
    }

    long violations() {
        return violations.get();
    }

    List<String> examples() {
        synchronized (examples) {
            return List.copyOf(examples);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
