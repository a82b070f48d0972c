package io.triggerlab.console.inspector;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a Lambda Kafka event (the JSON the engine sent) into decoded records for the inspector. It reads the event as
 * the function receives it, so what the table shows is what the function got: base64 keys and values, and headers as
 * arrays of signed bytes.
 */
public final class KafkaEventReader {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final ZoneId zone;

    public KafkaEventReader(ZoneId zone) {
        this.zone = zone;
    }

    /** The event's records, in the event's order (partition by partition, offsets ascending). */
    public List<RecordRow> records(byte[] eventJson) {
        JsonNode event;
        try {
            event = JsonText.parse(eventJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("The stored event is not JSON: " + e.getMessage(), e);
        }
        JsonNode records = event.path("records");
        List<RecordRow> rows = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> partitions = records.fields();
        while (partitions.hasNext()) {
            Map.Entry<String, JsonNode> partition = partitions.next();
            for (JsonNode record : partition.getValue()) {
                rows.add(record(partition.getKey(), record));
            }
        }
        return rows;
    }

    private RecordRow record(String topicPartition, JsonNode r) {
        long offset = r.path("offset").asLong();
        String where = topicPartition + " offset " + offset;
        DecodedBytes key = r.hasNonNull("key") ? DecodedBytes.ofBase64(r.get("key").asText(), "The key of " + where) : null;
        DecodedBytes value = r.hasNonNull("value")
                ? DecodedBytes.ofBase64(r.get("value").asText(), "The value of " + where) : null;
        String timestamp = r.has("timestamp")
                ? TIME.format(Instant.ofEpochMilli(r.get("timestamp").asLong()).atZone(zone)) : "";
        return new RecordRow(topicPartition, offset, timestamp, r.path("timestampType").asText(""), key, value,
                headers(r.path("headers")), SchemaNote.from(r.get("keySchemaMetadata")),
                SchemaNote.from(r.get("valueSchemaMetadata")));
    }

    private static List<HeaderRow> headers(JsonNode headers) {
        List<HeaderRow> rows = new ArrayList<>();
        for (JsonNode header : headers) {
            Iterator<Map.Entry<String, JsonNode>> fields = header.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                rows.add(header(field.getKey(), field.getValue()));
            }
        }
        return rows;
    }

    private static HeaderRow header(String name, JsonNode signedBytes) {
        if (!signedBytes.isArray()) {
            return new HeaderRow(name, "(not a byte array: " + signedBytes + ")", signedBytes.toString(), null);
        }
        byte[] bytes = new byte[signedBytes.size()];
        List<String> raw = new ArrayList<>(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int b = signedBytes.get(i).asInt();
            bytes[i] = (byte) b;
            raw.add(String.valueOf(b));
        }
        DecodedBytes decoded = DecodedBytes.ofBytes(bytes);
        String text = decoded.text().orElse("(not UTF-8; hex " + decoded.hex().replace('\n', ' ') + ")");
        return new HeaderRow(name, text, "[" + String.join(", ", raw) + "]", decoded);
    }

    /**
     * The event pretty-printed, for a person to read and copy; when the stored bytes are not exactly one JSON
     * document, they are shown as they are, after a line saying why.
     */
    public static String pretty(byte[] eventJson) {
        JsonVerdict verdict = JsonText.verdict(eventJson);
        if (verdict.isJson()) {
            return JsonText.pretty(verdict.json());
        }
        return "(Not JSON: " + verdict.reason() + ". Shown as stored.)\n" + new String(eventJson, StandardCharsets.UTF_8);
    }
}
