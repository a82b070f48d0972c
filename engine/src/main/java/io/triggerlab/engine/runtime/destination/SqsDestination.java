package io.triggerlab.engine.runtime.destination;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An SQS queue ARN, delivered for real: one {@code SendMessage} with AWS's metadata-only failure record (docs/aws-behaviour.md#on-failure-destinations).
 * The queue URL is resolved once with {@code GetQueueUrl(QueueName, QueueOwnerAWSAccountId)} from the ARN.
 */
public final class SqsDestination implements OnFailureDestination {

    private final Arn arn;
    private final FailureRecords renderer;
    private final SqsClient client;
    private String queueUrl;

    public SqsDestination(String arn, FailureRecords renderer, AwsDestinationSettings settings) {
        this.arn = Arn.parse(arn);
        this.renderer = renderer;
        this.client = AwsClients.build(SqsClient.builder().httpClientBuilder(AwsClients.http()), settings,
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
            String url = queueUrl();
            String messageId = client.sendMessage(r -> r.queueUrl(url)
                    .messageBody(new String(record, StandardCharsets.UTF_8))).messageId();
            return new Delivery(target(), List.of(record), "Failure record (" + batch.condition().awsName() + ") for "
                    + batch.records().size() + " record(s) sent to SQS queue " + url + ", message id " + messageId);
        } catch (SdkException e) {
            throw new DestinationDeliveryException("Could not send the failure record to SQS queue " + target() + ": "
                    + e.getMessage() + ". Check that the queue exists, is a standard queue, and your credentials may"
                    + " sqs:SendMessage to it", e);
        }
    }

    private String queueUrl() {
        if (queueUrl == null) {
            queueUrl = client.getQueueUrl(r -> r.queueName(arn.resource()).queueOwnerAWSAccountId(
                    arn.account().isEmpty() ? null : arn.account())).queueUrl();
        }
        return queueUrl;
    }

    @Override
    public void close() {
        client.close();
    }
}
