package io.triggerlab.engine.runtime.destination;

/**
 * Where a mapping sends the records it gives up on ({@code DestinationConfig.OnFailure}). Owned and called by one
 * poller thread.
 */
public interface OnFailureDestination extends AutoCloseable {

    /** The destination as configured. */
    String target();

    /** Writes AWS's failure record(s) for the batch; returns what was written. */
    Delivery send(FailedBatch batch) throws DestinationDeliveryException;

    @Override
    void close();
}
