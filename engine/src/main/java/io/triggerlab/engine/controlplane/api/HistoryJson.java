package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.observe.history.PartitionRange;
import io.triggerlab.engine.runtime.replay.ReplayBatchIds;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The extension API's invocation history.
 *
 * <p>Summary: {@code {"id":42,"mappingUuid":"…","batchId":"…","attempt":1,"requestId":"…",
 * "startedAt":"2025-03-01T10:15:31.123Z","durationMillis":42,"outcome":"SUCCESS",
 * "partitions":[{"topic":"orders","partition":0,"firstOffset":100,"lastOffset":102,"recordCount":3}],
 * "recordCount":3,"payloadBytes":2048,"payloadKept":true,"hasResponse":true,"errorMessage":null}}, plus
 * {@code "replayOf":17} when the invocation replays invocation 17.
 *
 * <p>Invocation: a summary plus the bodies — {@code "payload"} (the event as JSON) and {@code "response"} (the
 * function's response, any JSON value) when they parse as JSON, otherwise {@code "payloadBase64"} /
 * {@code "responseBase64"}; absent when not kept — and {@code "logs"} (text).
 */
record HistoryJson(ObjectMapper mapper) {

    ObjectNode summary(InvocationSummary s) {
        ObjectNode out = mapper.createObjectNode()
                .put("id", s.id())
                .put("mappingUuid", s.mappingUuid())
                .put("batchId", s.batchId())
                .put("attempt", s.attempt())
                .put("requestId", s.requestId())
                .put("startedAt", s.startedAt().toString())
                .put("durationMillis", s.duration().toMillis())
                .put("outcome", s.outcome().name());
        ArrayNode partitions = out.putArray("partitions");
        for (PartitionRange p : s.partitions()) {
            partitions.addObject()
                    .put("topic", p.topic())
                    .put("partition", p.partition())
                    .put("firstOffset", p.firstOffset())
                    .put("lastOffset", p.lastOffset())
                    .put("recordCount", p.recordCount());
        }
        out.put("recordCount", s.recordCount())
                .put("payloadBytes", s.payloadBytes())
                .put("payloadKept", s.payloadKept())
                .put("payloadNote", s.payloadNote())
                .put("hasResponse", s.hasResponse())
                .put("errorMessage", s.errorMessage());
        ReplayBatchIds.replayOf(s).ifPresent(original -> out.put("replayOf", original));
        return out;
    }

    ObjectNode invocation(InvocationRecord record) {
        ObjectNode out = summary(record.summary());
        body(out, "payload", record.payload());
        body(out, "response", record.response());
        out.put("logs", record.logs());
        return out;
    }

    private void body(ObjectNode out, String name, byte[] bytes) {
        if (bytes == null) {
            return;
        }
        asJson(bytes).ifPresentOrElse(json -> out.set(name, json),
                () -> out.put(name + "Base64", Base64.getEncoder().encodeToString(bytes)));
    }

    /** The body as JSON when it is UTF-8 JSON; otherwise empty, and it goes out as base64. */
    private Optional<JsonNode> asJson(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return Optional.ofNullable(mapper.readTree(bytes)).filter(node -> !node.isMissingNode());
        } catch (IOException notUtf8OrNotJson) {
            return Optional.empty();
        }
    }
}
