package io.triggerlab.engine.runtime.destination;

import io.triggerlab.engine.infra.secrets.AwsDestinationSettings;
import io.triggerlab.engine.invoke.EmulatorFallbackCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.time.Duration;

/** Configures an SDK client builder for a destination: URLConnection HTTP, region, credentials, endpoint override. */
final class AwsClients {

    private AwsClients() {
    }

    /** The ARN's region, or the settings' region when the ARN has none (S3 bucket ARNs). */
    static <B extends AwsClientBuilder<B, C>, C> C build(B builder, AwsDestinationSettings settings, String arnRegion) {
        builder.region(Region.of(arnRegion == null || arnRegion.isBlank() ? settings.region() : arnRegion))
                .credentialsProvider(credentials(settings));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    static UrlConnectionHttpClient.Builder http() {
        // A slow or unreachable service must fail the delivery in seconds: the poller thread waits on it.
        return UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(20));
    }

    private static AwsCredentialsProvider credentials(AwsDestinationSettings settings) {
        AwsCredentialsProvider configured = settings.profile() != null
                ? ProfileCredentialsProvider.create(settings.profile())
                : DefaultCredentialsProvider.builder().build();
        // With an endpoint override (LocalStack, a test server) and no credentials anywhere, sign with dummy keys:
        // the same rule as the Lambda invoker's endpoint override.
        return settings.endpoint() != null
                ? new EmulatorFallbackCredentialsProvider(configured, settings.endpoint()) : configured;
    }
}
