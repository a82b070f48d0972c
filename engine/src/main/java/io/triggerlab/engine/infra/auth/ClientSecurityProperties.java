package io.triggerlab.engine.infra.auth;

import io.triggerlab.engine.infra.secrets.InvalidSecretException;
import io.triggerlab.engine.infra.secrets.SecretAccessException;
import io.triggerlab.engine.infra.secrets.SecretNotFoundException;
import io.triggerlab.engine.infra.secrets.SecretProvider;
import io.triggerlab.engine.infra.secrets.SecretShapes;
import io.triggerlab.engine.infra.secrets.SecretValue;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.types.Password;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The kafka-clients security properties for a {@link ClusterAuth}, with secrets read from the {@link SecretProvider}
 * at the moment the client is made. Secret material goes in as Kafka {@link Password} values, which Kafka prints as
 * {@code [hidden]} and so does any {@code toString} of the map.
 */
public final class ClientSecurityProperties {

    /**
     * The property under which {@code PollerConfigs} hands a mapping's {@link ClusterAuth} to the consumer factory.
     * It never reaches Kafka: {@link SecuredConsumerFactory} replaces it with the real properties.
     */
    public static final String CLUSTER_AUTH_PROPERTY = "triggerlab.cluster.auth";

    static final String IAM_LOGIN_MODULE = "software.amazon.msk.auth.iam.IAMLoginModule";
    static final String IAM_CALLBACK_HANDLER = "software.amazon.msk.auth.iam.IAMClientCallbackHandler";

    private final SecretProvider secrets;
    private final MskIamSettings iam;

    public ClientSecurityProperties(SecretProvider secrets, MskIamSettings iam) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.iam = Objects.requireNonNull(iam, "iam");
    }

    /**
     * @throws ClientSecurityException when a secret is missing, malformed or holds invalid material; its
     *                                 {@link ClientSecurityException#problem() problem} is what AWS would report
     */
    public Map<String, Object> properties(ClusterAuth auth) {
        Map<String, Object> p = new HashMap<>();
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, auth.securityProtocol().name);
        if (auth instanceof ClusterAuth.Tls tls) {
            trust(p, tls.rootCaSecretArn());
        } else if (auth instanceof ClusterAuth.SaslScram scram) {
            var credentials = usernamePassword(scram.secretArn(), scram.mechanism() == ClusterAuth.ScramMechanism.SHA_512
                    ? "SASL_SCRAM_512_AUTH" : "SASL_SCRAM_256_AUTH");
            p.put(SaslConfigs.SASL_MECHANISM, scram.mechanism().kafkaName());
            p.put(SaslConfigs.SASL_JAAS_CONFIG, jaas("org.apache.kafka.common.security.scram.ScramLoginModule",
                    credentials));
            trust(p, scram.rootCaSecretArn());
        } else if (auth instanceof ClusterAuth.SaslPlain plain) {
            var credentials = usernamePassword(plain.secretArn(), "BASIC_AUTH");
            p.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
            p.put(SaslConfigs.SASL_JAAS_CONFIG, jaas("org.apache.kafka.common.security.plain.PlainLoginModule",
                    credentials));
            trust(p, plain.rootCaSecretArn());
        } else if (auth instanceof ClusterAuth.MutualTls mtls) {
            clientCertificate(p, mtls.secretArn());
            trust(p, mtls.rootCaSecretArn());
        } else if (auth instanceof ClusterAuth.MskIam) {
            p.putAll(mskIam(iam));
        }
        return p;
    }

    /** SASL mechanism AWS_MSK_IAM through aws-msk-iam-auth; a profile goes into the login module's options. */
    public static Map<String, Object> mskIam(MskIamSettings settings) {
        Map<String, Object> p = new HashMap<>();
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        p.put(SaslConfigs.SASL_MECHANISM, "AWS_MSK_IAM");
        p.put(SaslConfigs.SASL_JAAS_CONFIG, new Password(IAM_LOGIN_MODULE + " required"
                + (settings.profileName() == null ? "" : " awsProfileName=\"" + settings.profileName() + "\"") + ";"));
        p.put(SaslConfigs.SASL_CLIENT_CALLBACK_HANDLER_CLASS, IAM_CALLBACK_HANDLER);
        return p;
    }

    private SecretShapes.UsernamePassword usernamePassword(String arn, String use) {
        SecretValue value = read(arn);
        try {
            return SecretShapes.usernamePassword(arn, value, use);
        } catch (InvalidSecretException e) {
            throw new ClientSecurityException(ConnectionProblem.SASL_AUTHENTICATION_FAILED, e.getMessage(), e);
        }
    }

    private void clientCertificate(Map<String, Object> p, String arn) {
        SecretValue value = read(arn);
        SecretShapes.ClientCertificate cert;
        try {
            cert = SecretShapes.clientCertificate(arn, value);
        } catch (InvalidSecretException e) {
            throw new ClientSecurityException(ConnectionProblem.INVALID_CERTIFICATE_OR_KEY, e.getMessage(), e);
        }
        PemMaterial.requireCertificates(cert.certificate(), "Field \"certificate\" of secret " + arn);
        PemMaterial.KeyEncryption encryption = PemMaterial.requirePrivateKey(cert.privateKey(),
                cert.privateKeyPassword(), "Field \"privateKey\" of secret " + arn);
        p.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PEM");
        p.put(SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG, new Password(cert.certificate()));
        p.put(SslConfigs.SSL_KEYSTORE_KEY_CONFIG, new Password(cert.privateKey()));
        if (encryption == PemMaterial.KeyEncryption.PBES1) {
            // kafka-clients decrypts PBES1 keys itself (the same JDK route PemMaterial just checked).
            p.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, new Password(cert.privateKeyPassword()));
        }
    }

    /** A root CA secret becomes a PEM truststore; without one the JVM's trusted CAs apply, as for public CAs. */
    private void trust(Map<String, Object> p, String rootCaArn) {
        if (rootCaArn == null) {
            return;
        }
        SecretValue value = read(rootCaArn);
        String certificate;
        try {
            certificate = SecretShapes.rootCertificate(rootCaArn, value);
        } catch (InvalidSecretException e) {
            throw new ClientSecurityException(ConnectionProblem.INVALID_CERTIFICATE_OR_KEY, e.getMessage(), e);
        }
        PemMaterial.requireCertificates(certificate, "Field \"certificate\" of secret " + rootCaArn);
        p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
        p.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, new Password(certificate));
    }

    /** A secret that cannot be had is reported like the failure it causes; the message says what to fix. */
    private SecretValue read(String arn) {
        try {
            return secrets.secretValue(arn);
        } catch (SecretNotFoundException | SecretAccessException e) {
            throw new ClientSecurityException(ConnectionProblem.CONNECTION_ERROR, e.getMessage(), e);
        }
    }

    private static Password jaas(String loginModule, SecretShapes.UsernamePassword credentials) {
        return new Password(loginModule + " required username=\"" + quote(credentials.username())
                + "\" password=\"" + quote(credentials.password()) + "\";");
    }

    /** Kafka's JAAS parser reads {@code \"} and {@code \\} inside quoted values. */
    static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
