package io.triggerlab.engine.invoke.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The error bodies Lambda itself produces when a runtime cannot answer (not the ones a runtime posts). */
final class LambdaErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Signal names Lambda prints for a runtime killed by a signal (Go's os.ProcessState wording). */
    private static final Map<Integer, String> SIGNALS = Map.of(6, "aborted", 9, "killed", 11, "segmentation fault",
            15, "terminated", 7, "bus error", 8, "floating point exception");

    private LambdaErrors() {
    }

    static byte[] of(String errorType, String errorMessage) {
        ObjectNode error = JSON.createObjectNode();
        error.put("errorMessage", errorMessage);
        error.put("errorType", errorType);
        try {
            return JSON.writeValueAsBytes(error);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write Lambda's error JSON", e);
        }
    }

    /** {@code Runtime.ExitError}: the runtime process ended while initializing or invoked. */
    static byte[] exitError(String requestId, int exitCode) {
        return of("Runtime.ExitError", "RequestId: " + requestId + " Error: Runtime exited with error: " + exitStatus(exitCode));
    }

    /** {@code exit status 3}, or {@code signal: killed} for a process ended by a signal (exit code 128 + n on Unix). */
    static String exitStatus(int exitCode) {
        if (exitCode > 128 && SIGNALS.containsKey(exitCode - 128)) {
            return "signal: " + SIGNALS.get(exitCode - 128);
        }
        return "exit status " + exitCode;
    }

    /** What Lambda answers when a function's response is over the synchronous limit. */
    static byte[] responseTooLarge() {
        return of("Function.ResponseSizeTooLarge", "Response payload size exceeded maximum allowed payload size ("
                + RuntimeApiServer.MAX_RESPONSE_BYTES + " bytes).");
    }

    /** The {@code errorType} of an error body, or empty. */
    static String errorType(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.path("errorType").isTextual() ? node.get("errorType").asText() : "";
        } catch (IOException e) {
            return "";
        }
    }
}
