package io.triggerlab.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A record read back from a topic, e.g. the failure record a {@code kafka://} on-failure destination wrote.
 *
 * @param key   the key as UTF-8 text, or null
 * @param value the value as UTF-8 text, or null
 */
public record ConsumedRecord(String topic, int partition, long offset, String key, String value,
                             Map<String, String> headers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ConsumedRecord {
        headers = Map.copyOf(headers);
    }

    /** The value parsed as JSON, for asserting on fields without parsing by hand. */
    public JsonNode json() {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("The value of " + topic + "-" + partition + "@" + offset + " is not JSON: "
                    + value, e);
        }
    }
}
