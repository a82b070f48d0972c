package io.triggerlab.engine.runtime.payload;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import static io.triggerlab.engine.runtime.payload.TestRecords.bytes;
import static io.triggerlab.engine.runtime.payload.TestRecords.headers;
import static io.triggerlab.engine.runtime.payload.TestRecords.record;
import static io.triggerlab.engine.runtime.payload.TestRecords.utf8;
import static org.apache.kafka.common.record.TimestampType.CREATE_TIME;
import static org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME;

/** The consumed records behind the golden files in {@code src/test/resources/events/}. */
final class EventFixtures {

    static final EventSource MSK = EventSource.msk(
            "arn:aws:kafka:us-east-1:123456789012:cluster/triggerlab-demo/8f2c1a3e-4b5d-4c6e-9f70-1a2b3c4d5e6f-2",
            "b-1.demo.abc123.c2.kafka.us-east-1.amazonaws.com:9098,b-2.demo.abc123.c2.kafka.us-east-1.amazonaws.com:9098");
    static final EventSource SELF_MANAGED =
            EventSource.selfManaged("kafka-1.example.internal:9092,kafka-2.example.internal:9092");

    private EventFixtures() {
    }

    /** Two partitions interleaved, null key, tombstone, non-UTF-8 bytes, "ë" in a header, duplicate header keys. */
    static List<ConsumerRecord<byte[], byte[]>> mskRecords() {
        return List.of(
                record("orders", 0, 15, 1596480920837L, CREATE_TIME, utf8("order-1"), utf8("{\"id\":1,\"item\":\"thé\"}"),
                        headers("traceId", "abc-123")),
                record("orders", 1, 7, 1596480921000L, LOG_APPEND_TIME, null, bytes(0xff, 0xfe, 0x00, 0x80, 0x41),
                        new RecordHeaders()),
                record("orders", 0, 16, 1596480920901L, CREATE_TIME, utf8("order-1"), null,
                        headers("name", "Zoë", "retry", "1", "retry", "2")),
                record("orders", 1, 8, 1596480921002L, LOG_APPEND_TIME, bytes(0x00, 0x9f, 0xff), utf8("hi"),
                        headers("content-type", "text/plain")));
    }

    /** A header key that needs escaping, a null header value, a tombstone, duplicate keys with an empty value. */
    static List<ConsumerRecord<byte[], byte[]>> selfManagedRecords() {
        return List.of(
                record("payments.v1", 3, 1000, 1700000000123L, CREATE_TIME, null, utf8("plain"),
                        headers("q\"k\\ é\n", bytes(0x7f, 0x80), "empty", null)),
                record("payments.v1", 0, 0, 1700000000456L, LOG_APPEND_TIME, utf8("k"), null, new RecordHeaders()),
                record("payments.v1", 3, 1001, 1700000000789L, CREATE_TIME, bytes(0xc3, 0xab),
                        bytes(250, 251, 252, 253, 254, 255), headers("dup", "ë", "dup", new byte[0])));
    }

    static byte[] resource(String name) {
        try (InputStream in = EventFixtures.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource /events/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
