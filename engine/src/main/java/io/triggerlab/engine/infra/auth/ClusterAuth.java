package io.triggerlab.engine.infra.auth;

import org.apache.kafka.common.security.auth.SecurityProtocol;

import java.util.Objects;

/**
 * How a mapping's pollers authenticate to its cluster, decided from its {@code SourceAccessConfigurations} (and, for
 * MSK, what the cluster offers) by {@link AccessConfigurations}. Holds secret ARNs, never secret values, so it may be
 * logged and kept in configuration.
 */
public sealed interface ClusterAuth {

    /** What the Kafka client speaks. */
    SecurityProtocol securityProtocol();

    /** One line for logs and the console, e.g. {@code SASL/SCRAM-SHA-512 over TLS}. */
    String description();

    /** Unauthenticated, unencrypted. */
    record Plaintext() implements ClusterAuth {
        @Override public SecurityProtocol securityProtocol() { return SecurityProtocol.PLAINTEXT; }
        @Override public String description() { return "plaintext, unauthenticated"; }
    }

    /**
     * Unauthenticated TLS (MSK port 9094 without a client certificate; self-managed with only a root CA).
     *
     * @param rootCaSecretArn a {@code SERVER_ROOT_CA_CERTIFICATE} secret, or {@code null} for the JVM's trusted CAs
     */
    record Tls(String rootCaSecretArn) implements ClusterAuth {
        @Override public SecurityProtocol securityProtocol() { return SecurityProtocol.SSL; }
        @Override public String description() { return "TLS, unauthenticated" + rootCa(rootCaSecretArn); }
    }

    /** SASL/SCRAM over TLS: {@code SASL_SCRAM_512_AUTH} or {@code SASL_SCRAM_256_AUTH}. */
    record SaslScram(ScramMechanism mechanism, String secretArn, String rootCaSecretArn) implements ClusterAuth {
        public SaslScram {
            Objects.requireNonNull(mechanism, "mechanism");
            Objects.requireNonNull(secretArn, "secretArn");
        }
        @Override public SecurityProtocol securityProtocol() { return SecurityProtocol.SASL_SSL; }
        @Override public String description() {
            return "SASL/" + mechanism.kafkaName() + " over TLS (secret " + secretArn + ")" + rootCa(rootCaSecretArn);
        }
    }

    /** SASL/PLAIN over TLS: {@code BASIC_AUTH} (self-managed only). */
    record SaslPlain(String secretArn, String rootCaSecretArn) implements ClusterAuth {
        public SaslPlain {
            Objects.requireNonNull(secretArn, "secretArn");
        }
        @Override public SecurityProtocol securityProtocol() { return SecurityProtocol.SASL_SSL; }
        @Override public String description() {
            return "SASL/PLAIN over TLS (secret " + secretArn + ")" + rootCa(rootCaSecretArn);
        }
    }

    /** mTLS: {@code CLIENT_CERTIFICATE_TLS_AUTH}. */
    record MutualTls(String secretArn, String rootCaSecretArn) implements ClusterAuth {
        public MutualTls {
            Objects.requireNonNull(secretArn, "secretArn");
        }
        @Override public SecurityProtocol securityProtocol() { return SecurityProtocol.SSL; }
        @Override public String description() {
            return "mTLS with the client certificate in secret " + secretArn + rootCa(rootCaSecretArn);
        }
    }

    /** MSK IAM access control: SASL mechanism {@code AWS_MSK_IAM} through aws-msk-iam-auth. */
    record MskIam() implements ClusterAuth {
        @Override public SecurityProtocol securityProtocol() { return SecurityProtocol.SASL_SSL; }
        @Override public String description() { return "SASL/AWS_MSK_IAM (IAM access control)"; }
    }

    /** The two SCRAM mechanisms and their Kafka names. */
    enum ScramMechanism {
        SHA_512("SCRAM-SHA-512"), SHA_256("SCRAM-SHA-256");

        private final String kafkaName;

        ScramMechanism(String kafkaName) {
            this.kafkaName = kafkaName;
        }

        public String kafkaName() {
            return kafkaName;
        }
    }

    private static String rootCa(String arn) {
        return arn == null ? "" : ", server root CA from secret " + arn;
    }
}
