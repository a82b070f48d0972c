package io.triggerlab.engine.infra.cluster;

/**
 * A cluster's bootstrap strings per access method, like MSK's {@code GetBootstrapBrokers}
 * ({@code BootstrapBrokerString}, {@code …Tls}, {@code …SaslScram}, {@code …SaslIam}); any may be {@code null}.
 */
public record BootstrapBrokers(String plaintext, String tls, String saslScram, String saslIam) {

    public BootstrapBrokers {
        if (plaintext == null && tls == null && saslScram == null && saslIam == null) {
            throw new IllegalArgumentException("A cluster needs at least one bootstrap string (plaintext, TLS, SASL/SCRAM or IAM)");
        }
    }

    public static BootstrapBrokers plaintextOnly(String bootstrapServers) {
        return new BootstrapBrokers(bootstrapServers, null, null, null);
    }
}
