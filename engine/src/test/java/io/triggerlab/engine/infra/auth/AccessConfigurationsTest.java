package io.triggerlab.engine.infra.auth;

import io.triggerlab.engine.infra.cluster.BootstrapBrokers;
import io.triggerlab.engine.controlplane.mapping.SourceAccessConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessConfigurationsTest {

    private static final String SCRAM = "arn:aws:secretsmanager:us-east-1:123456789012:secret:scram";
    private static final String CERT = "arn:aws:secretsmanager:us-east-1:123456789012:secret:cert";
    private static final String CA = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ca";
    private static final BootstrapBrokers ALL_MSK = new BootstrapBrokers("b-1:9092", "b-1:9094", "b-1:9096", "b-1:9098");

    private static SourceAccessConfiguration sac(String type, String uri) {
        return new SourceAccessConfiguration(type, uri);
    }

    @Test
    void selfManaged_mapsEachTypeToItsMethod_withTheRootCa() {
        assertThat(AccessConfigurations.selfManaged(List.of())).isEqualTo(new ClusterAuth.Plaintext());
        assertThat(AccessConfigurations.selfManaged(List.of(sac("SERVER_ROOT_CA_CERTIFICATE", CA))))
                .isEqualTo(new ClusterAuth.Tls(CA));
        assertThat(AccessConfigurations.selfManaged(List.of(sac("BASIC_AUTH", SCRAM), sac("SERVER_ROOT_CA_CERTIFICATE", CA))))
                .isEqualTo(new ClusterAuth.SaslPlain(SCRAM, CA));
        assertThat(AccessConfigurations.selfManaged(List.of(sac("SASL_SCRAM_256_AUTH", SCRAM))))
                .isEqualTo(new ClusterAuth.SaslScram(ClusterAuth.ScramMechanism.SHA_256, SCRAM, null));
        assertThat(AccessConfigurations.selfManaged(List.of(sac("SASL_SCRAM_512_AUTH", SCRAM))))
                .isEqualTo(new ClusterAuth.SaslScram(ClusterAuth.ScramMechanism.SHA_512, SCRAM, null));
        assertThat(AccessConfigurations.selfManaged(List.of(sac("CLIENT_CERTIFICATE_TLS_AUTH", CERT))))
                .isEqualTo(new ClusterAuth.MutualTls(CERT, null));
    }

    @Test
    void selfManaged_keepsVpcEntries_withoutLocalEffect() {
        assertThat(AccessConfigurations.selfManaged(List.of(sac("VPC_SUBNET", "subnet:subnet-1"),
                sac("VPC_SECURITY_GROUP", "security_group:sg-1"), sac("SASL_SCRAM_512_AUTH", SCRAM))))
                .isEqualTo(new ClusterAuth.SaslScram(ClusterAuth.ScramMechanism.SHA_512, SCRAM, null));
    }

    @Test
    void selfManaged_refusesTwoAuthenticationMethods() {
        assertThatThrownBy(() -> AccessConfigurations.selfManaged(List.of(sac("SASL_SCRAM_512_AUTH", SCRAM),
                sac("CLIENT_CERTIFICATE_TLS_AUTH", CERT))))
                .isInstanceOf(InvalidAccessConfigurationException.class)
                .hasMessageContaining("2 authentication methods (SASL_SCRAM_512_AUTH, CLIENT_CERTIFICATE_TLS_AUTH)");
    }

    @Test
    void refusesTheSameTypeTwice() {
        assertThatThrownBy(() -> AccessConfigurations.selfManaged(List.of(sac("SERVER_ROOT_CA_CERTIFICATE", CA),
                sac("SERVER_ROOT_CA_CERTIFICATE", CA))))
                .hasMessageContaining("more than one SERVER_ROOT_CA_CERTIFICATE entry");
    }

    @Test
    void msk_prefersMtls_overScram_overIam_overTls_overPlaintext_withTheMatchingBrokers() {
        assertThat(AccessConfigurations.msk(List.of(sac("SASL_SCRAM_512_AUTH", SCRAM), sac("CLIENT_CERTIFICATE_TLS_AUTH", CERT)), ALL_MSK))
                .isEqualTo(new MskAccess(new ClusterAuth.MutualTls(CERT, null), "b-1:9094"));
        assertThat(AccessConfigurations.msk(List.of(sac("SASL_SCRAM_512_AUTH", SCRAM)), ALL_MSK))
                .isEqualTo(new MskAccess(new ClusterAuth.SaslScram(ClusterAuth.ScramMechanism.SHA_512, SCRAM, null), "b-1:9096"));
        assertThat(AccessConfigurations.msk(List.of(), ALL_MSK))
                .isEqualTo(new MskAccess(new ClusterAuth.MskIam(), "b-1:9098"));
        assertThat(AccessConfigurations.msk(List.of(), new BootstrapBrokers("b-1:9092", "b-1:9094", null, null)))
                .isEqualTo(new MskAccess(new ClusterAuth.Tls(null), "b-1:9094"));
        assertThat(AccessConfigurations.msk(List.of(), BootstrapBrokers.plaintextOnly("b-1:9092")))
                .isEqualTo(new MskAccess(new ClusterAuth.Plaintext(), "b-1:9092"));
    }

    @Test
    void msk_neverFallsBackToAWeakerMethod_whenTheClusterLacksTheChosenOne() {
        assertThatThrownBy(() -> AccessConfigurations.msk(List.of(sac("SASL_SCRAM_512_AUTH", SCRAM)),
                new BootstrapBrokers("b-1:9092", "b-1:9094", null, "b-1:9098")))
                .isInstanceOf(InvalidAccessConfigurationException.class)
                .hasMessageContaining("no SASL/SCRAM brokers (port 9096)")
                .hasMessageContaining("does not fall back");
        assertThatThrownBy(() -> AccessConfigurations.msk(List.of(sac("CLIENT_CERTIFICATE_TLS_AUTH", CERT)),
                BootstrapBrokers.plaintextOnly("b-1:9092")))
                .hasMessageContaining("no TLS brokers (port 9094)");
    }

    @Test
    void msk_refusesPlainScram256AndACustomRootCa() {
        assertThatThrownBy(() -> AccessConfigurations.msk(List.of(sac("BASIC_AUTH", SCRAM)), ALL_MSK))
                .hasMessageContaining("BASIC_AUTH (SASL/PLAIN) is not supported for an Amazon MSK");
        assertThatThrownBy(() -> AccessConfigurations.msk(List.of(sac("SASL_SCRAM_256_AUTH", SCRAM)), ALL_MSK))
                .hasMessageContaining("use SASL_SCRAM_512_AUTH");
        assertThatThrownBy(() -> AccessConfigurations.msk(List.of(sac("CLIENT_CERTIFICATE_TLS_AUTH", CERT),
                sac("SERVER_ROOT_CA_CERTIFICATE", CA)), ALL_MSK))
                .hasMessageContaining("no custom root CA");
    }

    @Test
    void msk_withOnlyScramBrokers_needsAScramSecret() {
        assertThatThrownBy(() -> AccessConfigurations.msk(List.of(), new BootstrapBrokers(null, null, "b-1:9096", null)))
                .hasMessageContaining("has no SASL_SCRAM_512_AUTH secret");
    }
}
