package io.triggerlab.console.inspector;

import java.util.List;

/**
 * One Kafka record of an invocation's event, decoded for the record table.
 *
 * @param key   the decoded key, or null when the record has none (Lambda omits the field)
 * @param value       the decoded value, or null for a tombstone (Lambda omits the field)
 * @param keySchema   the key's schema metadata when a schema registry decoded it, else null
 * @param valueSchema the value's schema metadata when a schema registry decoded it, else null
 */
public record RecordRow(String topicPartition, long offset, String timestamp, String timestampType,
                        DecodedBytes key, DecodedBytes value, List<HeaderRow> headers, SchemaNote keySchema,
                        SchemaNote valueSchema) {

    public RecordRow {
        headers = List.copyOf(headers);
    }

    /** A record no schema registry decoded (the topic browser's raw records). */
    public RecordRow(String topicPartition, long offset, String timestamp, String timestampType, DecodedBytes key,
                     DecodedBytes value, List<HeaderRow> headers) {
        this(topicPartition, offset, timestamp, timestampType, key, value, headers, null, null);
    }

    public String keyPreview(ValueMode mode) {
        return key == null ? "(no key)" : key.preview(mode, 60);
    }

    /** The value's size in bytes as the function received it (key and headers not counted), "0 bytes" for a tombstone. */
    public String size() {
        int bytes = value == null ? 0 : value.length();
        return bytes == 1 ? "1 byte" : String.format("%,d bytes", bytes);
    }

    public String valuePreview(ValueMode mode) {
        return value == null ? "(no value: tombstone)" : value.preview(mode, 120);
    }
}
