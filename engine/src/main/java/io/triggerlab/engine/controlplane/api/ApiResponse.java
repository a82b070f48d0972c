package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Objects;

/**
 * What a route answers: the HTTP status, a JSON body and any extra headers. Every response is JSON, errors included.
 */
record ApiResponse(int status, JsonNode body, Map<String, String> headers) {

    ApiResponse {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body, Map.of());
    }

    static ApiResponse created(JsonNode body) {
        return new ApiResponse(201, body, Map.of());
    }

    /** 204 No Content: TagResource and UntagResource answer with no body at all. */
    static ApiResponse noContent() {
        return new ApiResponse(204, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), Map.of());
    }

    /** 202 Accepted: AWS's answer to Create, Update and Delete of a mapping, whose change is applied asynchronously. */
    static ApiResponse accepted(JsonNode body) {
        return new ApiResponse(202, body, Map.of());
    }
}
