package io.triggerlab.engine.runtime.destination;

import java.util.List;

/**
 * An SQS queue, SNS topic or S3 bucket ARN. TriggerLab does not call AWS for these: the failure record AWS would send
 * (docs/aws-behaviour.md#on-failure-destinations; S3's carries the whole event as {@code payload}) is rendered and kept in the local outbox — the
 * invocation history, outcome {@code SENT_TO_DESTINATION} — where the console shows it. See
 * {@code docs/aws-reading.md}.
 */
public final class OutboxDestination implements OnFailureDestination {

    private final String arn;
    private final FailureRecords renderer;
    private final boolean withPayload;

    public OutboxDestination(String arn, FailureRecords renderer) {
        this.arn = arn;
        this.renderer = renderer;
        this.withPayload = arn.startsWith("arn:aws:s3:") || arn.matches("arn:aws[a-zA-Z-]*:s3:.*");
    }

    @Override
    public String target() {
        return arn;
    }

    @Override
    public Delivery send(FailedBatch batch) {
        byte[] record = renderer.batchRecord(batch, withPayload);
        return new Delivery(arn, List.of(record), "Failure record (" + batch.condition().awsName() + ") for "
                + batch.records().size() + " record(s) kept in the local outbox for " + arn
                + ": TriggerLab does not deliver to SQS, SNS or S3");
    }

    @Override
    public void close() {
    }
}
