package io.triggerlab.engine.infra.auth;

import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.LambdaInvokeTarget;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.SelfManagedEventSource;
import io.triggerlab.engine.controlplane.mapping.SourceAccessConfiguration;
import io.triggerlab.engine.runtime.poll.InvokeApiFunction;
import io.triggerlab.engine.infra.sandbox.IssuedCertificate;
import io.triggerlab.engine.infra.sandbox.SecuredListeners;
import io.triggerlab.engine.infra.secrets.SecretValue;
import io.triggerlab.engine.testing.TestTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.triggerlab.engine.infra.auth.SecuredTestBroker.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cluster authentication end to end: a real broker with SASL_SSL (SCRAM-512/256), SASL/PLAIN over TLS, mTLS and
 * ACLs under its own CA; a real engine whose mappings name secrets in the local vault; a function behind the Invoke
 * wire protocol. Each success path consumes real records; each PROBLEM string comes from a real condition.
 */
class ClusterAuthIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static SecuredTestBroker secured;

    private Engine engine;
    private InvokeApiFunction function;

    @BeforeAll
    static void startBroker() throws Exception {
        secured = new SecuredTestBroker();
    }

    @AfterAll
    static void stopBroker() {
        if (secured != null) {
            secured.close();
        }
    }

    @BeforeEach
    void startEngine(@TempDir Path dataDir) {
        engine = Engine.start(EngineConfig.defaults(dataDir).withApiPort(0)
                .withExternalBootstrap(secured.broker().bootstrapServers()));
        function = new InvokeApiFunction();
        engine.functions().register(new FunctionDefinition("fn",
                new LambdaInvokeTarget(function.endpoint(), "fn", null, "us-east-1", null), Duration.ofSeconds(5),
                engine.config().region(), engine.config().accountId()));
    }

    @AfterEach
    void stopEngine() {
        engine.close();
        function.close();
    }

    static String arn(String name) {
        return "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + name;
    }

    private String putSecret(String name, String json) {
        engine.vault().put(arn(name), new SecretValue(json));
        return arn(name);
    }

    private String rootCa() {
        return putSecret("root-ca", "{\"certificate\":" + json(secured.ca().certificatePem()) + "}");
    }

    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static String userPassword(String user, String password) {
        return "{\"username\":" + json(user) + ",\"password\":" + json(password) + "}";
    }

    static String certificateSecret(IssuedCertificate cert, String key, String password) {
        return "{\"certificate\":" + json(cert.certificateChainPem()) + ",\"privateKey\":" + json(key)
                + (password == null ? "" : ",\"privateKeyPassword\":" + json(password)) + "}";
    }

    private EventSourceMapping map(String listenerAddress, String topic, SourceAccessConfiguration... access) {
        EventSourceMapping created = engine.mappings().create(CreateEventSourceMappingRequest.builder()
                .functionName("fn")
                .selfManagedEventSource(SelfManagedEventSource.ofBootstrapServers(List.of(listenerAddress)))
                .topics(List.of(topic))
                .startingPosition("TRIM_HORIZON")
                .maximumBatchingWindowInSeconds(0)
                .sourceAccessConfigurations(List.of(access))
                .build());
        await().atMost(PATIENCE).until(() -> engine.mappings().get(created.uuid()).state() == MappingState.ENABLED);
        return created;
    }

    private static SourceAccessConfiguration sac(String type, String uri) {
        return new SourceAccessConfiguration(type, uri);
    }

    private String topicWith(String... values) {
        String topic = TestTopics.unique("auth");
        secured.broker().createTopic(topic, 1);
        secured.produce(topic, values);
        return topic;
    }

    private void awaitConsumed(EventSourceMapping mapping, String... values) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(function.delivered())
                .extracting(InvokeApiFunction.Delivered::value).containsExactly(values));
        awaitResult(mapping, "OK");
    }

    private void awaitResult(EventSourceMapping mapping, String expected) {
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(engine.mappings().get(mapping.uuid()).lastProcessingResult()).isEqualTo(expected));
    }

    @Test
    void consumesRecords_overSaslScram512_trustingAPrivateRootCa() {
        String topic = topicWith("a", "b", "c");
        EventSourceMapping mapping = map(secured.address(SecuredListeners.SASL_SSL), topic,
                sac("SASL_SCRAM_512_AUTH", putSecret("scram512", userPassword(SCRAM_512_USER, SCRAM_512_PASSWORD))),
                sac("SERVER_ROOT_CA_CERTIFICATE", rootCa()));
        awaitConsumed(mapping, "a", "b", "c");
    }

    @Test
    void consumesRecords_overSaslScram256() {
        String topic = topicWith("x", "y");
        EventSourceMapping mapping = map(secured.address(SecuredListeners.SASL_SSL), topic,
                sac("SASL_SCRAM_256_AUTH", putSecret("scram256", userPassword(SCRAM_256_USER, SCRAM_256_PASSWORD))),
                sac("SERVER_ROOT_CA_CERTIFICATE", rootCa()));
        awaitConsumed(mapping, "x", "y");
    }

    @Test
    void consumesRecords_overSaslPlainWithTls_forBasicAuth() {
        String topic = topicWith("p1", "p2");
        EventSourceMapping mapping = map(secured.address(SecuredListeners.SASL_PLAIN), topic,
                sac("BASIC_AUTH", putSecret("plain", userPassword(PLAIN_USER, PLAIN_PASSWORD))),
                sac("SERVER_ROOT_CA_CERTIFICATE", rootCa()));
        awaitConsumed(mapping, "p1", "p2");
    }

    @Test
    void consumesRecords_overMutualTls_withAnUnencryptedKey() {
        IssuedCertificate client = secured.ca().issueClient(MTLS_USER);
        String topic = topicWith("m1");
        EventSourceMapping mapping = map(secured.address(SecuredListeners.MTLS), topic,
                sac("CLIENT_CERTIFICATE_TLS_AUTH", putSecret("mtls", certificateSecret(client, client.privateKeyPem(), null))),
                sac("SERVER_ROOT_CA_CERTIFICATE", rootCa()));
        awaitConsumed(mapping, "m1");
    }

    @Test
    void consumesRecords_overMutualTls_withAPbes1EncryptedKey() throws Exception {
        IssuedCertificate client = secured.ca().issueClient(MTLS_USER);
        String key = TestKeys.pbes1(client.keyPair().getPrivate(), "key-pass");
        assertThat(key).contains("BEGIN ENCRYPTED PRIVATE KEY");
        String topic = topicWith("e1", "e2");
        EventSourceMapping mapping = map(secured.address(SecuredListeners.MTLS), topic,
                sac("CLIENT_CERTIFICATE_TLS_AUTH", putSecret("mtls-pbes1", certificateSecret(client, key, "key-pass"))),
                sac("SERVER_ROOT_CA_CERTIFICATE", rootCa()));
        awaitConsumed(mapping, "e1", "e2");
    }

    @Test
    void saslAuthenticationFailed_withAWrongPassword_thenOk_onceTheSecretIsCorrected() {
        String topic = topicWith("late");
        String secret = putSecret("wrong", userPassword(SCRAM_512_USER, "not-the-password"));
        EventSourceMapping mapping = map(secured.address(SecuredListeners.SASL_SSL), topic,
                sac("SASL_SCRAM_512_AUTH", secret), sac("SERVER_ROOT_CA_CERTIFICATE", rootCa()));
        awaitResult(mapping, "PROBLEM: SASL authentication failed.");
        assertThat(function.calls()).isZero();
        // docs/aws-reading.md: the consumer stops with AWS's code in StateTransitionReason; State stays Enabled.
        assertThat(engine.mappings().get(mapping.uuid()).stateTransitionReason()).isEqualTo("EVENT_SOURCE_AUTHN_ERROR");
        assertThat(engine.mappings().get(mapping.uuid()).state()).isEqualTo(MappingState.ENABLED);

        putSecret("wrong", userPassword(SCRAM_512_USER, SCRAM_512_PASSWORD));
        awaitConsumed(mapping, "late");
        assertThat(engine.mappings().get(mapping.uuid()).state()).isEqualTo(MappingState.ENABLED);
        assertThat(engine.mappings().get(mapping.uuid()).stateTransitionReason()).isEqualTo("USER_INITIATED");
    }

    @Test
    void clusterFailedToAuthorize_withoutTheReadGroupAcl_thenOk_onceTheAclIsAdded() {
        String topic = topicWith("acl");
        EventSourceMapping mapping = map(secured.address(SecuredListeners.SASL_SSL), topic,
                sac("SASL_SCRAM_512_AUTH", putSecret("nogroup", userPassword(NO_GROUP_USER, NO_GROUP_PASSWORD))),
                sac("SERVER_ROOT_CA_CERTIFICATE", rootCa()));
        awaitResult(mapping, "PROBLEM: Cluster failed to authorize Lambda.");
        assertThat(function.calls()).isZero();
        assertThat(engine.mappings().get(mapping.uuid()).stateTransitionReason()).isEqualTo("EVENT_SOURCE_AUTHZ_ERROR");

        secured.broker().createAcls(KafkaAcls.requiredFor("User:" + NO_GROUP_USER, topic, mapping.uuid()));
        awaitConsumed(mapping, "acl");
    }

    @Test
    void serverFailedToAuthenticateLambda_whenTheMtlsListenerGetsNoClientCertificate() {
        String topic = topicWith("never");
        EventSourceMapping mapping = map(secured.address(SecuredListeners.MTLS), topic,
                sac("SERVER_ROOT_CA_CERTIFICATE", rootCa()));
        awaitResult(mapping, "PROBLEM: Server failed to authenticate Lambda.");
        assertThat(function.calls()).isZero();
    }

    @Test
    void lambdaFailedToAuthenticateServer_whenTheBrokersCertificateIsUntrusted_andNoRootCaIsGiven() {
        String topic = topicWith("never");
        EventSourceMapping mapping = map(secured.address(SecuredListeners.SASL_SSL), topic,
                sac("SASL_SCRAM_512_AUTH", putSecret("noca", userPassword(SCRAM_512_USER, SCRAM_512_PASSWORD))));
        awaitResult(mapping, "PROBLEM: Lambda failed to authenticate server.");
        assertThat(function.calls()).isZero();
    }

    @Test
    void providedCertificateOrKeyInvalid_forAPbes2Key_thenOk_onceAPbes1KeyIsStored() throws Exception {
        IssuedCertificate client = secured.ca().issueClient(MTLS_USER);
        String topic = topicWith("fixed");
        String secret = putSecret("pbes2", certificateSecret(client, TestKeys.pbes2(client.keyPair().getPrivate(), "pw"), "pw"));
        EventSourceMapping mapping = map(secured.address(SecuredListeners.MTLS), topic,
                sac("CLIENT_CERTIFICATE_TLS_AUTH", secret), sac("SERVER_ROOT_CA_CERTIFICATE", rootCa()));
        awaitResult(mapping, "PROBLEM: Provided certificate or private key is invalid.");

        putSecret("pbes2", certificateSecret(client, TestKeys.pbes1(client.keyPair().getPrivate(), "pw"), "pw"));
        awaitConsumed(mapping, "fixed");
    }

    @Test
    void connectionError_whenNoBrokerListensAtTheBootstrapAddress() throws Exception {
        EventSourceMapping mapping = map("127.0.0.1:" + closedPort(), TestTopics.unique("dead"));
        awaitResult(mapping, "PROBLEM: Connection error. Please check your event source connection configuration.");
        assertThat(engine.mappings().get(mapping.uuid()).state()).isEqualTo(MappingState.ENABLED);
        assertThat(engine.mappings().get(mapping.uuid()).stateTransitionReason()).as("a connection error is retried, not a stop")
                .isEqualTo("USER_INITIATED");
    }

    @Test
    void noSecretValueAppearsInLogsOrTheMapping_acrossFailedAndSuccessfulAuthentication() throws Exception {
        IssuedCertificate client = secured.ca().issueClient(MTLS_USER);
        String pbes2Key = TestKeys.pbes2(client.keyPair().getPrivate(), "pbes2-key-password");
        List<String> secretValues = new ArrayList<>(List.of(SCRAM_512_PASSWORD, "a-wrong-but-secret-password",
                "pbes2-key-password", keyBody(pbes2Key), keyBody(client.privateKeyPem())));
        try (CapturedLogs logs = CapturedLogs.start()) {
            String topic = topicWith("logged");
            String secret = putSecret("logscan", userPassword(SCRAM_512_USER, "a-wrong-but-secret-password"));
            EventSourceMapping scram = map(secured.address(SecuredListeners.SASL_SSL), topic,
                    sac("SASL_SCRAM_512_AUTH", secret), sac("SERVER_ROOT_CA_CERTIFICATE", rootCa()));
            awaitResult(scram, "PROBLEM: SASL authentication failed.");
            putSecret("logscan", userPassword(SCRAM_512_USER, SCRAM_512_PASSWORD));
            awaitConsumed(scram, "logged");
            EventSourceMapping mtls = map(secured.address(SecuredListeners.MTLS), topicWith("x"),
                    sac("CLIENT_CERTIFICATE_TLS_AUTH", putSecret("logscan-mtls",
                            certificateSecret(client, pbes2Key, "pbes2-key-password"))),
                    sac("SERVER_ROOT_CA_CERTIFICATE", rootCa()));
            awaitResult(mtls, "PROBLEM: Provided certificate or private key is invalid.");

            assertThat(logs.text()).contains("PROBLEM: SASL authentication failed.").contains("PBES2");
            String shown = engine.mappings().get(scram.uuid()) + " " + engine.mappings().get(mtls.uuid())
                    + engine.vault().list() + engine.secrets().secretValue(secret);
            String api = SecretScan.apiResponses(engine.apiEndpoint());
            assertThat(api).contains(scram.uuid()).contains("\"invocations\":[{");
            for (String value : secretValues) {
                assertThat(logs.text()).doesNotContain(value);
                assertThat(shown).doesNotContain(value);
                assertThat(api).as("API responses: mappings, history list and every history item")
                        .doesNotContain(value);
                assertThat(SecretScan.filesContaining(engine.config().dataDirectory(), value))
                        .as("files of the data directory (database, vault, broker) holding a secret in clear").isEmpty();
            }
        }
    }

    /** The base64 body of a PEM key, without its armour lines. */
    private static String keyBody(String pem) {
        String[] lines = pem.split("\n");
        return lines[1].strip();
    }

    /** A port nobody listens on: bound once to get it from the OS, then released. */
    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
