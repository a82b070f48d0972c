package io.triggerlab.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.observe.history.InvocationRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a stored invocation into an {@link Invocation}: Lambda's Kafka event JSON into decoded records. */
final class EventDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventDecoder() {
    }

    static Invocation decode(InvocationRecord stored) {
        String event = text(stored.payload());
        return new Invocation(stored.id(), stored.batchId(), stored.attempt(), stored.outcome(), event,
                event == null ? List.of() : records(event), text(stored.response()), stored.errorMessage());
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The event's records in its order: partition groups as they appear, records within each in offset order. */
    static List<EventRecord> records(String eventJson) {
        JsonNode event;
        try {
            event = JSON.readTree(eventJson);
        } catch (IOException e) {
            throw new UncheckedIOException("The stored event is not JSON", e);
        }
        List<EventRecord> records = new ArrayList<>();
        for (JsonNode group : event.path("records")) {
            for (JsonNode r : group) {
                records.add(new EventRecord(r.path("topic").asText(), r.path("partition").asInt(),
                        r.path("offset").asLong(), r.path("timestamp").asLong(), r.path("timestampType").asText(),
                        base64(r.get("key")), base64(r.get("value")), headers(r.path("headers"))));
            }
        }
        return records;
    }

    private static String base64(JsonNode node) {
        return node == null || node.isNull() ? null
                : new String(Base64.getDecoder().decode(node.asText()), StandardCharsets.UTF_8);
    }

    /** Lambda sends headers as a list of one-entry objects whose value is the header's bytes as a number array. */
    private static Map<String, String> headers(JsonNode headers) {
        Map<String, String> decoded = new LinkedHashMap<>();
        for (JsonNode header : headers) {
            Iterator<Map.Entry<String, JsonNode>> fields = header.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                byte[] bytes = new byte[field.getValue().size()];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) field.getValue().get(i).asInt();
                }
                decoded.put(field.getKey(), new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return decoded;
    }
}
