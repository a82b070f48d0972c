package io.triggerlab.engine.runtime.destination;

import io.triggerlab.engine.infra.secrets.AwsDestinationSettings;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * An SNS topic ARN: one {@code Publish} of AWS's metadata-only failure record
 * (docs/aws-behaviour.md#on-failure-destinations). AWS drops the payload past SNS's 256 KB limit; Kafka's SNS record
 * never carries the payload, so it always fits.
 */
public final class SnsDestination extends MessageDestination<SnsClient> {

    public SnsDestination(String arn, FailureRecords renderer, AwsDestinationSettings settings) {
        super(arn, renderer, region -> AwsClients.build(SnsClient.builder().httpClientBuilder(AwsClients.http()), settings,
                region));
    }

    @Override
    String sendMessage(String body) {
        String messageId = client.publish(r -> r.topicArn(target()).message(body)).messageId();
        return "published to SNS topic " + target() + ", message id " + messageId;
    }

    @Override
    String refusal(SdkException e) {
        return "Could not publish the failure record to SNS topic " + target() + ": " + e.getMessage()
                + ". Check that the topic exists, is a standard topic, and your credentials may sns:Publish to it";
    }
}
