package io.triggerlab.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The least work a faithful poller must do per record, and nothing else: Lambda's exact event JSON for every batch of
 * {@value #BATCH} records, grouped by partition, written with Jackson's streaming generator into a reused buffer and
 * thrown away. Base64 goes through {@link java.util.Base64} into a preallocated buffer and is written raw (the tuned
 * builder of consumer-baseline.md: Jackson's own {@code writeBinary} is several times slower); header bytes are
 * written as signed numbers without boxing. No history, no invocation, no commit.
 */
final class MinimalEventBuilder {

    static final int BATCH = 10_000;

    private final JsonFactory json = new JsonFactory();
    private final String bootstrap;
    private final Reusable out = new Reusable(16 * 1024 * 1024);
    private final Base64.Encoder base64 = Base64.getEncoder();
    private final Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> pending = new LinkedHashMap<>();
    private byte[] encoded = new byte[4096];
    private int pendingCount;
    private long eventBytes;

    MinimalEventBuilder(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Adds a polled record; builds (and drops) the event when the batch is full. */
    void add(ConsumerRecord<byte[], byte[]> record) {
        pending.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), tp -> new ArrayList<>())
                .add(record);
        if (++pendingCount == BATCH) {
            flush();
        }
    }

    /** Builds the event of whatever is pending. */
    void flush() {
        if (pendingCount == 0) {
            return;
        }
        out.reset();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("eventSource", "SelfManagedKafka");
            g.writeStringField("bootstrapServers", bootstrap);
            g.writeObjectFieldStart("records");
            for (Map.Entry<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> group : pending.entrySet()) {
                g.writeArrayFieldStart(group.getKey().topic() + "-" + group.getKey().partition());
                for (ConsumerRecord<byte[], byte[]> r : group.getValue()) {
                    writeRecord(g, r);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write an event into memory", e);
        }
        eventBytes += out.size();
        pending.values().forEach(List::clear);
        pendingCount = 0;
    }

    /** Bytes of every event built so far (keeps the work observable). */
    long eventBytes() {
        return eventBytes;
    }

    private void writeRecord(JsonGenerator g, ConsumerRecord<byte[], byte[]> r) throws IOException {
        g.writeStartObject();
        g.writeStringField("topic", r.topic());
        g.writeNumberField("partition", r.partition());
        g.writeNumberField("offset", r.offset());
        g.writeNumberField("timestamp", r.timestamp());
        g.writeStringField("timestampType", r.timestampType().name());
        if (r.key() != null) {
            g.writeFieldName("key");
            writeBase64(g, r.key());
        }
        if (r.value() != null) {
            g.writeFieldName("value");
            writeBase64(g, r.value());
        }
        g.writeArrayFieldStart("headers");
        for (Header h : r.headers()) {
            g.writeStartObject();
            g.writeArrayFieldStart(h.key());
            byte[] bytes = h.value();
            for (byte b : bytes) {
                g.writeNumber(b);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void writeBase64(JsonGenerator g, byte[] raw) throws IOException {
        int length = 4 * ((raw.length + 2) / 3);
        if (encoded.length < length) {
            encoded = new byte[length];
        }
        base64.encode(raw, encoded);
        g.writeRawUTF8String(encoded, 0, length);
    }

    /** A byte sink that keeps its array across events. */
    private static final class Reusable extends ByteArrayOutputStream {
        Reusable(int capacity) {
            super(capacity);
        }
    }
}
