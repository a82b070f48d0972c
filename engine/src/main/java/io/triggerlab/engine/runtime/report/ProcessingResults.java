package io.triggerlab.engine.runtime.report;

/**
 * {@code LastProcessingResult} values the pollers set. AWS's strings where AWS has one (docs/aws-behaviour.md#response); ours are marked.
 */
public final class ProcessingResults {

    public static final String NO_RECORDS_PROCESSED = "No records processed";
    public static final String OK = "OK";
    public static final String FUNCTION_CALL_FAILED = "PROBLEM: Function call failed";
    public static final String INTERNAL_ERROR = "PROBLEM: Lambda internal error. Please contact Lambda customer support.";
    public static final String CONNECTION_ERROR =
            "PROBLEM: Connection error. Please check your event source connection configuration.";

    private ProcessingResults() {
    }

    /**
     * {@link #FUNCTION_CALL_FAILED}, followed, when the function could not be started or reached at all (a missing
     * interpreter, code directory or client), by the reason and the fix: TriggerLab's addition, so the trigger itself
     * says what to install.
     */
    public static String functionCallFailed(io.triggerlab.engine.invoke.InvocationResult last) {
        if (last instanceof io.triggerlab.engine.invoke.InvocationResult.InvokeFailed failed) {
            return FUNCTION_CALL_FAILED + ". " + failed.message();
        }
        return FUNCTION_CALL_FAILED;
    }

    /**
     * TriggerLab's own wording (AWS documents the condition {@code MaximumPayloadSizeExceeded} for on-failure
     * destinations, but no LastProcessingResult text for it).
     */
    public static String payloadSizeExceeded(String topicPartition, long offset) {
        return "PROBLEM: Record " + topicPartition + " offset " + offset
                + " is larger than the 6291456-byte invocation payload limit (MaximumPayloadSizeExceeded); it was skipped.";
    }

    /**
     * TriggerLab's own wording: AWS documents no LastProcessingResult for a schema registry it cannot reach. The
     * records are read again once it answers; none is skipped.
     */
    public static String schemaRegistryUnavailable(String cause) {
        return "PROBLEM: Schema registry unavailable: " + cause + ". Records are read again once it answers.";
    }
}
