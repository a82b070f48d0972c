package io.triggerlab.junit;

import io.triggerlab.engine.observe.history.InvocationOutcome;

import java.util.List;

/**
 * One attempt at a batch, as the engine stored it: what Lambda would have sent, what the function answered, and what
 * the engine decided.
 *
 * @param attempt      1-based attempt within the batch; every attempt at one batch shares {@code batchId}
 * @param outcome      SUCCESS, FUNCTION_ERROR, SENT_TO_DESTINATION, …
 * @param eventJson    the exact event JSON sent to the function, or null when there was no invocation (e.g. a
 *                     delivery to a destination)
 * @param records      the event's records, decoded, in the event's order; empty when {@code eventJson} is null
 * @param response     the function's response or error JSON, or null
 * @param errorMessage the error the engine recorded, or null
 */
public record Invocation(long id, String batchId, int attempt, InvocationOutcome outcome, String eventJson,
                         List<EventRecord> records, String response, String errorMessage) {

    public Invocation {
        records = List.copyOf(records);
    }

    /** The records' values, in the event's order: the usual thing to assert on. */
    public List<String> values() {
        return records.stream().map(EventRecord::value).toList();
    }

    /** The offsets sent, in the event's order. */
    public List<Long> offsets() {
        return records.stream().map(EventRecord::offset).toList();
    }

    /** One line for failure messages: {@code #12 batch b-3 attempt 2 FUNCTION_ERROR offsets [0, 1] (boom)}. */
    String describe() {
        return "#" + id + " batch " + batchId + " attempt " + attempt + " " + outcome
                + (records.isEmpty() ? "" : " offsets " + offsets())
                + (errorMessage == null ? "" : " (" + errorMessage + ")");
    }
}
