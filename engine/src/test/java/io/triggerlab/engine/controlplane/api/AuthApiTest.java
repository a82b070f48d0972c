package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.infra.cluster.BootstrapBrokers;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.EndPointType;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.SourceAccessConfiguration;
import software.amazon.awssdk.services.lambda.model.SourceAccessType;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Authentication through a real engine's HTTP API (no Kafka needed: every mapping here is refused or Disabled): the
 * AWS SDK's LambdaClient sees SourceAccessConfigurations AWS refuses refused at create and update, and the policy
 * check answers from {@code POST /triggerlab/v1/policy-check}.
 */
class AuthApiTest {

    private static final String SCRAM = "arn:aws:secretsmanager:us-east-1:000000000000:secret:scram";
    private static final String CERT = "arn:aws:secretsmanager:us-east-1:000000000000:secret:cert";
    private static final String SCRAM_CLUSTER = "arn:aws:kafka:us-east-1:000000000000:cluster/scram/6f2a-1";
    private static final String IAM_CLUSTER = "arn:aws:kafka:us-east-1:000000000000:cluster/iam/6f2a-2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Engine engine;
    private static LambdaClient lambda;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        engine = Engine.start(EngineConfig.defaults(dataDir).withApiPort(0).withExternalBootstrap("127.0.0.1:1"));
        engine.functions().register(new FunctionDefinition("fn", new CommandTarget(List.of("true"), null, null), null,
                "us-east-1", "000000000000"));
        engine.clusters().register(new KafkaCluster(SCRAM_CLUSTER, "scram",
                new BootstrapBrokers(null, "b-1:9094", "b-1:9096", null)));
        engine.clusters().register(new KafkaCluster(IAM_CLUSTER, "iam", new BootstrapBrokers(null, null, null, "b-1:9098")));
        lambda = LambdaClient.builder().endpointOverride(engine.apiEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        lambda.close();
        engine.close();
    }

    private static SourceAccessConfiguration sac(SourceAccessType type, String uri) {
        return SourceAccessConfiguration.builder().type(type).uri(uri).build();
    }

