package io.triggerlab.engine.poller;

import io.triggerlab.engine.invoke.InvocationResult;

import java.time.Duration;

/**
 * Decides what happens to a batch after an attempt. Pure: the same result and attempt always give the same decision.
 * Classic (on-demand) Lambda behaviour: every failure retries the whole batch, until it succeeds or its records expire.
 */
public final class FailurePolicy {

    /** What to do next with the batch. */
    public sealed interface Decision {
        /** The function succeeded: commit the batch's offsets. */
        record Commit() implements Decision {
        }

        /** Keep the partitions blocked and try the same batch again after the wait. */
        record Retry(Duration after) implements Decision {
        }
    }

    private final RetryBackoff backoff;

    public FailurePolicy(RetryBackoff backoff) {
        this.backoff = backoff;
    }

    public Decision decide(InvocationResult result, int attempt) {
        if (result instanceof InvocationResult.Success) {
            return new Decision.Commit();
        }
        // Function errors, timeouts, throttling, 413s and unreachable targets all block the partition alike.
        return new Decision.Retry(backoff.after(attempt));
    }
}
