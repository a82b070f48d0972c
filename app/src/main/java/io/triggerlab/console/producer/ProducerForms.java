package io.triggerlab.console.producer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The producer panel's last sent form per topic, kept while the console runs, so reopening the panel on a topic (or
 * switching back to it) brings back what was sent there last. Used on the FX thread only.
 */
public final class ProducerForms {

    private final Map<String, Form> byTopic = new HashMap<>();

    void remember(String topic, Form form) {
        byTopic.put(topic, form);
    }

    Form recall(String topic) {
        return byTopic.get(topic);
    }

    /** One sent form; headers as name/value pairs in order. */
    record Form(String key, ValueSource source, String value, String file, List<String[]> headers, String partition,
                String count, String rate) {
    }
}
