package io.triggerlab.engine.infra.secrets;

import java.net.URI;

/**
 * Whether and how SQS/SNS/S3 on-failure destinations reach the real service (the {@code destinations.*} keys of
 * {@code aws.properties}). Disabled: the failure record is kept in the local outbox instead.
 *
 * @param enabled  deliver through the AWS SDK; {@code false} keeps the outbox
 * @param region   region for destinations whose ARN names none (S3); SQS/SNS use their ARN's region
 * @param profile  named AWS profile, or {@code null} for the default credentials chain
 * @param endpoint endpoint override for all three services (e.g. LocalStack), or {@code null}
 */
public record AwsDestinationSettings(boolean enabled, String region, String profile, URI endpoint) {

    /** The outbox: nothing leaves the machine. */
    public static final AwsDestinationSettings DISABLED = new AwsDestinationSettings(false, "us-east-1", null, null);

    public AwsDestinationSettings {
        if (enabled && (region == null || region.isBlank())) {
            throw new IllegalArgumentException("AWS destinations need a region, e.g. destinations.region=us-east-1");
        }
    }
}
