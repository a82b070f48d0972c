package io.triggerlab.engine.invoke;

import java.time.Duration;
import java.util.Locale;

/**
 * What one invocation came to. The failure policy decides retry / commit from this alone.
 * {@code logs} is the function's log output (may be empty, never null).
 */
public sealed interface InvocationResult {

    Duration duration();

    String logs();

    default boolean isSuccess() {
        return this instanceof Success;
    }

    /** The function returned; {@code payload} is its response (may be empty). */
    record Success(byte[] payload, String executedVersion, String logs, Duration duration) implements InvocationResult {
    }

    /**
     * The function raised an error ({@code X-Amz-Function-Error}). {@code functionError} is e.g. {@code Unhandled};
     * {@code payload} is Lambda's error JSON ({@code errorMessage}, {@code errorType}, {@code stackTrace}).
     */
    record FunctionError(String functionError, byte[] payload, String logs, Duration duration) implements InvocationResult {
    }

    /** The function ran past its timeout; {@code message} is Lambda's {@code Task timed out after 3.00 seconds}. */
    record TimedOut(String message, String logs, Duration duration) implements InvocationResult {

        /** Lambda's words for a timeout, two decimals of the configured timeout: {@code Task timed out after 3.00 seconds}. */
        public static String messageFor(Duration timeout) {
            return String.format(Locale.ROOT, "Task timed out after %.2f seconds", timeout.toNanos() / 1e9);
        }
    }

    /** The Invoke API answered 429 TooManyRequestsException. */
    record Throttled(String message, String logs, Duration duration) implements InvocationResult {
    }

    /** The Invoke API answered 413: the payload is over 6,291,456 bytes. */
    record PayloadTooLarge(String message, String logs, Duration duration) implements InvocationResult {
    }

    /** The function could not be reached or started at all (connection refused, no such class, program not found). */
    record InvokeFailed(String message, String logs, Duration duration) implements InvocationResult {
    }
}
