package io.triggerlab.engine.observe.metrics;

import io.triggerlab.engine.controlplane.mapping.StartingPosition;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads one mapping's lag from the broker through the Admin API — the topic's partitions, their log-end offsets and
 * the group's committed offsets: three requests, no consumer in the group, so sampling never triggers a rebalance —
 * and the age of the oldest unprocessed record through a {@link RecordAgeProbe}.
 */
final class LagSampler implements AutoCloseable {

    private final MonitoredMapping mapping;
    private final Admin admin;
    private final RecordAgeProbe ages;
    private final Clock clock;
    private final Duration timeout;

    /** @param clientProperties the mapping's client properties with its cluster's security resolved */
    LagSampler(MonitoredMapping mapping, Map<String, Object> clientProperties, Clock clock, Duration timeout) {
        this.mapping = mapping;
        this.clock = clock;
        this.timeout = timeout;
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, mapping.mappingUuid() + "-lag-sampler");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.admin = Admin.create(props);
        try {
            this.ages = new RecordAgeProbe(mapping, clientProperties, timeout);
        } catch (RuntimeException e) {
            admin.close(Duration.ZERO);
            throw e;
        }
    }

    /** The lag now; throws {@link LagUnavailableException} when the broker cannot tell. */
    LagReading read() {
        Instant at = clock.instant();
        List<TopicPartition> partitions = partitions();
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, OffsetAndMetadata> committed = await(
                admin.listConsumerGroupOffsets(mapping.groupId()).partitionsToOffsetAndMetadata(), "committed offsets");
        List<TopicPartition> uncommitted = partitions.stream()
                .filter(tp -> committed.get(tp) == null).toList();
        Map<TopicPartition, Long> starts = uncommitted.isEmpty() ? Map.of() : startOffsets(uncommitted, ends);
        List<PartitionLag> lags = new ArrayList<>(partitions.size());
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata offset = committed.get(tp);
            long position = offset != null ? offset.offset() : starts.get(tp);
            lags.add(new PartitionLag(tp.partition(), ends.get(tp), position));
        }
        return new LagReading(at, lags, timeLag(at, lags));
    }

    private OptionalLong timeLag(Instant at, List<PartitionLag> lags) {
        Map<Integer, Long> lagging = new HashMap<>();
        for (PartitionLag lag : lags) {
            if (lag.lag() > 0) {
                lagging.put(lag.partition(), lag.committedOffset());
            }
        }
        if (lagging.isEmpty()) {
            ages.forgetAll();
            return OptionalLong.of(0);
        }
        OptionalLong oldest = ages.oldestTimestamp(lagging);
        return oldest.isPresent() ? OptionalLong.of(Math.max(0, at.toEpochMilli() - oldest.getAsLong())) : OptionalLong.empty();
    }

    private List<TopicPartition> partitions() {
        Map<String, TopicDescription> topics = await(admin.describeTopics(List.of(mapping.topic())).allTopicNames(),
                "the partitions of topic " + mapping.topic());
        List<TopicPartition> out = new ArrayList<>();
        for (TopicPartitionInfo info : topics.get(mapping.topic()).partitions()) {
            out.add(new TopicPartition(mapping.topic(), info.partition()));
        }
        return out;
    }

    /** Where pollers start on partitions the group has not committed: the mapping's StartingPosition. */
    private Map<TopicPartition, Long> startOffsets(List<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
        StartingPosition position = mapping.startingPosition();
        if (position == StartingPosition.LATEST) {
            Map<TopicPartition, Long> out = new HashMap<>();
            partitions.forEach(tp -> out.put(tp, ends.get(tp)));
            return out;
        }
        OffsetSpec spec = position == StartingPosition.AT_TIMESTAMP
                ? OffsetSpec.forTimestamp(mapping.startingPositionTimestamp().toEpochMilli())
                : OffsetSpec.earliest();
        Map<TopicPartition, Long> out = offsets(partitions, spec);
        // No record at or after the timestamp: the pollers start at the end.
        out.replaceAll((tp, offset) -> offset < 0 ? ends.get(tp) : offset);
        return out;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result =
                await(admin.listOffsets(request).all(), "the offsets of topic " + mapping.topic());
        Map<TopicPartition, Long> out = new HashMap<>();
        result.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    private <T> T await(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LagUnavailableException("Interrupted while reading " + what, e);
        } catch (ExecutionException e) {
            throw new LagUnavailableException("Cannot read " + what + " of mapping " + mapping.mappingUuid()
                    + " from the cluster: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new LagUnavailableException("The cluster did not answer within " + timeout.toMillis()
                    + " ms when asked for " + what + " of mapping " + mapping.mappingUuid(), e);
        }
    }

    @Override
    public void close() {
        ages.close();
        admin.close(Duration.ofSeconds(2));
    }
}
