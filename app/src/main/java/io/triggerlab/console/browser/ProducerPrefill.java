package io.triggerlab.console.browser;

import java.util.List;
import java.util.Objects;

/**
 * A record read by the browser, as the producer's form takes it for "Produce again": its topic and partition, key,
 * value and headers as text.
 *
 * @param key     the key's text, or "" when the record has none
 * @param json    whether the value is exactly one JSON document (the producer's JSON mode), else it is sent as text
 * @param headers name and text value of each header, in order
 */
public record ProducerPrefill(String topic, int partition, String key, String value, boolean json,
                              List<Header> headers) {

    public ProducerPrefill {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        headers = List.copyOf(headers);
    }

    /** One header of the form. */
    public record Header(String name, String value) {
    }
}
