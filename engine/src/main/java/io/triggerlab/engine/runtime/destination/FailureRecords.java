package io.triggerlab.engine.runtime.destination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.runtime.payload.KafkaEventWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders AWS's on-failure records for Kafka (docs/aws-behaviour.md#on-failure-destinations). Pure: the same failed batch gives the same bytes.
 * <ul>
 *   <li>{@link #batchRecord}: SQS and SNS (metadata only) and S3 (plus {@code payload}, the whole event as an
 *       escaped JSON string): one record for the batch, {@code KafkaBatchInfo.recordsInfo} per partition.</li>
 *   <li>{@link #perRecord}: Kafka topic: one message per failed record, {@code batchSize} 1, singular
 *       {@code recordInfo}, {@code payload} the one-record event as a JSON object.</li>
 * </ul>
 * Offsets are strings and timestamps ISO-8601 UTC with milliseconds, as in AWS's examples.
 */
public final class FailureRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final DestinationContext context;
    private final KafkaEventWriter writer;

    public FailureRecords(DestinationContext context) {
        this.context = context;
        this.writer = new KafkaEventWriter(context.eventSource());
    }

    /** One record for the whole batch (SQS, SNS; S3 with {@code withPayload}). */
    public byte[] batchRecord(FailedBatch batch, boolean withPayload) {
        byte[] event = writer.write(batch.records());
        ObjectNode root = envelope(batch, batch.condition().awsName());
        ObjectNode info = batchInfo(root, batch.records().size(), event.length);
        ObjectNode recordsInfo = info.putObject("recordsInfo");
        partitions(batch.records()).forEach((key, records) -> {
            ConsumerRecord<byte[], byte[]> first = records.get(0);
            ConsumerRecord<byte[], byte[]> last = records.get(records.size() - 1);
            ObjectNode partition = recordsInfo.putObject(key);
            partition.put("firstRecordOffset", Long.toString(first.offset()));
            partition.put("lastRecordOffset", Long.toString(last.offset()));
            partition.put("firstRecordTimestamp", iso(first.timestamp()));
            partition.put("lastRecordTimestamp", iso(last.timestamp()));
        });
        if (withPayload) {
            root.put("payload", new String(event, StandardCharsets.UTF_8));
        }
        return bytes(root);
    }

    /** One message per record (Kafka topic destination), in batch order. */
    public List<byte[]> perRecord(FailedBatch batch) {
        List<byte[]> out = new ArrayList<>(batch.records().size());
        for (ConsumerRecord<byte[], byte[]> record : batch.records()) {
            byte[] event = writer.write(List.of(record));
            ObjectNode root = envelope(batch, batch.condition().kafkaName());
            ObjectNode info = batchInfo(root, 1, event.length);
            ObjectNode recordInfo = info.putObject("recordInfo");
            recordInfo.put("offset", Long.toString(record.offset()));
            recordInfo.put("timestamp", iso(record.timestamp()));
            root.set("payload", tree(event));
            out.add(bytes(root));
        }
        return out;
    }

    private ObjectNode envelope(FailedBatch batch, String condition) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode request = root.putObject("requestContext");
        request.put("requestId", batch.requestId());
        request.put("functionArn", context.functionArn());
        request.put("condition", condition);
        request.put("approximateInvokeCount", batch.approximateInvokeCount());
        FailedBatch.ResponseContext response = batch.response();
        if (response == null) {
            root.putNull("responseContext");
        } else {
            ObjectNode node = root.putObject("responseContext");
            node.put("statusCode", response.statusCode());
            node.put("executedVersion", response.executedVersion());
            node.put("functionError", response.functionError());
        }
        root.put("version", "1.0");
        root.put("timestamp", ISO_MILLIS.format(batch.at()));
        return root;
    }

    private ObjectNode batchInfo(ObjectNode root, int batchSize, long payloadSize) {
        ObjectNode info = root.putObject("KafkaBatchInfo");
        info.put("batchSize", batchSize);
        if (context.eventSource().eventSourceArn() != null) {
            info.put("eventSourceArn", context.eventSource().eventSourceArn());
        }
        info.put("bootstrapServers", context.eventSource().bootstrapServers());
        info.put("payloadSize", payloadSize);
        return info;
    }

    private static Map<String, List<ConsumerRecord<byte[], byte[]>>> partitions(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, List<ConsumerRecord<byte[], byte[]>>> out = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            out.computeIfAbsent(KafkaEventWriter.partitionKey(r.topic(), r.partition()), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    static String iso(long epochMillis) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(epochMillis));
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("The event writer produced JSON Jackson cannot read — a bug", e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
