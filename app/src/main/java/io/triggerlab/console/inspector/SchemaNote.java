package io.triggerlab.console.inspector;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A record's {@code keySchemaMetadata} or {@code valueSchemaMetadata} as Lambda adds it when a schema registry decoded
 * the attribute: the schema id the framing named and the data format.
 */
public record SchemaNote(String schemaId, String dataFormat) {

    /** The metadata object of the event, or {@code null} when the attribute carries none. */
    static SchemaNote from(JsonNode metadata) {
        if (metadata == null || !metadata.isObject()) {
            return null;
        }
        return new SchemaNote(metadata.path("schemaId").asText(""), metadata.path("dataFormat").asText(""));
    }

    /** Confluent ids are integers; Glue's are schema version UUIDs. */
    boolean confluent() {
        return !schemaId.isEmpty() && schemaId.chars().allMatch(Character::isDigit);
    }

    /** The framing the record had in Kafka, which Lambda strips before delivery. */
    String framing() {
        if (confluent()) {
            return "Confluent wire format (magic byte 0, 4-byte schema id" + ("PROTOBUF".equals(dataFormat)
                    ? ", message indexes)" : ")");
        }
        return "AWS Glue header (version byte 3, compression byte, 16-byte schema version id"
                + ("PROTOBUF".equals(dataFormat) ? ", message index)" : ")");
    }

    /**
     * "Value: Confluent wire format (…), schema id 3, subject orders-value, AVRO. The function got the decoded record
     * as JSON (EventRecordFormat JSON)."
     *
     * @param attribute         "Value" or "Key"
     * @param subject           the registry's subject for the id, "" when unknown
     * @param eventRecordFormat the trigger's {@code EventRecordFormat}, "" when unknown
     */
    String describe(String attribute, String subject, String eventRecordFormat) {
        String delivered = switch (eventRecordFormat) {
            case "JSON" -> " The function got the decoded record as JSON (EventRecordFormat JSON).";
            case "SOURCE" -> " The function got the " + dataFormat + " bytes with the framing stripped "
                    + "(EventRecordFormat SOURCE).";
            default -> "";
        };
        return attribute + ": " + framing() + ", schema " + (confluent() ? "id " : "version ") + schemaId
                + (subject.isEmpty() ? "" : ", subject " + subject) + ", " + dataFormat + "." + delivered;
    }
}
