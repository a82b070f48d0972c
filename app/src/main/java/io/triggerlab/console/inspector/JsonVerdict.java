package io.triggerlab.console.inspector;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * Whether some bytes are exactly one JSON document, and if not, why and where, in words a person reads once.
 *
 * @param json   the parsed document when the bytes are exactly one JSON object or array, else null
 * @param reason "" when {@code json} is set; otherwise why these bytes are not shown as JSON, e.g.
 *               "5 more bytes follow the JSON document at byte 14 (line 1, column 15): ,oops"
 */
public record JsonVerdict(JsonNode json, String reason) {

    static JsonVerdict of(JsonNode json) {
        return new JsonVerdict(json, "");
    }

    static JsonVerdict not(String reason) {
        return new JsonVerdict(null, reason);
    }

    public Optional<JsonNode> document() {
        return Optional.ofNullable(json);
    }

    public boolean isJson() {
        return json != null;
    }
}
