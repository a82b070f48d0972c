package io.triggerlab.engine.runtime.offsets;

import io.triggerlab.engine.infra.auth.ClientSecurityException;
import io.triggerlab.engine.infra.auth.MappingClusterAccess;
import io.triggerlab.engine.infra.auth.InvalidAccessConfigurationException;
import io.triggerlab.engine.infra.auth.MskAccess;
import io.triggerlab.engine.runtime.offsets.ConsumerGroupOffsets;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.InvalidParameterValueException;
import io.triggerlab.engine.runtime.offsets.OffsetReset;
import io.triggerlab.engine.runtime.offsets.PartitionOffsetReset;
import io.triggerlab.engine.controlplane.mapping.ResourceInUseException;
import io.triggerlab.engine.controlplane.mapping.ServiceException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Resets a mapping's consumer group through the Kafka Admin API, reaching its cluster exactly as its pollers do: the
 * MSK cluster's brokers (or the self-managed bootstrap servers) with the authentication its
 * SourceAccessConfigurations name, and the group the pollers use ({@link EventSourceMapping#consumerGroupId()}).
 */
public final class KafkaGroupOffsets implements ConsumerGroupOffsets {

    /** How long one reset may wait for the cluster: describe, list and alter are a few small requests. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private final MappingClusterAccess clusters;
    private final Duration timeout;

    public KafkaGroupOffsets(MappingClusterAccess clusters, Duration timeout) {
        this.clusters = Objects.requireNonNull(clusters, "clusters");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public List<PartitionOffsetReset> reset(EventSourceMapping mapping, OffsetReset target) {
        String group = mapping.consumerGroupId();
        try (Admin admin = Admin.create(clientProperties(mapping))) {
            List<TopicPartition> partitions = partitions(admin, mapping.topic());
            refuseActiveMembers(admin, group, mapping.uuid());
            Map<TopicPartition, OffsetAndMetadata> committed = await(
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(), "the committed offsets", mapping);
            Map<TopicPartition, Long> targets = targetOffsets(admin, partitions, target, mapping);
            Map<TopicPartition, OffsetAndMetadata> alter = new HashMap<>();
            targets.forEach((tp, offset) -> alter.put(tp, new OffsetAndMetadata(offset)));
            await(admin.alterConsumerGroupOffsets(group, alter).all(), "to move the consumer group " + group, mapping);
            List<PartitionOffsetReset> out = new ArrayList<>(partitions.size());
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata before = committed.get(tp);
                out.add(new PartitionOffsetReset(tp.partition(), before == null ? PartitionOffsetReset.NONE
                        : before.offset(), targets.get(tp)));
            }
            return out;
        }
    }

    private Map<String, Object> clientProperties(EventSourceMapping mapping) {
        MskAccess access = access(mapping);
        try {
            return clusters.adminProperties(access, mapping.uuid() + "-offset-reset", timeout);
        } catch (ClientSecurityException e) {
            throw new InvalidParameterValueException("Cannot reach the cluster of " + mapping.uuid() + " to reset its "
                    + "offsets: " + e.getMessage());
        }
    }

    /** The same brokers and authentication method the pollers choose (see the poller's configuration). */
    private MskAccess access(EventSourceMapping mapping) {
        try {
            return clusters.of(mapping)
                    .orElseThrow(() -> new InvalidParameterValueException("Cluster not found: "
                            + mapping.eventSourceArn() + ". Register it again (triggerlab cluster add) to reset the "
                            + "offsets of " + mapping.uuid()));
        } catch (InvalidAccessConfigurationException e) {
            throw new InvalidParameterValueException(e.getMessage());
        }
    }

    private List<TopicPartition> partitions(Admin admin, String topic) {
        String what = "the partitions of topic " + topic;
        Map<String, TopicDescription> described = await(admin.describeTopics(List.of(topic)).allTopicNames(), what,
                cause -> {
                    if (cause instanceof UnknownTopicOrPartitionException) {
                        throw new InvalidParameterValueException("Topic " + topic + " does not exist on the trigger's "
                                + "cluster: there are no offsets to reset");
                    }
                    throw unavailable(what, cause);
                });
        List<TopicPartition> out = new ArrayList<>();
        for (TopicPartitionInfo info : described.get(topic).partitions()) {
            out.add(new TopicPartition(topic, info.partition()));
        }
        return out;
    }

    /** Kafka refuses to move a group with members; saying who is still in it is more useful than its error code. */
    private void refuseActiveMembers(Admin admin, String group, String uuid) {
        String what = "the members of consumer group " + group;
        ConsumerGroupDescription description = await(
                admin.describeConsumerGroups(List.of(group)).describedGroups().get(group), what, cause -> {
                    if (cause instanceof GroupIdNotFoundException) {
                        return null; // a mapping that never polled: the group does not exist yet, the reset creates it
                    }
                    throw unavailable(what, cause);
                });
        if (description != null && !description.members().isEmpty()) {
            throw groupInUse(group, description.members().size());
        }
    }

    private Map<TopicPartition, Long> targetOffsets(Admin admin, List<TopicPartition> partitions, OffsetReset target,
                                                    EventSourceMapping mapping) {
        Map<TopicPartition, Long> ends = offsets(admin, partitions, OffsetSpec.latest(), mapping);
        if (target instanceof OffsetReset.Latest) {
            return ends;
        }
        OffsetSpec spec = target instanceof OffsetReset.AtTimestamp at
                ? OffsetSpec.forTimestamp(at.timestamp().toEpochMilli()) : OffsetSpec.earliest();
        Map<TopicPartition, Long> out = offsets(admin, partitions, spec, mapping);
        // No record at or after the timestamp: the broker answers -1, and the pollers are to start at the end.
        out.replaceAll((tp, offset) -> offset < 0 ? ends.get(tp) : offset);
        return out;
    }

    private Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec,
                                              EventSourceMapping mapping) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, Long> out = new HashMap<>();
        await(admin.listOffsets(request).all(), "the offsets of topic " + mapping.topic(), mapping)
                .forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    private <T> T await(KafkaFuture<T> future, String what, EventSourceMapping mapping) {
        return await(future, what, mapping.uuid());
    }

    private <T> T await(KafkaFuture<T> future, String what, String uuid) {
        return await(future, what + " of " + uuid, cause -> {
            if (cause instanceof GroupNotEmptyException || cause instanceof UnknownMemberIdException) {
                throw new ResourceInUseException("Kafka refused " + what + " of " + uuid + " because the group has "
                        + "members: stop the other consumers of this group (or wait a few seconds after disabling) "
                        + "and try again");
            }
            throw unavailable(what + " of " + uuid, cause);
        });
    }

    /**
     * The cluster's answer within the timeout; a failure the cluster reports goes to {@code onFailure}, which throws
     * the exception that explains it (or returns what that failure means).
     */
    private <T> T await(KafkaFuture<T> future, String what, Function<Throwable, T> onFailure) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return onFailure.apply(e.getCause());
        } catch (TimeoutException e) {
            throw new ServiceException("The cluster did not answer within " + timeout.toMillis() + " ms when asked for "
                    + what + ": check that it is running and reachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("Interrupted while reading " + what);
        }
    }

    private static ResourceInUseException groupInUse(String group, int members) {
        return new ResourceInUseException("The consumer group " + group + " still has " + members
                + " member(s), and Kafka only moves the offsets of an empty "
                + "group: stop the other consumers of this group (or wait a few seconds after disabling) and try again");
    }

    private static ServiceException unavailable(String what, Throwable cause) {
        return new ServiceException("Cannot read " + what + " from the cluster: " + cause);
    }
}
