package io.triggerlab.console.wizard;

import io.triggerlab.engine.controlplane.mapping.SourceAccessType;

import java.util.Arrays;
import java.util.List;

/**
 * The ways a Kafka trigger authenticates, as AWS offers them per source: MSK takes IAM (no secret), SASL/SCRAM-512 or
 * mTLS; self-managed Kafka takes SASL/SCRAM-512, SASL/SCRAM-256, SASL/PLAIN (BASIC_AUTH) or mTLS, optionally with a
 * server root CA.
 */
public enum AuthMethod {
    NONE("None (unauthenticated)", null, true, true,
            "No secret: a PLAINTEXT listener, or TLS without client authentication. Sends no "
                    + "SourceAccessConfigurations (self-managed: add a server root CA for TLS)."),
    IAM("IAM (the function's execution role)", null, true, false,
            "No secret: Lambda signs in with the function's execution role (kafka-cluster:Connect and friends). Sends "
                    + "no SourceAccessConfigurations."),
    SASL_SCRAM_512("SASL/SCRAM-512", SourceAccessType.SASL_SCRAM_512_AUTH, true, true,
            "A username/password secret. Always over TLS."),
    SASL_SCRAM_256("SASL/SCRAM-256", SourceAccessType.SASL_SCRAM_256_AUTH, false, true,
            "A username/password secret. Always over TLS."),
    BASIC_AUTH("SASL/PLAIN (BASIC_AUTH)", SourceAccessType.BASIC_AUTH, false, true,
            "A username/password secret. Always over TLS."),
    MTLS("Client certificate (mTLS)", SourceAccessType.CLIENT_CERTIFICATE_TLS_AUTH, true, true,
            "A certificate secret: certificate chain and private key (PEM).");

    private final String label;
    private final SourceAccessType type;
    private final boolean msk;
    private final boolean selfManaged;
    private final String description;

    AuthMethod(String label, SourceAccessType type, boolean msk, boolean selfManaged, String description) {
        this.label = label;
        this.type = type;
        this.msk = msk;
        this.selfManaged = selfManaged;
        this.description = description;
    }

    /** The methods AWS allows for this kind of source, in the Lambda console's order. */
    public static List<AuthMethod> forType(TriggerType trigger) {
        return Arrays.stream(values()).filter(m -> trigger == TriggerType.MSK ? m.msk : m.selfManaged).toList();
    }

    /** The method of an existing trigger's SourceAccessConfigurations. */
    public static AuthMethod of(SourceAccessType type, boolean msk) {
        for (AuthMethod m : values()) {
            if (m.type != null && m.type == type) {
                return m;
            }
        }
        return msk ? IAM : NONE;
    }

    public String label() {
        return label;
    }

    /** The SourceAccessConfiguration type, or null when the method sends none. */
    public SourceAccessType type() {
        return type;
    }

    public boolean needsSecret() {
        return type != null;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return label;
    }
}
