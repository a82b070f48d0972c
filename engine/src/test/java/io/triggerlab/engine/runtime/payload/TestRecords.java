package io.triggerlab.engine.runtime.payload;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Builds consumer records for tests, the way the Kafka client hands them to the poller. */
public final class TestRecords {

    private TestRecords() {
    }

    public static ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset, long timestamp,
                                                        TimestampType type, byte[] key, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>(topic, partition, offset, timestamp, type,
                key == null ? -1 : key.length, value == null ? -1 : value.length, key, value, headers, Optional.empty());
    }

    /** A CREATE_TIME record with no key and no headers whose value is {@code valueSize} bytes. */
    public static ConsumerRecord<byte[], byte[]> sized(String topic, int partition, long offset, int valueSize) {
        return record(topic, partition, offset, 1_700_000_000_000L + offset, TimestampType.CREATE_TIME,
                null, new byte[valueSize], new RecordHeaders());
    }

    public static RecordHeaders headers(Object... keyValuePairs) {
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i < keyValuePairs.length; i += 2) {
            Object v = keyValuePairs[i + 1];
            byte[] bytes = v == null ? null : v instanceof byte[] b ? b : utf8((String) v);
            headers.add((String) keyValuePairs[i], bytes);
        }
        return headers;
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
