package io.triggerlab.engine.runtime.report;

import io.triggerlab.engine.infra.auth.ClientSecurityProperties;
import io.triggerlab.engine.infra.auth.ClusterAuth;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.systemlog.MappingSystemLog;
import io.triggerlab.engine.observe.systemlog.PartitionOffsets;
import io.triggerlab.engine.observe.systemlog.PollerConnection;
import io.triggerlab.engine.observe.systemlog.SystemLogLevel;
import io.triggerlab.engine.runtime.step.StepGate;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One poller's observer when its mapping has a {@code LoggingConfig}: passes everything on to the mapping's observer
 * and writes the system log events AWS's poller writes — {@code ESM_PROCESSING_EVENT} for each error,
 * {@code POLLER_STATUS_EVENT} when the consumer's assignment is first known or changes, {@code KAFKA_STATUS_EVENT} per
 * owned partition every status interval (AWS: a minute). It asks the consumer only on the poller's own thread (in
 * {@link #polled} and {@link #assignmentChanged}, both called from inside the poll loop) and only at DEBUG/INFO; the
 * poll path itself gains one time comparison at DEBUG and nothing below it.
 */
public final class SystemLogReporter implements PollerObserver {

    private static final Logger log = LoggerFactory.getLogger(SystemLogReporter.class);
    private static final Duration OFFSETS_TIMEOUT = Duration.ofSeconds(5);

    /** What the reporter knows about the consumer it watches. */
    public record PollerIdentity(int index, String consumerId, String topic, String groupId,
                                 Map<String, Object> clientProperties) {
    }

    private final PollerObserver delegate;
    private final MappingSystemLog systemLog;
    private final PollerIdentity poller;
    private final Consumer<?, ?> consumer;
    private final Clock clock;
    /** {@code null} below DEBUG: no offsets are gathered. */
    private final Duration statusInterval;
    private Instant nextStatusAt;
    private List<String> lastReportedAssignment;
    /** Per partition, the offset after the last record this poller's commits moved past (written on its thread). */
    private final Map<TopicPartition, Long> committedByPoller = new HashMap<>();

    public SystemLogReporter(PollerObserver delegate, MappingSystemLog systemLog, PollerIdentity poller,
                             Consumer<?, ?> consumer, Clock clock, Duration statusInterval) {
        this.delegate = delegate;
        this.systemLog = systemLog;
        this.poller = poller;
        this.consumer = consumer;
        this.clock = clock;
        this.statusInterval = systemLog.logs(SystemLogLevel.DEBUG) ? statusInterval : null;
    }

    @Override
    public void polled(int records, long bytes) {
        delegate.polled(records, bytes);
        if (statusInterval == null) {
            return;
        }
        Instant now = clock.instant();
        if (nextStatusAt == null) {
            nextStatusAt = now.plus(statusInterval);
        } else if (!now.isBefore(nextStatusAt)) {
            nextStatusAt = now.plus(statusInterval);
            reportOffsets();
        }
    }

    @Override
    public void invoked(InvocationRecord record) {
        delegate.invoked(record);
        if (record.outcome() == InvocationOutcome.SUCCESS || record.outcome() == InvocationOutcome.SENT_TO_DESTINATION) {
            return;
        }
        FunctionErrorBody error = FunctionErrorBody.of(record);
        systemLog.processingError(poller.index(), error.code(), error.message());
    }

    @Override
    public void committed(Map<TopicPartition, OffsetAndMetadata> offsets, int records) {
        delegate.committed(offsets, records);
        if (statusInterval != null) {
            offsets.forEach((tp, offset) -> committedByPoller.put(tp, offset.offset()));
        }
    }

    @Override
    public void processingResult(String lastProcessingResult) {
        delegate.processingResult(lastProcessingResult);
    }

    @Override
    public void pollingError(Exception error) {
        delegate.pollingError(error);
        systemLog.processingError(poller.index(), error.getClass().getName(), error.getMessage());
    }

    @Override
    public void commitError(Exception error) {
        delegate.commitError(error);
        systemLog.processingError(poller.index(), error.getClass().getName(), error.getMessage());
    }

    @Override
    public void assignmentChanged(Set<TopicPartition> assignment) {
        delegate.assignmentChanged(assignment);
        committedByPoller.keySet().retainAll(assignment);
        if (!systemLog.logs(SystemLogLevel.INFO)) {
            return;
        }
        List<String> assigned = names(assignment);
        if (assigned.equals(lastReportedAssignment)) {
            return; // a cooperative rebalance calls twice (revoked, then assigned) for one change
        }
        lastReportedAssignment = assigned;
        systemLog.pollerStatus(poller.index(), connection(assigned));
    }

    @Override
    public void filteredOut(int records) {
        delegate.filteredOut(records);
    }

    @Override
    public void dropped(int records) {
        delegate.dropped(records);
    }

    @Override
    public void sentToDestination(int records) {
        delegate.sentToDestination(records);
    }

    @Override
    public void destinationDeliveryFailed(int records, Exception error) {
        delegate.destinationDeliveryFailed(records, error);
        systemLog.processingError(poller.index(), error.getClass().getName(), error.getMessage());
    }

    @Override
    public void historyUnavailable(Exception error) {
        delegate.historyUnavailable(error);
    }

    @Override
    public StepGate stepGate() {
        return delegate.stepGate();
    }

    private PollerConnection connection(List<String> assigned) {
        int total;
        int generation;
        try {
            total = consumer.partitionsFor(poller.topic(), OFFSETS_TIMEOUT).size();
            generation = consumer.groupMetadata().generationId();
        } catch (KafkaException e) {
            log.debug("Partition count of {} unknown for the system log: {}", poller.topic(), e.toString());
            total = -1;
            generation = -1;
        }
        Map<String, Object> props = poller.clientProperties();
        ClusterAuth auth = props.get(ClientSecurityProperties.CLUSTER_AUTH_PROPERTY) instanceof ClusterAuth a ? a : null;
        String protocol = auth != null ? auth.securityProtocol().name()
                : String.valueOf(props.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT"));
        return new PollerConnection(bootstrap(props), poller.consumerId(), List.of(poller.topic()), poller.groupId(),
                protocol, saslMechanism(auth, props), total, generation, assigned);
    }

    private static String bootstrap(Map<String, Object> props) {
        Object servers = props.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
        return servers instanceof Collection<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(servers);
    }

    private static String saslMechanism(ClusterAuth auth, Map<String, Object> props) {
        if (auth instanceof ClusterAuth.SaslScram scram) {
            return scram.mechanism().kafkaName();
        }
        if (auth instanceof ClusterAuth.SaslPlain) {
            return "PLAIN";
        }
        if (auth instanceof ClusterAuth.MskIam) {
            return "AWS_MSK_IAM";
        }
        Object mechanism = props.get("sasl.mechanism");
        return mechanism == null ? null : mechanism.toString();
    }

    /** One {@code KAFKA_STATUS_EVENT} per owned partition, in partition order. */
    private void reportOffsets() {
        Set<TopicPartition> owned = consumer.assignment();
        if (owned.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> ends;
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            ends = consumer.endOffsets(owned, OFFSETS_TIMEOUT);
            committed = consumer.committed(owned, OFFSETS_TIMEOUT);
        } catch (KafkaException e) {
            log.debug("Offsets for the system log unavailable: {}", e.toString());
            return;
        }
        owned.stream().sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .forEach(tp -> {
                    OffsetAndMetadata group = committed.get(tp);
                    Long committedOffset = group == null ? committedByPoller.get(tp) : Long.valueOf(group.offset());
                    long position = consumer.position(tp, OFFSETS_TIMEOUT);
                    systemLog.partitionOffsets(poller.index(), new PartitionOffsets(tp.topic() + "-" + tp.partition(),
                            ends.get(tp), position > 0 ? position - 1 : null,
                            processed(tp, committedOffset), committedOffset));
                });
    }

    /** The last record whose batch is done: the one before this poller's (or the group's) commit point. */
    private Long processed(TopicPartition tp, Long committedOffset) {
        Long mine = committedByPoller.get(tp);
        Long next = mine != null ? mine : committedOffset;
        return next == null || next == 0 ? null : next - 1;
    }

    private static List<String> names(Set<TopicPartition> assignment) {
        return assignment.stream()
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .map(tp -> tp.topic() + "-" + tp.partition()).toList();
    }
}
