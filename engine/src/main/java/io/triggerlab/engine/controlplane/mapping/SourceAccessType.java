package io.triggerlab.engine.controlplane.mapping;

import java.util.EnumSet;
import java.util.Set;

/** {@code SourceAccessConfiguration.Type} values, and which Kafka source kinds accept them (docs/aws-behaviour.md#authentication). */
public enum SourceAccessType {
    BASIC_AUTH, VPC_SUBNET, VPC_SECURITY_GROUP, SASL_SCRAM_512_AUTH, SASL_SCRAM_256_AUTH, VIRTUAL_HOST,
    CLIENT_CERTIFICATE_TLS_AUTH, SERVER_ROOT_CA_CERTIFICATE;

    /** MSK offers no SASL/PLAIN, no SCRAM-SHA-256 and no custom root CA; its VPC comes from the cluster. */
    public static final Set<SourceAccessType> MSK = EnumSet.of(SASL_SCRAM_512_AUTH, CLIENT_CERTIFICATE_TLS_AUTH);

    /** Everything but RabbitMQ's {@code VIRTUAL_HOST}. */
    public static final Set<SourceAccessType> SELF_MANAGED = EnumSet.complementOf(EnumSet.of(VIRTUAL_HOST));
}
