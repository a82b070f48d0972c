package io.triggerlab.engine.runtime.report;

import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.runtime.step.StepGate;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.Set;

/**
 * What a poller reports while it runs, called on the poller's own thread. Implementations must be quick: they update
 * the mapping's status, counters and engine events, nothing slow.
 */
public interface PollerObserver {

    /**
     * A poll returned {@code records} records (may be 0) of {@code bytes} key and value bytes
     * ({@code PolledEventCount}, {@code EventPollerThroughputInBytes}).
     */
    void polled(int records, long bytes);

    /** One attempt at a batch finished (already in the history). */
    void invoked(InvocationRecord record);

    /** Offsets were committed; {@code records} is how many records the commit moved past. */
    void committed(Map<TopicPartition, OffsetAndMetadata> offsets, int records);

    /** The mapping's {@code LastProcessingResult} changed. */
    void processingResult(String lastProcessingResult);

    /** Polling the cluster failed (the poller keeps trying). */
    void pollingError(Exception error);

    /** A commit failed; the records will be delivered again (at-least-once). */
    void commitError(Exception error);

    /** The partitions this poller owns changed. */
    void assignmentChanged(Set<TopicPartition> assignment);

    /** {@code records} polled records matched no filter and will not be sent ({@code FilteredOutEventCount}). */
    default void filteredOut(int records) {
    }

    /**
     * {@code records} records were given up without reaching a destination ({@code DroppedEventCount}): retries used
     * up or too old with no destination, or the destination delivery failed.
     */
    default void dropped(int records) {
    }

    /** {@code records} records were delivered to the on-failure destination ({@code OnFailureDestinationDeliveredEventCount}). */
    default void sentToDestination(int records) {
    }

    /**
     * Writing {@code records} records to the on-failure destination failed ({@code DestinationDeliveryFailures},
     * {@code OnFailureDestinationDeliveryErrorCount}); {@link #dropped} is reported for them as well.
     */
    default void destinationDeliveryFailed(int records, Exception error) {
    }

    /**
     * An attempt could not be written to the invocation history (e.g. the disk is full). Delivery and commits went on;
     * the attempt is simply not in the history.
     */
    default void historyUnavailable(Exception error) {
    }

    /** The trigger's step mode (a TriggerLab extra): each batch passes it before delivery. */
    default StepGate stepGate() {
        return StepGate.OPEN;
    }

    /** An observer that ignores everything. */
    PollerObserver NONE = new PollerObserver() {
        @Override public void polled(int records, long bytes) { }
        @Override public void invoked(InvocationRecord record) { }
        @Override public void committed(Map<TopicPartition, OffsetAndMetadata> offsets, int records) { }
        @Override public void processingResult(String lastProcessingResult) { }
        @Override public void pollingError(Exception error) { }
        @Override public void commitError(Exception error) { }
        @Override public void assignmentChanged(Set<TopicPartition> assignment) { }
    };
}
