package io.triggerlab.engine.runtime.replay;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.infra.auth.AccessConfigurations;
import io.triggerlab.engine.infra.auth.MskAccess;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.infra.cluster.StoredRecord;
import io.triggerlab.engine.infra.cluster.TestRecord;
import io.triggerlab.engine.runtime.payload.EventSource;
import io.triggerlab.engine.runtime.payload.KafkaEventWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import java.util.List;
import java.util.Optional;

/**
 * The event a mapping's function gets for one record of its topic, read back from the cluster: the same writer the
 * pollers use, so the JSON is what a delivery of that record alone would send (filters and schema decoding are not
 * applied: the record is sent as stored).
 */
final class RecordTestEvents {

    private final ClusterRegistry clusters;

    RecordTestEvents(ClusterRegistry clusters) {
        this.clusters = clusters;
    }

    byte[] eventOf(EventSourceMapping mapping, StoredRecord record) {
        String bootstrap = AccessConfigurations.forMapping(mapping, clusters).map(MskAccess::bootstrapServers)
                .orElse("");
        EventSource source = mapping.isMsk() ? EventSource.msk(mapping.eventSourceArn(), bootstrap)
                : EventSource.selfManaged(bootstrap);
        return new KafkaEventWriter(source).write(List.of(consumerRecord(record)));
    }

    private static ConsumerRecord<byte[], byte[]> consumerRecord(StoredRecord record) {
        RecordHeaders headers = new RecordHeaders();
        for (TestRecord.Header header : record.headers()) {
            headers.add(header.name(), header.value());
        }
        byte[] key = record.key();
        byte[] value = record.value();
        TimestampType type = "LOG_APPEND_TIME".equals(record.timestampType()) ? TimestampType.LOG_APPEND_TIME
                : TimestampType.CREATE_TIME;
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(),
                record.timestamp().toEpochMilli(), type, key == null ? -1 : key.length,
                value == null ? -1 : value.length, key, value, headers, Optional.empty());
    }
}
