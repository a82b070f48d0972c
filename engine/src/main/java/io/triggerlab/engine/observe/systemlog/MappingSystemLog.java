package io.triggerlab.engine.observe.systemlog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Writes one mapping's system log events in AWS's JSON shape (docs/aws-behaviour.md#esm-logging): the common members
 * {@code eventType, timestamp, resourceArn, eventSourceArn, eventProcessorId, logLevel} in AWS's order, then the
 * event's own object. Only events the mapping's {@code SystemLogLevel} admits are built; callers ask
 * {@link #logs(SystemLogLevel)} before gathering anything costly. A store failure is logged and never reaches the
 * poller: a trigger does not stop because its logs could not be kept.
 */
public final class MappingSystemLog {

    public static final String ESM_PROCESSING_EVENT = "ESM_PROCESSING_EVENT";
    public static final String POLLER_STATUS_EVENT = "POLLER_STATUS_EVENT";
    public static final String KAFKA_STATUS_EVENT = "KAFKA_STATUS_EVENT";

    private static final Logger log = LoggerFactory.getLogger(MappingSystemLog.class);

    private final String mappingUuid;
    private final String resourceArn;
    private final String eventSourceArn;
    private final SystemLogLevel level;
    private final SystemLogs store;
    private final Clock clock;

    /**
     * @param eventSourceArn the MSK cluster's ARN, or {@code null} for a self-managed cluster (which has none; the
     *                       member is then left out, docs/aws-reading.md)
     */
    public MappingSystemLog(String mappingUuid, String resourceArn, String eventSourceArn, SystemLogLevel level,
                            SystemLogs store, Clock clock) {
        this.mappingUuid = Objects.requireNonNull(mappingUuid, "mappingUuid");
        this.resourceArn = Objects.requireNonNull(resourceArn, "resourceArn");
        this.eventSourceArn = eventSourceArn;
        this.level = Objects.requireNonNull(level, "level");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The mapping's system log, or {@code null} when it has no {@code LoggingConfig} level (nothing is written). */
    public static MappingSystemLog of(EventSourceMapping mapping, SystemLogs store, Clock clock) {
        if (store == null || mapping.loggingConfig() == null || mapping.loggingConfig().systemLogLevel() == null) {
            return null;
        }
        return new MappingSystemLog(mapping.uuid(), mapping.eventSourceMappingArn(), mapping.eventSourceArn(),
                SystemLogLevel.parse(mapping.loggingConfig().systemLogLevel()), store, clock);
    }

    public SystemLogLevel level() {
        return level;
    }

    /** Whether events of {@code eventLevel} are written. */
    public boolean logs(SystemLogLevel eventLevel) {
        return level.admits(eventLevel);
    }

    /** WARN {@code ESM_PROCESSING_EVENT}: an error or warning of poller {@code poller}, when it happened. */
    public void processingError(int poller, String errorCode, String errorMessage) {
        if (!logs(SystemLogLevel.WARN)) {
            return;
        }
        write(poller, SystemLogLevel.WARN, ESM_PROCESSING_EVENT, event -> {
            ObjectNode error = event.putObject("error");
            error.put("errorMessage", errorMessage == null ? "" : errorMessage);
            error.put("errorCode", errorCode);
        });
    }

    /** INFO {@code POLLER_STATUS_EVENT}: poller {@code poller}'s consumer was built or its assignment changed. */
    public void pollerStatus(int poller, PollerConnection c) {
        if (!logs(SystemLogLevel.INFO)) {
            return;
        }
        write(poller, SystemLogLevel.INFO, POLLER_STATUS_EVENT, event -> {
            ObjectNode k = event.putObject("kafkaEventSourceConnection");
            k.put("brokerEndpoints", c.brokerEndpoints());
            k.put("consumerId", c.consumerId());
            c.topics().forEach(k.putArray("topics")::add);
            k.put("consumerGroupId", c.consumerGroupId());
            k.put("securityProtocol", c.securityProtocol());
            if (c.saslMechanism() != null) {
                k.put("saslMechanism", c.saslMechanism());
            }
            k.put("totalPartitionCount", c.totalPartitionCount());
            k.put("assignedPartitionCount", c.assignedPartitions().size());
            k.put("partitionsAssignmentGeneration", c.partitionsAssignmentGeneration());
            c.assignedPartitions().forEach(k.putArray("assignedPartitions")::add);
        });
    }

    /** DEBUG {@code KAFKA_STATUS_EVENT}: one partition's offsets, reported by poller {@code poller} once a minute. */
    public void partitionOffsets(int poller, PartitionOffsets p) {
        if (!logs(SystemLogLevel.DEBUG)) {
            return;
        }
        write(poller, SystemLogLevel.DEBUG, KAFKA_STATUS_EVENT, event -> {
            ObjectNode o = event.putObject("kafkaPartitionOffsets");
            o.put("partition", p.partition());
            putKnown(o, "endOffset", p.endOffset());
            putKnown(o, "consumedOffset", p.consumedOffset());
            putKnown(o, "processedOffset", p.processedOffset());
            putKnown(o, "committedOffset", p.committedOffset());
        });
    }

    private static void putKnown(ObjectNode o, String name, Long value) {
        if (value != null) {
            o.put(name, value.longValue());
        }
    }

    private void write(int poller, SystemLogLevel eventLevel, String eventType,
                       java.util.function.Consumer<ObjectNode> body) {
        Instant now = clock.instant();
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("eventType", eventType);
        event.put("timestamp", now.toEpochMilli());
        event.put("resourceArn", resourceArn);
        if (eventSourceArn != null) {
            event.put("eventSourceArn", eventSourceArn);
        }
        event.put("eventProcessorId", mappingUuid + "/" + poller);
        event.put("logLevel", eventLevel.name());
        body.accept(event);
        try {
            store.append(new SystemLogEntry(0, mappingUuid, SystemLogEntry.logStreamName(mappingUuid, now), now,
                    eventLevel, eventType, event.toString()));
        } catch (RuntimeException e) {
            log.warn("System log event {} of mapping {} not kept: {}", eventType, mappingUuid, e.getMessage());
        }
    }
}
