package io.triggerlab.engine.runtime.destination;

import io.triggerlab.engine.infra.secrets.AwsDestinationSettings;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An SQS queue ARN: one {@code SendMessage} with AWS's metadata-only failure record
 * (docs/aws-behaviour.md#on-failure-destinations). The queue URL is resolved once with
 * {@code GetQueueUrl(QueueName, QueueOwnerAWSAccountId)} from the ARN.
 */
public final class SqsDestination extends MessageDestination<SqsClient> {

    private String queueUrl;

    public SqsDestination(String arn, FailureRecords renderer, AwsDestinationSettings settings) {
        super(arn, renderer, region -> AwsClients.build(SqsClient.builder().httpClientBuilder(AwsClients.http()), settings,
                region));
    }

    @Override
    String sendMessage(String body) {
        String url = queueUrl();
        String messageId = client.sendMessage(r -> r.queueUrl(url).messageBody(body)).messageId();
        return "sent to SQS queue " + url + ", message id " + messageId;
    }

    @Override
    String refusal(SdkException e) {
        return "Could not send the failure record to SQS queue " + target() + ": " + e.getMessage()
                + ". Check that the queue exists, is a standard queue, and your credentials may sqs:SendMessage to it";
    }

    private String queueUrl() {
        if (queueUrl == null) {
            queueUrl = client.getQueueUrl(r -> r.queueName(arn.resource()).queueOwnerAWSAccountId(
                    arn.account().isEmpty() ? null : arn.account())).queueUrl();
        }
        return queueUrl;
    }
}
