package io.triggerlab.engine.controlplane.awscheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.cli.CliEnvironment;
import io.triggerlab.engine.cli.TriggerLabCli;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.FilterCriteria;
import io.triggerlab.engine.controlplane.mapping.ResourceNotFoundException;
import io.triggerlab.engine.controlplane.mapping.SelfManagedEventSource;
import io.triggerlab.engine.controlplane.mapping.SourceAccessConfiguration;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.infra.secrets.SecretValue;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Would this pass on AWS?" on a real engine: exact findings through the engine API, the HTTP API and the CLI. */
@ExtendWith(SharedKafkaBroker.class)
class AwsCompatibilityCheckIT {

    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:client-cert-AbCdEf";

    private final EmbeddedKafkaBroker broker;
    private Engine engine;

    AwsCompatibilityCheckIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void start(@TempDir Path dataDir) {
        engine = Engine.start(EngineConfig.defaults(dataDir).withApiPort(0).withExternalBootstrap(broker.bootstrapServers()));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private EventSourceMapping mapping(String function, String topic, Consumer<CreateEventSourceMappingRequest.Builder> more) {
        CreateEventSourceMappingRequest.Builder request = CreateEventSourceMappingRequest.builder()
                .functionName(function).topics(List.of(topic)).startingPosition("LATEST").enabled(false);
        more.accept(request);
        return engine.mappings().create(request.build());
    }

    private void register(String name, Duration timeout) {
        engine.functions().register(new FunctionDefinition(name, new CommandTarget(List.of("cat"), null, Map.of()), timeout,
                engine.config().region(), engine.config().accountId()));
    }

    @Test
    void listsEveryDifference_ofALocalOnDemandMappingOnABigMessageTopic() throws Exception {
        register("slow-fn", Duration.ofMinutes(15));
        String topic = TestTopics.unique("awscheck");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("max.message.bytes", "8388608")))).all().get();
        }
        EventSourceMapping mapping = mapping("slow-fn", topic, r -> r
                .selfManagedEventSource(SelfManagedEventSource.ofBootstrapServers(List.of(broker.bootstrapServers())))
                .maximumRetryAttempts(2)
                .filterCriteria(FilterCriteria.of("{\"partition\":[0],\"value\":{\"kind\":[\"a\"]}}")));

        AwsCheckReport report = engine.awsCheck().check(mapping.uuid());

        assertThat(report.functionName()).isEqualTo("slow-fn");
        assertThat(report.wouldPass()).isFalse();
        assertThat(report.findings()).extracting(Finding::code, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("FUNCTION_TIMEOUT_ABOVE_14_MINUTES", Severity.WOULD_BE_REJECTED),
                org.assertj.core.groups.Tuple.tuple("LOCAL_ONLY_FUNCTION_TARGET", Severity.BEHAVES_DIFFERENTLY),
                org.assertj.core.groups.Tuple.tuple("TOPIC_ALLOWS_RECORDS_OVER_6_MB", Severity.BEHAVES_DIFFERENTLY),
                org.assertj.core.groups.Tuple.tuple("PROVISIONED_ONLY_IN_ON_DEMAND", Severity.WOULD_BE_REJECTED),
                org.assertj.core.groups.Tuple.tuple("FILTER_ON_METADATA", Severity.WOULD_BE_REJECTED),
                org.assertj.core.groups.Tuple.tuple("DEFAULT_BATCHING_WINDOW_500_MS", Severity.BEHAVES_DIFFERENTLY));
        // docs/aws-reading.md: only these two verdicts are TriggerLab's reading; the rest are AWS's documented limits.
        assertThat(report.findings()).filteredOn(Finding::readingOfAws).extracting(Finding::code)
                .containsExactly("PROVISIONED_ONLY_IN_ON_DEMAND", "FILTER_ON_METADATA");
        assertThat(report.findings()).extracting(Finding::message).containsExactly(
                "Function 'slow-fn' has a timeout of 900 s; Lambda's Kafka trigger allows at most 14 minutes (840 s).",
                "Function 'slow-fn' runs locally as a command target: no Lambda runtime, memory limit, cold start,"
                        + " concurrency limit or execution role.",
                "Topic " + topic + " has max.message.bytes 8388608, above Lambda's 6291456-byte invocation payload"
                        + " limit: a record that large is produced fine but never reaches the function.",
                "MaximumRetryAttempts 2 is available only in provisioned mode (set ProvisionedPollerConfig).",
                "Filter 1 of FilterCriteria matches on partition: AWS's Kafka filtering supports the record's value only.",
                "MaximumBatchingWindowInSeconds is not set, so Kafka's default window of 500 ms applies. The API takes"
                        + " whole seconds: once the window is set (e.g. by a template that copies the mapping), 500 ms"
                        + " cannot be expressed and the smallest non-zero window is 1 s.");
    }

    @Test
    void refusesAPbes2Key_andAnswersOverHttpAndCli() throws Exception {
        register("fn", Duration.ofSeconds(3));
        String topic = TestTopics.unique("awscheck-mtls");
        engine.vault().put(SECRET, new SecretValue(new ObjectMapper().createObjectNode()
                .put("certificate", "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n")
                .put("privateKey", pbes2Key()).put("privateKeyPassword", "secret").toString()));
        EventSourceMapping mtls = mapping("fn", topic, r -> r.maximumBatchingWindowInSeconds(0)
                .selfManagedEventSource(SelfManagedEventSource.ofBootstrapServers(List.of("127.0.0.1:1")))
                .sourceAccessConfigurations(List.of(new SourceAccessConfiguration("CLIENT_CERTIFICATE_TLS_AUTH", SECRET))));

        AwsCheckReport pbes2 = engine.awsCheck().check(mtls.uuid());
        assertThat(pbes2.findings()).extracting(Finding::code)
                .containsExactly("PBES2_PRIVATE_KEY", "LOCAL_ONLY_FUNCTION_TARGET");
        assertThat(pbes2.findings().get(0).message()).isEqualTo("The private key in secret " + SECRET
                + " is encrypted with PBES2 (OpenSSL 3's default), which Lambda does not accept: only PBES1 is"
                + " supported. " + io.triggerlab.engine.infra.auth.PemMaterial.REENCRYPT_HINT);

        HttpResponse<String> http = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(engine.apiEndpoint() + "/triggerlab/v1/aws-check?mapping=" + mtls.uuid())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(http.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(http.body());
        assertThat(body.path("wouldPass").asBoolean(true)).isFalse();
        assertThat(body.path("findings").get(0).path("code").asText()).isEqualTo("PBES2_PRIVATE_KEY");
        assertThat(body.path("findings").get(0).path("severity").asText()).isEqualTo("WOULD_BE_REJECTED");
        assertThat(body.path("findings").get(0).path("whatToDo").asText())
                .isEqualTo(io.triggerlab.engine.infra.auth.PemMaterial.REENCRYPT_HINT);
        assertThat(body.path("findings").get(0).path("readingOfAws").isBoolean()).isTrue();
        assertThat(body.path("findings").get(0).path("readingOfAws").asBoolean(true)).isFalse();

        StringWriter out = new StringWriter();
        CommandLine cli = new TriggerLabCli(new CliEnvironment(Map.of(), "/home/nobody")).commandLine();
        cli.setOut(new PrintWriter(out, true));
        int code = cli.execute("aws-check", mtls.uuid(), "--endpoint", engine.apiEndpoint().toString());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).startsWith("REJECTED   PBES2_PRIVATE_KEY: The private key in secret " + SECRET)
                .contains("DIFFERENT  LOCAL_ONLY_FUNCTION_TARGET: ")
                .endsWith("Would not pass on AWS as it is." + System.lineSeparator());

        assertThatThrownBy(() -> engine.awsCheck().check("00000000-0000-0000-0000-000000000000"))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private static String pbes2Key() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(new JcaPKCS8Generator(generator.generateKeyPair().getPrivate(),
                    new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setProvider(new BouncyCastleProvider())
                            .setPassword("secret".toCharArray()).build()).generate());
        }
        return pem.toString();
    }
}
