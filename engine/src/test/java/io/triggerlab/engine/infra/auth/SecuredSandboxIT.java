package io.triggerlab.engine.infra.auth;

import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.cli.CliEnvironment;
import io.triggerlab.engine.cli.TriggerLabCli;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.LambdaInvokeTarget;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.KafkaEventSourceConfig;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.SourceAccessConfiguration;
import io.triggerlab.engine.runtime.poll.InvokeApiFunction;
import io.triggerlab.engine.infra.sandbox.IssuedCertificate;
import io.triggerlab.engine.infra.sandbox.SandboxCaFiles;
import io.triggerlab.engine.infra.sandbox.SecuredSandbox;
import io.triggerlab.engine.infra.secrets.SecretValue;
import io.triggerlab.engine.testing.KafkaTestClients;
import io.triggerlab.engine.testing.TestTopics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.triggerlab.engine.infra.auth.ClusterAuthIT.certificateSecret;
import static io.triggerlab.engine.infra.auth.ClusterAuthIT.userPassword;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine's secured sandbox, used as a user would: {@code triggerlab sandbox user add} and
 * {@code sandbox acl grant-esm} through the running engine's API, a secret in the vault, and MSK mappings on the
 * sandbox cluster ({@code EventSourceArn}) that consume real records over SASL/SCRAM-SHA-512 and mTLS, trusting the
 * sandbox CA as the local stand-in for Amazon Trust Services.
 */
class SecuredSandboxIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    static Path dataDir;
    private static Engine engine;
    private static InvokeApiFunction function;
    private static String clusterArn;

    @BeforeAll
    static void start() {
        engine = Engine.start(EngineConfig.defaults(dataDir).withApiPort(0).withSecuredSandbox(true));
        function = new InvokeApiFunction();
        engine.functions().register(new FunctionDefinition("fn",
                new LambdaInvokeTarget(function.endpoint(), "fn", null, "us-east-1", null), Duration.ofSeconds(5),
                engine.config().region(), engine.config().accountId()));
        clusterArn = engine.clusters().list().stream()
                .filter(c -> c.clusterName().equals(ClusterRegistry.SANDBOX_CLUSTER_NAME))
                .map(KafkaCluster::clusterArn).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
        if (function != null) {
            function.close();
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new TriggerLabCli(new CliEnvironment(Map.of(), "/home/nobody")).commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] withEndpoint = Arrays.copyOf(args, args.length + 2);
        withEndpoint[args.length] = "--endpoint";
        withEndpoint[args.length + 1] = engine.apiEndpoint().toString();
        return new Run(cli.execute(withEndpoint), out.toString(), err.toString());
    }

    private static String topicWith(String... values) {
        String topic = TestTopics.unique("secured");
        engine.sandbox().orElseThrow().createTopic(topic, 1);
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(engine.bootstrapServers())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, 0, null, value));
            }
            producer.flush();
        }
        return topic;
    }

    private static String putSecret(String name, String json) {
        String arn = "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + name;
        engine.vault().put(arn, new SecretValue(json));
        return arn;
    }

    /** @param groupId a ConsumerGroupId, or null for the mapping's UUID */
    private static EventSourceMapping mskMapping(String topic, String type, String secretArn, String groupId) {
        EventSourceMapping created = engine.mappings().create(CreateEventSourceMappingRequest.builder()
                .functionName("fn").eventSourceArn(clusterArn).topics(List.of(topic))
                .startingPosition("TRIM_HORIZON").maximumBatchingWindowInSeconds(0)
                .sourceAccessConfigurations(List.of(new SourceAccessConfiguration(type, secretArn)))
                .amazonManagedKafkaEventSourceConfig(groupId == null ? null : new KafkaEventSourceConfig(groupId, null))
                .build());
        await().atMost(PATIENCE).until(() -> engine.mappings().get(created.uuid()).state() == MappingState.ENABLED);
        return created;
    }

    private static void awaitResult(EventSourceMapping mapping, String expected) {
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(engine.mappings().get(mapping.uuid()).lastProcessingResult()).isEqualTo(expected));
    }

    private static void awaitDelivered(String topic, String... values) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(function.delivered())
                .filteredOn(d -> d.topic().equals(topic))
                .extracting(InvokeApiFunction.Delivered::value).containsExactly(values));
    }

    @Test
    void keepsItsCaInTheDataDirectory_andInTheVault_andDescribesItself() throws Exception {
        SecuredSandbox secured = engine.securedSandbox().orElseThrow();
        assertThat(Files.readString(dataDir.resolve(SandboxCaFiles.CERTIFICATE_FILE))).isEqualTo(secured.caCertificatePem());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(SandboxCaFiles.KEY_FILE))))
                .isEqualTo("rw-------");
        assertThat(engine.vault().secretValue(SecuredSandbox.caSecretArn("us-east-1", "000000000000")).json())
                .contains("BEGIN CERTIFICATE");
        assertThat(engine.clusters().find(clusterArn).orElseThrow().bootstrapBrokers())
                .isEqualTo(secured.bootstrapBrokers());

        Run info = cli("sandbox", "info");
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(info.out()).contains("MSK cluster ARN:      " + clusterArn)
                .contains("SASL/SCRAM brokers:   " + secured.bootstrapBrokers().saslScram())
                .contains("CA certificate:       " + dataDir.resolve(SandboxCaFiles.CERTIFICATE_FILE))
                .contains("Schema registry:      " + engine.sandboxSchemaRegistry().orElseThrow());
    }

    @Test
    void mskScramMapping_isRefusedUntilTheAclsAreGranted_thenConsumes_andThePolicyCheckListsTheSecret(@TempDir Path dir)
            throws Exception {
        Path passwordFile = dir.resolve("alice.password");
        Files.writeString(passwordFile, "alice-secret-1\n");
        Run added = cli("sandbox", "user", "add", "alice", "--password-file", passwordFile.toString());
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("SCRAM user User:alice (SCRAM-SHA-512) is ready").doesNotContain("alice-secret-1");

        String topic = topicWith("s1", "s2", "s3");
        String secret = putSecret("alice", userPassword("alice", "alice-secret-1"));
        EventSourceMapping mapping = mskMapping(topic, "SASL_SCRAM_512_AUTH", secret, null);
        awaitResult(mapping, "PROBLEM: Cluster failed to authorize Lambda.");

        Run granted = cli("sandbox", "acl", "grant-esm", "--user", "alice", "--topic", topic, "--group", mapping.uuid());
        assertThat(granted.exitCode()).as(granted.err()).isZero();
        assertThat(granted.out()).contains("ALLOW User:alice READ on GROUP " + mapping.uuid())
                .contains("ALLOW User:alice READ on TOPIC " + topic);
        awaitDelivered(topic, "s1", "s2", "s3");
        awaitResult(mapping, "OK");

        Run check = cli("policy", "check", "--mapping", mapping.uuid(), "--managed", "AWSLambdaMSKExecutionRole");
        assertThat(check.exitCode()).as(check.err()).isEqualTo(3);
        assertThat(check.out()).contains("SASL/SCRAM-SHA-512 over TLS (secret " + secret)
                .contains("MISSING  secretsmanager:GetSecretValue on " + secret)
                .contains("OK       kafka:GetBootstrapBrokers on " + clusterArn)
                .contains("ALLOW User:<user name or certificate CN> READ on TOPIC " + topic)
                .contains("1 required permission(s) missing.");
    }

    @Test
    void mskMutualTlsMapping_consumesOverTheTlsBrokers_withASandboxClientCertificate(@TempDir Path dir) throws Exception {
        IssuedCertificate bob = engine.securedSandbox().orElseThrow().issueClientCertificate("bob");
        String topic = topicWith("m1", "m2");
        String secret = putSecret("bob-cert", certificateSecret(bob, bob.privateKeyPem(), null));
        String group = TestTopics.uniqueGroup("bob");
        // Granted before the mapping exists, thanks to a ConsumerGroupId (the UUID is only known after creation).
        Run granted = cli("sandbox", "acl", "grant-esm", "--user", "bob", "--topic", topic, "--group", group);
        assertThat(granted.exitCode()).as(granted.err()).isZero();
        EventSourceMapping mapping = mskMapping(topic, "CLIENT_CERTIFICATE_TLS_AUTH", secret, group);

        awaitDelivered(topic, "m1", "m2");
        awaitResult(mapping, "OK");

        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
        Run check = cli("policy", "check", "--mapping", mapping.uuid(), "--policy-file", policy.toString());
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("mTLS with the client certificate in secret " + secret)
                .contains("All required permissions are granted.");
    }
}
