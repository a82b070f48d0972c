package io.triggerlab.engine.observe.metrics;

/** The running pollers of one mapping, as the autoscaler sees them: how many, and make it so many. */
public interface PollerGroup {

    int pollerCount();

    /**
     * Starts or stops pollers until there are {@code count}. Stopping waits for the poller's batch in flight, so a
     * partition changes hands only between batches, after the batch was committed.
     */
    void scaleTo(int count);
}
