package io.triggerlab.engine.runtime.failure;

import io.triggerlab.engine.runtime.report.AttemptRecorder;
import io.triggerlab.engine.runtime.report.PollerObserver;
import io.triggerlab.engine.infra.secrets.AwsDestinationSettings;
import io.triggerlab.engine.runtime.destination.Delivery;
import io.triggerlab.engine.runtime.destination.DestinationContext;
import io.triggerlab.engine.runtime.destination.DestinationDeliveryException;
import io.triggerlab.engine.runtime.destination.FailedBatch;
import io.triggerlab.engine.runtime.destination.FailureCondition;
import io.triggerlab.engine.runtime.destination.OnFailureDestination;
import io.triggerlab.engine.runtime.destination.OnFailureDestinations;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.invoke.InvocationResult;
import io.triggerlab.engine.runtime.payload.EventSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What happens to records a poller gives up on (retries used up, too old, too large): they go to the on-failure
 * destination when the mapping has one, or are dropped; either way the history gets a row and the observer a count,
 * and the caller commits past them (AWS moves on). The destination is opened on first use and closed with the poller.
 */
public final class GivenUpRecords implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GivenUpRecords.class);
    private static final String UNKNOWN_FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:unknown";

    private final String mappingUuid;
    private final DeliveryRules delivery;
    private final DestinationSource source;
    private final AttemptRecorder recorder;
    private final PollerObserver observer;
    private OnFailureDestination destination;

    /**
     * Where an on-failure destination finds its cluster and credentials, and how it names its clients.
     *
     * @param eventSource      the mapping's source, for the failure records
     * @param clientProperties the mapping's cluster client properties (a {@code kafka://} destination writes there)
     * @param awsDestinations  whether SQS/SNS/S3 reach the real service or the local outbox
     */
    public record DestinationSource(EventSource eventSource, Map<String, Object> clientProperties,
                                    AwsDestinationSettings awsDestinations) {
    }

    public GivenUpRecords(String mappingUuid, DeliveryRules delivery, DestinationSource source, AttemptRecorder recorder,
                          PollerObserver observer) {
        this.mappingUuid = mappingUuid;
        this.delivery = delivery;
        this.source = source;
        this.recorder = recorder;
        this.observer = observer;
    }

    /**
     * Sends or drops {@code records}; never throws.
     *
     * @param invokeCount how many times they were sent to the function
     * @param last        the last invocation's result and request id, or {@code null} when never sent
     */
    public void giveUp(String batchId, int attempt, List<ConsumerRecord<byte[], byte[]>> records, FailureCondition condition,
                int invokeCount, InvocationResult last, String lastRequestId, Instant now) {
        if (records.isEmpty()) {
            return;
        }
        String target = delivery.onFailureDestination();
        if (target == null) {
            String message = records.size() + " record(s) dropped (" + condition.awsName() + "): "
                    + describe(condition) + "; no on-failure destination is configured";
            log.info("{}", message);
            recorder.givenUp(batchId, attempt, now, records, InvocationOutcome.DROPPED, message);
            observer.dropped(records.size());
            return;
        }
        FailedBatch failed = new FailedBatch(records, condition,
                lastRequestId == null ? java.util.UUID.randomUUID().toString() : lastRequestId, invokeCount,
                response(last), now);
        try {
            Delivery delivery = destination().send(failed);
            recorder.sentToDestination(batchId, attempt, now, records, joined(delivery.messages()), delivery.note());
            observer.sentToDestination(records.size());
        } catch (DestinationDeliveryException | RuntimeException e) {
            String message = records.size() + " record(s) dropped (" + condition.awsName() + "): " + e.getMessage();
            log.warn("{}", message);
            recorder.givenUp(batchId, attempt, now, records, InvocationOutcome.DESTINATION_FAILED, message);
            observer.destinationDeliveryFailed(records.size(), e);
            observer.dropped(records.size());
        }
    }

    private OnFailureDestination destination() {
        if (destination == null) {
            String function = delivery.functionArn() == null ? UNKNOWN_FUNCTION : delivery.functionArn();
            destination = OnFailureDestinations.open(delivery.onFailureDestination(),
                    new DestinationContext(function, source.eventSource()), source.clientProperties(),
                    "esm-" + mappingUuid + "-on-failure", mappingUuid, source.awsDestinations());
        }
        return destination;
    }

    private static String describe(FailureCondition condition) {
        switch (condition) {
            case RECORD_AGE_EXCEEDED:
                return "older than MaximumRecordAgeInSeconds";
            case MAXIMUM_PAYLOAD_SIZE_EXCEEDED:
                return "larger than the 6291456-byte invocation payload limit";
            case SCHEMA_NOT_FOUND:
                return "the schema registry has no schema for it";
            case DESERIALIZATION_ERROR:
                return "its bytes do not decode with the schema they name";
            default:
                return "MaximumRetryAttempts used up";
        }
    }

    /**
     * AWS's {@code responseContext} for the last invocation. The Invoke call answers 200 for function errors and
     * timeouts (Lambda reports timeouts as {@code Unhandled}); 429, 413 as the API does; 500 when it could not be
     * reached. TriggerLab's reading for the last three.
     */
    public static FailedBatch.ResponseContext response(InvocationResult result) {
        if (result == null) {
            return null;
        }
        if (result instanceof InvocationResult.Success s) {
            return new FailedBatch.ResponseContext(200, s.executedVersion(), null);
        } else if (result instanceof InvocationResult.FunctionError e) {
            return new FailedBatch.ResponseContext(200, "$LATEST", e.functionError());
        } else if (result instanceof InvocationResult.TimedOut) {
            return new FailedBatch.ResponseContext(200, "$LATEST", "Unhandled");
        } else if (result instanceof InvocationResult.Throttled) {
            return new FailedBatch.ResponseContext(429, null, null);
        } else if (result instanceof InvocationResult.PayloadTooLarge) {
            return new FailedBatch.ResponseContext(413, null, null);
        }
        return new FailedBatch.ResponseContext(500, null, null);
    }

    /** One failure record as is; several as a JSON array, so the history row shows them all. */
    private static byte[] joined(List<byte[]> messages) {
        if (messages.size() == 1) {
            return messages.get(0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(messages.get(i));
        }
        out.write(']');
        return out.toByteArray();
    }

    @Override
    public void close() {
        if (destination != null) {
            destination.close();
        }
    }
}
