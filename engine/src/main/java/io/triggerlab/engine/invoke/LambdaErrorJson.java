package io.triggerlab.engine.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;

/**
 * Lambda's error object, the body of a function error: {@code {"errorMessage","errorType","stackTrace":[...]}} and, for
 * Java, a nested {@code cause}. Stack frames are {@link StackTraceElement#toString()}, which is what Lambda's Java
 * runtime prints ({@code java.base/...} for JDK frames, {@code pkg.Class.method(File.java:12)} for the user's).
 */
final class LambdaErrorJson {

    /** Frames below the user's code that belong to the engine are cut off: they mean nothing to the user. */
    private static final String ENGINE_FRAMES = "io.triggerlab.engine.";
    /** Causes nest; a pathological chain is cut here. */
    private static final int MAX_CAUSE_DEPTH = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LambdaErrorJson() {
    }

    /** {@code {"errorMessage":...,"errorType":...}}, the shape of Lambda's runtime errors (e.g. {@code Runtime.ExitError}). */
    static byte[] of(String errorType, String errorMessage) {
        ObjectNode error = JSON.createObjectNode();
        error.put("errorMessage", errorMessage);
        error.put("errorType", errorType);
        return bytes(error);
    }

    /** An exception thrown by a Java handler, as Lambda's Java runtime reports it. */
    static byte[] of(Throwable thrown) {
        return bytes(node(thrown, 0));
    }

    /** Lambda's Java runtime wraps (de)serialization failures: a RuntimeException with no frames and the real cause. */
    static byte[] serializationError(String errorMessage, Throwable cause) {
        ObjectNode error = JSON.createObjectNode();
        error.put("errorMessage", errorMessage);
        error.put("errorType", RuntimeException.class.getName());
        error.putArray("stackTrace");
        error.set("cause", node(cause, 0));
        return bytes(error);
    }

    private static ObjectNode node(Throwable thrown, int depth) {
        ObjectNode error = JSON.createObjectNode();
        // Lambda's Java runtime uses the class name when an exception has no message (a bare NullPointerException).
        error.put("errorMessage", thrown.getMessage() != null ? thrown.getMessage() : thrown.getClass().getName());
        error.put("errorType", thrown.getClass().getName());
        ArrayNode stackTrace = error.putArray("stackTrace");
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getClassName().startsWith(ENGINE_FRAMES)) {
                break;
            }
            stackTrace.add(frame.toString());
        }
        if (thrown.getCause() != null && thrown.getCause() != thrown && depth < MAX_CAUSE_DEPTH) {
            error.set("cause", node(thrown.getCause(), depth + 1));
        }
        return error;
    }

    private static byte[] bytes(ObjectNode error) {
        try {
            return JSON.writeValueAsBytes(error);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write Lambda's error JSON", e);
        }
    }
}