    private static String msk(String cluster, String topic, SourceAccessConfiguration... access) {
        return lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(cluster).topics(topic)
                .startingPosition(EventSourcePosition.LATEST).enabled(false).sourceAccessConfigurations(access)).uuid();
    }

    @Test
    void sdkCreate_refusesTwoAuthenticationMethods_onSelfManagedKafka() {
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName("fn")
                .selfManagedEventSource(s -> s.endpoints(Map.of(EndPointType.KAFKA_BOOTSTRAP_SERVERS,
                        List.of("broker-1.example.com:9096"))))
                .topics("orders").startingPosition(EventSourcePosition.TRIM_HORIZON)
                .sourceAccessConfigurations(sac(SourceAccessType.SASL_SCRAM_512_AUTH, SCRAM),
                        sac(SourceAccessType.CLIENT_CERTIFICATE_TLS_AUTH, CERT))))
                .isInstanceOf(InvalidParameterValueException.class)
                .satisfies(e -> assertThat(((InvalidParameterValueException) e).awsErrorDetails().errorMessage())
                        .startsWith("SourceAccessConfigurations names 2 authentication methods (SASL_SCRAM_512_AUTH, "
                                + "CLIENT_CERTIFICATE_TLS_AUTH): a self-managed Kafka event source uses one"));
        assertThat(lambda.listEventSourceMappings(b -> b.functionName("fn")).eventSourceMappings())
                .noneMatch(m -> m.topics().contains("orders"));
    }

    @Test
    void sdkUpdate_refusesSaslPlainOnMsk_andTheSameTypeTwice() {
        String uuid = msk(SCRAM_CLUSTER, "update-topic", sac(SourceAccessType.SASL_SCRAM_512_AUTH, SCRAM));

        assertThatThrownBy(() -> lambda.updateEventSourceMapping(b -> b.uuid(uuid)
                .sourceAccessConfigurations(sac(SourceAccessType.BASIC_AUTH, SCRAM))))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("SourceAccessConfigurations type BASIC_AUTH is not supported for an Amazon MSK "
                        + "event source");
        assertThatThrownBy(() -> lambda.updateEventSourceMapping(b -> b.uuid(uuid)
                .sourceAccessConfigurations(sac(SourceAccessType.SASL_SCRAM_512_AUTH, SCRAM),
                        sac(SourceAccessType.SASL_SCRAM_512_AUTH, CERT))))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("more than one SASL_SCRAM_512_AUTH entry: give each type at most once");
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).sourceAccessConfigurations())
                .containsExactly(sac(SourceAccessType.SASL_SCRAM_512_AUTH, SCRAM));
    }

    private static HttpResponse<String> post(String path, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(engine.apiEndpoint() + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode check(String uuid, String policyJson) throws IOException {
        HttpResponse<String> response = post("/triggerlab/v1/policy-check",
                "{\"mappingUuid\":\"" + uuid + "\",\"policy\":" + policyJson + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void policyCheck_managedPolicy_onScramMapping_missesOnlyTheSecret_andListsTheAcls() throws IOException {
        String uuid = msk(SCRAM_CLUSTER, "scram-topic", sac(SourceAccessType.SASL_SCRAM_512_AUTH, SCRAM));

        JsonNode report = check(uuid, "\"AWSLambdaMSKExecutionRole\"");

        assertThat(report.path("authentication").asText()).startsWith("SASL/SCRAM-SHA-512 over TLS (secret " + SCRAM);
        assertThat(texts(report.path("policies"))).containsExactly("AWSLambdaMSKExecutionRole");
        assertThat(report.path("complete").asBoolean()).isFalse();
        assertThat(texts(report.path("missing"))).containsExactly(
                "MISSING secretsmanager:GetSecretValue on " + SCRAM + " (SASL_SCRAM_512_AUTH secret)");
        assertThat(report.path("findings")).hasSize(12);
        assertThat(texts(report.path("kafkaAcls"))).containsExactly(
                "ALLOW User:<user name or certificate CN> DESCRIBE_CONFIGS on CLUSTER kafka-cluster",
                "ALLOW User:<user name or certificate CN> DESCRIBE on GROUP " + uuid,
                "ALLOW User:<user name or certificate CN> READ on GROUP " + uuid,
                "ALLOW User:<user name or certificate CN> DESCRIBE on TOPIC scram-topic",
                "ALLOW User:<user name or certificate CN> READ on TOPIC scram-topic");
    }

    @Test
    void policyCheck_iamMapping_denyAndNotAction() throws IOException {
        String uuid = msk(IAM_CLUSTER, "iam-topic");
        String policy = "[\"AWSLambdaMSKExecutionRole\","
                + "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kafka-cluster:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"NotAction\":[\"kafka-cluster:Connect\",\"kafka-cluster:Describe*\","
                + "\"kafka-cluster:AlterGroup\",\"kafka:*\",\"ec2:*\",\"logs:*\"],\"Resource\":\"*\"}]}]";

        JsonNode report = check(uuid, policy);

        assertThat(report.path("authentication").asText()).isEqualTo("SASL/AWS_MSK_IAM (IAM access control)");
        assertThat(texts(report.path("missing"))).containsExactly("DENIED  kafka-cluster:ReadData on "
                + "arn:aws:kafka:us-east-1:000000000000:topic/iam/6f2a-2/iam-topic (reading records)");
        assertThat(report.has("kafkaAcls")).as("IAM needs no Kafka ACLs").isFalse();
    }

    @Test
    void policyCheck_refusesUnknownMappings_andBadPolicies() {
        HttpResponse<String> unknown = post("/triggerlab/v1/policy-check",
                "{\"mappingUuid\":\"6f2a0000-0000-0000-0000-000000000000\",\"policy\":\"AWSLambdaMSKExecutionRole\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("X-Amzn-ErrorType")).hasValue("ResourceNotFoundException");

        String uuid = msk(SCRAM_CLUSTER, "bad-policy-topic");
        HttpResponse<String> bad = post("/triggerlab/v1/policy-check",
                "{\"mappingUuid\":\"" + uuid + "\",\"policy\":\"AWSLambdaBasicExecutionRole\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("'AWSLambdaBasicExecutionRole' is neither a policy document (JSON) nor a "
                + "managed policy TriggerLab knows (AWSLambdaMSKExecutionRole)");
    }

    @Test
    void sandboxRoutes_sayThatNoSecuredSandboxRuns() throws IOException, InterruptedException {
        HttpResponse<String> info = HTTP.send(HttpRequest.newBuilder(URI.create(engine.apiEndpoint()
                + "/triggerlab/v1/sandbox")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(info.body()).path("secured").asBoolean(true)).isFalse();

        HttpResponse<String> user = post("/triggerlab/v1/sandbox/users", "{\"name\":\"alice\",\"password\":\"pw\"}");
        assertThat(user.statusCode()).isEqualTo(400);
        assertThat(user.body()).contains("This engine runs no secured sandbox").doesNotContain("pw\"");
    }
}
