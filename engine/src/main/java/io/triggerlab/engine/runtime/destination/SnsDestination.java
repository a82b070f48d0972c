package io.triggerlab.engine.runtime.destination;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An SNS topic ARN, delivered for real: one {@code Publish} of AWS's metadata-only failure record (docs/aws-behaviour.md#on-failure-destinations). AWS
 * drops the payload past SNS's 256 KB limit; Kafka's SNS record never carries the payload, so it always fits.
 */
public final class SnsDestination implements OnFailureDestination {

    private final Arn arn;
    private final FailureRecords renderer;
    private final SnsClient client;

    public SnsDestination(String arn, FailureRecords renderer, AwsDestinationSettings settings) {
        this.arn = Arn.parse(arn);
        this.renderer = renderer;
        this.client = AwsClients.build(SnsClient.builder().httpClientBuilder(AwsClients.http()), settings,
                this.arn.region());
    }

    @Override
    public String target() {
        return arn.text();
    }

    @Override
    public Delivery send(FailedBatch batch) throws DestinationDeliveryException {
        byte[] record = renderer.batchRecord(batch, false);
        try {
            String messageId = client.publish(r -> r.topicArn(target())
                    .message(new String(record, StandardCharsets.UTF_8))).messageId();
            return new Delivery(target(), List.of(record), "Failure record (" + batch.condition().awsName() + ") for "
                    + batch.records().size() + " record(s) published to SNS topic " + target() + ", message id "
                    + messageId);
        } catch (SdkException e) {
            throw new DestinationDeliveryException("Could not publish the failure record to SNS topic " + target()
                    + ": " + e.getMessage() + ". Check that the topic exists, is a standard topic, and your credentials"
                    + " may sns:Publish to it", e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
