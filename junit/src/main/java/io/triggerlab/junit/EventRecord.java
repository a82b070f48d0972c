package io.triggerlab.junit;

import java.util.Map;

/**
 * One Kafka record as Lambda's event carried it to the function, decoded: key and value from base64 to UTF-8 text,
 * header values from their byte arrays to text.
 *
 * @param key   the key as text, or null when the record had none
 * @param value the value as text, or null when the record had none
 */
public record EventRecord(String topic, int partition, long offset, long timestamp, String timestampType, String key,
                          String value, Map<String, String> headers) {

    public EventRecord {
        headers = Map.copyOf(headers);
    }
}
