package io.triggerlab.engine.infra.sandbox;

/** Quoting for values inside a JAAS config string: Kafka's parser reads {@code \"} and {@code \\} inside quotes. */
final class JaasText {

    private JaasText() {
    }

    static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
