package io.triggerlab.engine.runtime.filter;

import io.triggerlab.engine.infra.cluster.StoredRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import java.util.List;
import java.util.Optional;

/**
 * Runs filter patterns against records read back from a topic, exactly as a poller would judge them, so a person can
 * try a FilterCriteria before a trigger uses it.
 */
public final class FilterTrial {

    private FilterTrial() {
    }

    /**
     * @return for each record, in order, whether the patterns would send it to the function
     * @throws InvalidFilterPatternException when a pattern does not parse, with the API's message
     */
    public static List<Boolean> accepted(List<String> patterns, List<StoredRecord> records) {
        RecordFilter filter = RecordFilter.of(patterns);
        return records.stream().map(r -> filter.accepts(consumerRecord(r))).toList();
    }

    private static ConsumerRecord<byte[], byte[]> consumerRecord(StoredRecord r) {
        RecordHeaders headers = new RecordHeaders();
        r.headers().forEach(h -> headers.add(h.name(), h.value()));
        byte[] key = r.key();
        byte[] value = r.value();
        return new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp().toEpochMilli(),
                TimestampType.valueOf(r.timestampType()), key == null ? -1 : key.length,
                value == null ? -1 : value.length, key, value, headers, Optional.empty());
    }
}
