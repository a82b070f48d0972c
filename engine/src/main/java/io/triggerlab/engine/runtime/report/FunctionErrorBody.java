package io.triggerlab.engine.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;

import java.io.IOException;

/**
 * The {@code error} of the {@code ESM_PROCESSING_EVENT} for a failed attempt (docs/aws-reading.md#esm-logging): a
 * function error's own {@code errorType} and {@code errorMessage} when its response carries them (the way AWS's
 * records name an exception class and its message), else the attempt's outcome and TriggerLab's description of it.
 */
record FunctionErrorBody(String code, String message) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static FunctionErrorBody of(InvocationRecord record) {
        String fallbackMessage = record.errorMessage() == null
                ? "Batch " + record.batchId() + " attempt " + record.attempt() + ": " + record.outcome()
                : record.errorMessage();
        FunctionErrorBody fallback = new FunctionErrorBody(record.outcome().name(), fallbackMessage);
        if (record.outcome() != InvocationOutcome.FUNCTION_ERROR || record.response() == null) {
            return fallback;
        }
        try {
            JsonNode body = JSON.readTree(record.response());
            if (body == null || !body.isObject() || !body.path("errorType").isTextual()) {
                return fallback;
            }
            return new FunctionErrorBody(body.path("errorType").asText(),
                    body.path("errorMessage").asText(fallbackMessage));
        } catch (IOException e) {
            return fallback; // not JSON: the outcome says enough
        }
    }
}
