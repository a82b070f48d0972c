package io.triggerlab.engine.observe.history;

import io.triggerlab.engine.invoke.InvocationResult;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** How one invocation (one attempt at one batch) ended, as the history records it. */
public enum InvocationOutcome {
    /** The function returned normally. */
    SUCCESS,
    /** The function raised an error ({@code X-Amz-Function-Error}). */
    FUNCTION_ERROR,
    /** The function ran past its timeout. */
    TIMED_OUT,
    /** The Invoke API answered 429. */
    THROTTLED,
    /** The Invoke API answered 413: the event was over 6,291,456 bytes. */
    PAYLOAD_TOO_LARGE,
    /** The function could not be reached or started at all. */
    INVOKE_FAILED,
    /** A single record is too large for a 6 MB event: it was not sent, only recorded and skipped (AWS's condition name). */
    MAXIMUM_PAYLOAD_SIZE_EXCEEDED,
    /** The records fell below the partition's log start offset while the batch was being retried. */
    RECORDS_EXPIRED,
    /** The function reported a partial failure ({@code batchItemFailures}). */
    BATCH_ITEM_FAILURES,
    /** The batch was given up (retry or age limits). */
    DROPPED,
    /** Given-up records were written to the on-failure destination (or its local outbox); payload = the failure records. */
    SENT_TO_DESTINATION,
    /** Given-up records could not be written to the on-failure destination, so they were dropped. */
    DESTINATION_FAILED;

    public boolean isSuccess() {
        return this == SUCCESS;
    }

    /** Every outcome except {@link #SUCCESS}: the console's "failures only" filter. */
    public static Set<InvocationOutcome> failures() {
        return EnumSet.complementOf(EnumSet.of(SUCCESS));
    }

    /** The outcome of an invoker's result; the poller records the conditions it decides itself (expired, dropped...) directly. */
    public static InvocationOutcome of(InvocationResult result) {
        Objects.requireNonNull(result, "result");
        if (result instanceof InvocationResult.Success) {
            return SUCCESS;
        } else if (result instanceof InvocationResult.FunctionError) {
            return FUNCTION_ERROR;
        } else if (result instanceof InvocationResult.TimedOut) {
            return TIMED_OUT;
        } else if (result instanceof InvocationResult.Throttled) {
            return THROTTLED;
        } else if (result instanceof InvocationResult.PayloadTooLarge) {
            return PAYLOAD_TOO_LARGE;
        } else if (result instanceof InvocationResult.InvokeFailed) {
            return INVOKE_FAILED;
        }
        throw new IllegalArgumentException("Unknown invocation result type " + result.getClass().getName());
    }
}
