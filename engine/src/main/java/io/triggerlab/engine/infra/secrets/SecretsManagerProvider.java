package io.triggerlab.engine.infra.secrets;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Reads secrets from AWS Secrets Manager ({@code GetSecretValue}) with the AWS SDK v2, as Lambda does for an ESM.
 * Credentials come from the default chain, or from a named profile (SSO profiles included); an endpoint override
 * points it at LocalStack or a test server.
 */
public final class SecretsManagerProvider implements SecretProvider, AutoCloseable {

    private final SecretsManagerClient client;
    private final String region;

    /**
     * @param settings region, optional profile and optional endpoint override
     * @param credentials the credentials to sign with, or {@code null} for the profile / default chain
     */
    public SecretsManagerProvider(Settings settings, AwsCredentialsProvider credentials) {
        Objects.requireNonNull(settings, "settings");
        this.region = settings.region();
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .region(Region.of(settings.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(20)))
                .credentialsProvider(credentials != null ? credentials
                        : settings.profile() != null ? ProfileCredentialsProvider.create(settings.profile())
                        : DefaultCredentialsProvider.builder().build());
        if (settings.endpointOverride() != null) {
            builder.endpointOverride(settings.endpointOverride());
        }
        this.client = builder.build();
    }

    /**
     * How to reach Secrets Manager.
     *
     * @param region           the secrets' region (Lambda reads secrets from the function's region)
     * @param profile          a named AWS profile, or {@code null} for the default credentials chain
     * @param endpointOverride e.g. {@code http://localhost:4566} for LocalStack, or {@code null}
     */
    public record Settings(String region, String profile, URI endpointOverride) {
        public Settings {
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("Secrets Manager needs a region, e.g. us-east-1");
            }
        }
    }

    @Override
    public SecretValue secretValue(String secretArn) {
        try {
            GetSecretValueResponse response = client.getSecretValue(r -> r.secretId(secretArn));
            if (response.secretString() != null) {
                return new SecretValue(response.secretString());
            }
            if (response.secretBinary() != null) {
                return new SecretValue(response.secretBinary().asString(StandardCharsets.UTF_8));
            }
            throw new SecretAccessException("Secret " + secretArn + " in AWS Secrets Manager has no value", null);
        } catch (ResourceNotFoundException e) {
            throw new SecretNotFoundException(secretArn, "Secret " + secretArn + " was not found in AWS Secrets Manager"
                    + " (region " + region + "). Check the ARN and the region, or put it in the local vault instead.");
        } catch (SecretsManagerException e) {
            String code = e.awsErrorDetails() == null ? "error" : e.awsErrorDetails().errorCode();
            throw new SecretAccessException("AWS Secrets Manager refused GetSecretValue for " + secretArn + ": " + code
                    + " (HTTP " + e.statusCode() + "). Check that your credentials allow secretsmanager:GetSecretValue.", e);
        } catch (SdkException e) {
            throw new SecretAccessException("Cannot read secret " + secretArn + " from AWS Secrets Manager (region "
                    + region + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
