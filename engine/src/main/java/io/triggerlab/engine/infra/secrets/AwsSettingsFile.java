package io.triggerlab.engine.infra.secrets;


import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

/**
 * Optional AWS settings in the data directory, file {@value #NAME} (no secrets in it: credentials stay in the AWS
 * SDK's own places, {@code ~/.aws}, SSO cache, environment):
 * <pre>
 * profile=my-sso-profile                  # MSK IAM and Secrets Manager; default credentials chain when absent
 * secretsmanager.enabled=true             # look up secrets the local vault lacks in AWS Secrets Manager
 * secretsmanager.region=eu-west-1         # default: the engine's region
 * secretsmanager.endpoint=http://localhost:4566   # e.g. LocalStack
 * destinations.enabled=true               # deliver SQS/SNS/S3 on-failure destinations for real (default: outbox)
 * destinations.region=eu-west-1           # for S3 buckets (SQS/SNS use their ARN's region); default: engine's region
 * destinations.endpoint=http://localhost:4566     # e.g. LocalStack, for all three services
 * </pre>
 *
 * @param profile               named AWS profile or {@code null}
 * @param secretsManagerEnabled whether AWS Secrets Manager backs the local vault
 * @param secretsManager        how to reach it
 * @param destinations          SQS/SNS/S3 on-failure destinations: real service or local outbox
 */
public record AwsSettingsFile(String profile, boolean secretsManagerEnabled, SecretsManagerProvider.Settings secretsManager,
                              AwsDestinationSettings destinations) {

    public static final String NAME = "aws.properties";
    static final Set<String> KEYS = Set.of("profile", "secretsmanager.enabled", "secretsmanager.region",
            "secretsmanager.endpoint", "destinations.enabled", "destinations.region", "destinations.endpoint");

    /** Reads the file if it exists; otherwise: default chain, local vault only. */
    public static AwsSettingsFile load(Path file, String defaultRegion) {
        Properties p = read(file);
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("Unknown setting '" + key + "' in " + file + ": known settings are "
                        + KEYS);
            }
        }
        String profile = blankToNull(p.getProperty("profile"));
        String endpoint = blankToNull(p.getProperty("secretsmanager.endpoint"));
        String region = blankToNull(p.getProperty("secretsmanager.region"));
        String destinationsRegion = blankToNull(p.getProperty("destinations.region"));
        String destinationsEndpoint = blankToNull(p.getProperty("destinations.endpoint"));
        return new AwsSettingsFile(profile, Boolean.parseBoolean(p.getProperty("secretsmanager.enabled", "false")),
                new SecretsManagerProvider.Settings(region == null ? defaultRegion : region, profile,
                        endpoint == null ? null : URI.create(endpoint)),
                new AwsDestinationSettings(bool(p, "destinations.enabled", file),
                        destinationsRegion == null ? defaultRegion : destinationsRegion, profile,
                        destinationsEndpoint == null ? null : URI.create(destinationsEndpoint)));
    }

    private static boolean bool(Properties p, String key, Path file) {
        String value = p.getProperty(key, "false").strip();
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("Setting '" + key + "' in " + file + " is '" + value
                    + "': must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    /** The file's properties as written; none when it does not exist. */
    static Properties read(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return p;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
