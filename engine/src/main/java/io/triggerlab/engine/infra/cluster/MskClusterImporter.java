package io.triggerlab.engine.infra.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Imports a real Amazon MSK cluster by ARN: asks MSK's {@code GetBootstrapBrokers}
 * ({@code GET /v1/clusters/{clusterArn}/bootstrap-brokers}, SigV4-signed for service {@code kafka}) for its broker
 * strings per access method and registers the cluster, so mappings can name it by ARN as on AWS.
 * <p>
 * The AWS SDK's own MSK client is not available from this build's repository, so the request is made with the SDK's
 * SigV4 signer over the JDK's HTTP client; the wire format is MSK's REST API.
 */
public final class MskClusterImporter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNSIGNABLE = Set.of("host", "content-length", "connection");

    /** Where and as whom to ask MSK. */
    public record MskAccess(String region, String profile, URI endpointOverride) {
        public MskAccess {
            if (region == null || !region.matches("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d")) {
                throw new IllegalArgumentException("Region '" + region + "' is not valid: use an AWS region such as eu-west-1");
            }
        }

        URI endpoint() {
            return endpointOverride != null ? endpointOverride : URI.create("https://kafka." + region + ".amazonaws.com");
        }
    }

    private final ClusterRegistry registry;
    private final HttpClient http;

    public MskClusterImporter(ClusterRegistry registry) {
        this(registry, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    MskClusterImporter(ClusterRegistry registry, HttpClient http) {
        this.registry = registry;
        this.http = http;
    }

    /** Fetches the cluster's bootstrap brokers and registers (or refreshes) it. */
    public KafkaCluster importCluster(String clusterArn, MskAccess access) {
        Matcher arn = KafkaCluster.CLUSTER_ARN.matcher(clusterArn == null ? "" : clusterArn);
        if (!arn.matches()) {
            throw new IllegalArgumentException("Cluster ARN '" + clusterArn
                    + "' is not valid: expected arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>");
        }
        BootstrapBrokers brokers = getBootstrapBrokers(clusterArn, access);
        return registry.register(new KafkaCluster(clusterArn, arn.group("name"), brokers));
    }

    BootstrapBrokers getBootstrapBrokers(String clusterArn, MskAccess access) {
        URI uri = URI.create(access.endpoint().toString().replaceAll("/+$", "") + "/v1/clusters/"
                + URLEncoder.encode(clusterArn, StandardCharsets.UTF_8) + "/bootstrap-brokers");
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET).uri(uri)
                .putHeader("Accept", "application/json").build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials(access))
                .request(unsigned)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kafka")
                .putProperty(AwsV4HttpSigner.REGION_NAME, access.region()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        SdkHttpRequest signedRequest = signed.request();
        for (Map.Entry<String, List<String>> header : signedRequest.headers().entrySet()) {
            if (!UNSIGNABLE.contains(header.getKey().toLowerCase())) {
                header.getValue().forEach(v -> request.header(header.getKey(), v));
            }
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot reach Amazon MSK at " + access.endpoint() + " for " + clusterArn
                    + ": " + e.getMessage() + ". Check the region, your network, or the endpoint override.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking MSK for " + clusterArn, e);
        }
        return parse(clusterArn, response);
    }

    private static BootstrapBrokers parse(String clusterArn, HttpResponse<String> response) {
        JsonNode body;
        try {
            body = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        } catch (IOException e) {
            throw new IllegalArgumentException("Amazon MSK answered GetBootstrapBrokers for " + clusterArn
                    + " with HTTP " + response.statusCode() + " and a body that is not JSON");
        }
        if (response.statusCode() / 100 != 2) {
            String type = response.headers().firstValue("x-amzn-ErrorType").orElse("HTTP " + response.statusCode());
            throw new IllegalArgumentException("Amazon MSK refused GetBootstrapBrokers for " + clusterArn + ": "
                    + type.replaceAll(":.*", "") + ": " + body.path("message").asText(body.path("Message").asText("")));
        }
        String plaintext = text(body, "bootstrapBrokerString");
        String tls = text(body, "bootstrapBrokerStringTls");
        String scram = text(body, "bootstrapBrokerStringSaslScram");
        String iam = text(body, "bootstrapBrokerStringSaslIam");
        if (plaintext == null && tls == null && scram == null && iam == null) {
            throw new IllegalArgumentException("Amazon MSK returned no bootstrap brokers for " + clusterArn
                    + " (is the cluster still being created?)");
        }
        return new BootstrapBrokers(plaintext, tls, scram, iam);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    /**
     * The profile's or the default chain's credentials. Against an endpoint override (LocalStack and the like) a
     * developer without AWS credentials still gets through with dummy ones, which such emulators accept.
     */
    private static AwsCredentialsIdentity credentials(MskAccess access) {
        AwsCredentialsProvider provider = access.profile() != null
                ? ProfileCredentialsProvider.create(access.profile())
                : DefaultCredentialsProvider.builder().build();
        try {
            return provider.resolveCredentials();
        } catch (SdkClientException e) {
            if (access.endpointOverride() != null) {
                return AwsBasicCredentials.create("triggerlab-local", "triggerlab-local-secret");
            }
            throw new IllegalArgumentException("No AWS credentials for importing an MSK cluster"
                    + (access.profile() != null ? " (profile '" + access.profile() + "')" : "")
                    + ": configure them (aws configure, or aws sso login for SSO profiles) and try again");
        }
    }
}
