package io.triggerlab.engine.runtime.destination;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * An AWS messaging destination (SQS, SNS) delivered for real: AWS's metadata-only failure record as one message
 * (docs/aws-behaviour.md#on-failure-destinations). Subclasses say how one message is sent and what to check when it
 * cannot be.
 *
 * @param <C> the SDK client, closed with the destination
 */
abstract class MessageDestination<C extends SdkAutoCloseable> implements OnFailureDestination {

    final Arn arn;
    final C client;
    private final FailureRecords renderer;

    /** @param clientFor builds the client for the ARN's region */
    MessageDestination(String arn, FailureRecords renderer, Function<String, C> clientFor) {
        this.arn = Arn.parse(arn);
        this.renderer = renderer;
        this.client = clientFor.apply(this.arn.region());
    }

    /** Sends one message and says where it went, e.g. {@code published to SNS topic arn:…, message id 42}. */
    abstract String sendMessage(String body);

    /** Why the message could not be sent and what to check, for {@link DestinationDeliveryException}. */
    abstract String refusal(SdkException e);

    @Override
    public final String target() {
        return arn.text();
    }

    @Override
    public final Delivery send(FailedBatch batch) throws DestinationDeliveryException {
        byte[] record = renderer.batchRecord(batch, false);
        try {
            String sent = sendMessage(new String(record, StandardCharsets.UTF_8));
            return new Delivery(target(), List.of(record), "Failure record (" + batch.condition().awsName() + ") for "
                    + batch.records().size() + " record(s) " + sent);
        } catch (SdkException e) {
            throw new DestinationDeliveryException(refusal(e), e);
        }
    }

    @Override
    public final void close() {
        client.close();
    }
}
