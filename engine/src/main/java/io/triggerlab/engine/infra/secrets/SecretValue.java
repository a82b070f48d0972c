package io.triggerlab.engine.infra.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The plain JSON text of one secret, in memory only. {@link #toString()} never shows it, so a secret that ends up in a
 * log line, an exception message or a record's {@code toString} by accident shows {@code [hidden]} instead.
 */
public final class SecretValue {

    private final String json;

    public SecretValue(String json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The secret's JSON text, e.g. {@code {"username":"…","password":"…"}}. Never log it. */
    public String json() {
        return json;
    }

    /** Size in bytes as Secrets Manager counts it (UTF-8). */
    public int sizeBytes() {
        return json.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretValue other && other.json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "SecretValue[hidden]";
    }
}
