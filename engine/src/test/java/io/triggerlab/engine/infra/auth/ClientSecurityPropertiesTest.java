package io.triggerlab.engine.infra.auth;

import io.triggerlab.engine.infra.sandbox.IssuedCertificate;
import io.triggerlab.engine.infra.sandbox.SandboxCa;
import io.triggerlab.engine.infra.secrets.SecretNotFoundException;
import io.triggerlab.engine.infra.secrets.SecretValue;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientSecurityPropertiesTest {

    private static final String USER = "arn:aws:secretsmanager:us-east-1:123456789012:secret:user";
    private static final String CERT = "arn:aws:secretsmanager:us-east-1:123456789012:secret:cert";
    private static final String CA = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ca";
    private static SandboxCa ca;
    private static IssuedCertificate client;
    private final Map<String, String> secrets = new HashMap<>();
    private final ClientSecurityProperties security = new ClientSecurityProperties(arn -> {
        String json = secrets.get(arn);
        if (json == null) {
            throw new SecretNotFoundException(arn, "Secret " + arn + " is not in the local vault");
        }
        return new SecretValue(json);
    }, MskIamSettings.defaultChain());

    @BeforeAll
    static void issue() {
        ca = SandboxCa.generate("props-test");
        client = ca.issueClient("c");
    }

    private static String value(Object password) {
        return ((Password) password).value();
    }

    @Test
    void scram_putsTheCredentialsInAJaasConfigKafkaHides_escapingQuotes() {
        secrets.put(USER, "{\"username\":\"alice\",\"password\":\"p\\\"w\\\\x\"}");
        Map<String, Object> p = security.properties(new ClusterAuth.SaslScram(ClusterAuth.ScramMechanism.SHA_512, USER, null));
        assertThat(p).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .doesNotContainKey("ssl.truststore.certificates");
        assertThat(value(p.get("sasl.jaas.config"))).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"alice\" password=\"p\\\"w\\\\x\";");
        assertThat(p.toString()).doesNotContain("alice").contains("[hidden]");
    }

    @Test
    void basicAuth_isSaslPlainOverTls_trustingTheRootCa() {
        secrets.put(USER, "{\"username\":\"bob\",\"password\":\"pw\"}");
        secrets.put(CA, "{\"certificate\":" + ClusterAuthIT.json(ca.certificatePem()) + "}");
        Map<String, Object> p = security.properties(new ClusterAuth.SaslPlain(USER, CA));
        assertThat(p).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("ssl.truststore.type", "PEM");
        assertThat(value(p.get("sasl.jaas.config"))).startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required");
        assertThat(value(p.get("ssl.truststore.certificates"))).isEqualTo(ca.certificatePem());
    }

    @Test
    void mtls_usesAPemKeystore_withTheKeyPasswordOnlyForAnEncryptedKey() throws Exception {
        secrets.put(CERT, ClusterAuthIT.certificateSecret(client, client.privateKeyPem(), null));
        Map<String, Object> plain = security.properties(new ClusterAuth.MutualTls(CERT, null));
        assertThat(plain).containsEntry("security.protocol", "SSL").containsEntry("ssl.keystore.type", "PEM")
                .doesNotContainKey("ssl.key.password");
        assertThat(value(plain.get("ssl.keystore.key"))).isEqualTo(client.privateKeyPem());
        assertThat(value(plain.get("ssl.keystore.certificate.chain"))).isEqualTo(client.certificateChainPem());

        secrets.put(CERT, ClusterAuthIT.certificateSecret(client, TestKeys.pbes1(client.keyPair().getPrivate(), "kp"), "kp"));
        assertThat(value(security.properties(new ClusterAuth.MutualTls(CERT, null)).get("ssl.key.password"))).isEqualTo("kp");
    }

    @Test
    void aMissingSecret_isAConnectionError_namingTheArn() {
        assertThatThrownBy(() -> security.properties(new ClusterAuth.SaslScram(ClusterAuth.ScramMechanism.SHA_256, USER, null)))
                .isInstanceOfSatisfying(ClientSecurityException.class,
                        e -> assertThat(e.problem()).isEqualTo(ConnectionProblem.CONNECTION_ERROR))
                .hasMessageContaining(USER);
    }

    @Test
    void aSecretWithoutItsPasswordField_namesTheField() {
        secrets.put(USER, "{\"username\":\"alice\"}");
        assertThatThrownBy(() -> security.properties(new ClusterAuth.SaslScram(ClusterAuth.ScramMechanism.SHA_512, USER, null)))
                .isInstanceOfSatisfying(ClientSecurityException.class,
                        e -> assertThat(e.problem()).isEqualTo(ConnectionProblem.SASL_AUTHENTICATION_FAILED))
                .hasMessage("Secret " + USER + " used for SASL_SCRAM_512_AUTH has no \"password\" field "
                        + "(expected {\"username\":\"…\",\"password\":\"…\"})");
    }

    @Test
    void aCertificateSecretWithoutAKey_isInvalidCertificateOrKey() {
        secrets.put(CERT, "{\"certificate\":" + ClusterAuthIT.json(client.certificateChainPem()) + "}");
        assertThatThrownBy(() -> security.properties(new ClusterAuth.MutualTls(CERT, null)))
                .isInstanceOfSatisfying(ClientSecurityException.class,
                        e -> assertThat(e.problem()).isEqualTo(ConnectionProblem.INVALID_CERTIFICATE_OR_KEY))
                .hasMessageContaining("has no \"privateKey\" field");
    }

    @Test
    void mskIam_usesAwsMskIamAuth_withTheProfileWhenOneIsSet() {
        Map<String, Object> chain = ClientSecurityProperties.mskIam(MskIamSettings.defaultChain());
        assertThat(chain).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "AWS_MSK_IAM")
                .containsEntry("sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
        assertThat(value(chain.get("sasl.jaas.config"))).isEqualTo("software.amazon.msk.auth.iam.IAMLoginModule required;");
        Map<String, Object> profile = ClientSecurityProperties.mskIam(new MskIamSettings("dev-sso"));
        assertThat(value(profile.get("sasl.jaas.config")))
                .isEqualTo("software.amazon.msk.auth.iam.IAMLoginModule required awsProfileName=\"dev-sso\";");
        assertThat(security.properties(new ClusterAuth.MskIam())).isEqualTo(chain);
    }

    @Test
    void mskIamProperties_buildARealKafkaConsumer_soTheLoginModuleAndCallbackHandlerLoad() {
        Map<String, Object> p = new HashMap<>(ClientSecurityProperties.mskIam(new MskIamSettings("dev-sso")));
        p.put("bootstrap.servers", "127.0.0.1:9");
        p.put("group.id", "iam-test");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            assertThat(consumer.assignment()).isEmpty();
            consumer.close(Duration.ZERO);
        }
    }

    @Test
    void profileNamesAreChecked() {
        assertThatThrownBy(() -> new MskIamSettings("bad\" name"))
                .hasMessageContaining("AWS profile name 'bad\" name' is not valid");
    }
}
