package io.triggerlab.engine.infra.auth;

import io.triggerlab.engine.infra.cluster.BootstrapBrokers;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.InvalidParameterValueException;
import io.triggerlab.engine.controlplane.mapping.SourceAccessCheck;
import io.triggerlab.engine.controlplane.mapping.SourceAccessConfiguration;
import io.triggerlab.engine.controlplane.mapping.SourceAccessType;
import io.triggerlab.engine.infra.sandbox.SecuredSandbox;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import static io.triggerlab.engine.controlplane.mapping.SourceAccessType.BASIC_AUTH;
import static io.triggerlab.engine.controlplane.mapping.SourceAccessType.CLIENT_CERTIFICATE_TLS_AUTH;
import static io.triggerlab.engine.controlplane.mapping.SourceAccessType.SASL_SCRAM_256_AUTH;
import static io.triggerlab.engine.controlplane.mapping.SourceAccessType.SASL_SCRAM_512_AUTH;
import static io.triggerlab.engine.controlplane.mapping.SourceAccessType.SERVER_ROOT_CA_CERTIFICATE;

/**
 * Turns {@code SourceAccessConfigurations} into the {@link ClusterAuth} Lambda would use (docs/aws-behaviour.md#authentication).
 * {@code VPC_SUBNET} and {@code VPC_SECURITY_GROUP} are kept on the mapping and shown, but have no local effect:
 * TriggerLab connects from this machine's network.
 */
public final class AccessConfigurations {

    private static final Set<SourceAccessType> AUTHENTICATION =
            Set.of(BASIC_AUTH, SASL_SCRAM_256_AUTH, SASL_SCRAM_512_AUTH, CLIENT_CERTIFICATE_TLS_AUTH);

    /**
     * The combination rules as {@code MappingService} applies them at create and update: the same rules the pollers
     * apply, minus what only a running cluster can tell (whether an MSK cluster offers brokers for the method).
     */
    public static final SourceAccessCheck CHECK = AccessConfigurations::check;

    private AccessConfigurations() {
    }

    /**
     * @throws InvalidParameterValueException when AWS would refuse the mapping's SourceAccessConfigurations: two
     *                                        authentication methods on a self-managed source, a type given twice, or
     *                                        a type MSK does not offer
     */
    public static void check(EventSourceMapping mapping) {
        try {
            if (mapping.isMsk()) {
                mskMethods(mapping.sourceAccessConfigurations());
            } else {
                selfManaged(mapping.sourceAccessConfigurations());
            }
        } catch (InvalidAccessConfigurationException e) {
            throw new InvalidParameterValueException(e.getMessage());
        }
    }

    /**
     * Self-managed Kafka: at most one authentication method (SASL/PLAIN, SCRAM-256, SCRAM-512 or mTLS), optionally
     * with a server root CA; SASL always runs over TLS (AWS offers no SASL_PLAINTEXT). A root CA alone means TLS
     * without client authentication; nothing means plaintext.
     */
    public static ClusterAuth selfManaged(List<SourceAccessConfiguration> configs) {
        Map<SourceAccessType, String> byType = byType(configs);
        List<SourceAccessType> methods = byType.keySet().stream().filter(AUTHENTICATION::contains).sorted().toList();
        if (methods.size() > 1) {
            throw new InvalidAccessConfigurationException("SourceAccessConfigurations names " + methods.size()
                    + " authentication methods (" + names(methods) + "): a self-managed Kafka event source uses one. "
                    + "Keep one of them (a SERVER_ROOT_CA_CERTIFICATE may accompany it)");
        }
        String rootCa = byType.get(SERVER_ROOT_CA_CERTIFICATE);
        if (methods.isEmpty()) {
            return rootCa == null ? new ClusterAuth.Plaintext() : new ClusterAuth.Tls(rootCa);
        }
        SourceAccessType method = methods.get(0);
        String secret = byType.get(method);
        switch (method) {
            case BASIC_AUTH:
                return new ClusterAuth.SaslPlain(secret, rootCa);
            case SASL_SCRAM_256_AUTH:
                return new ClusterAuth.SaslScram(ClusterAuth.ScramMechanism.SHA_256, secret, rootCa);
            case SASL_SCRAM_512_AUTH:
                return new ClusterAuth.SaslScram(ClusterAuth.ScramMechanism.SHA_512, secret, rootCa);
            default:
                return new ClusterAuth.MutualTls(secret, rootCa);
        }
    }

    /**
     * Amazon MSK, as Lambda chooses (no fallback to a weaker method): an mTLS secret ⇒ mTLS on the TLS brokers;
     * a SCRAM secret ⇒ SASL/SCRAM-SHA-512 on the SCRAM brokers; no secret and IAM enabled ⇒ AWS_MSK_IAM; else
     * unauthenticated TLS; else plaintext. MSK has no SASL/PLAIN, no SCRAM-SHA-256 and no custom root CA.
     */
    public static MskAccess msk(List<SourceAccessConfiguration> configs, BootstrapBrokers brokers) {
        Map<SourceAccessType, String> byType = mskMethods(configs);
        if (byType.containsKey(CLIENT_CERTIFICATE_TLS_AUTH)) {
            return new MskAccess(new ClusterAuth.MutualTls(byType.get(CLIENT_CERTIFICATE_TLS_AUTH), null),
                    required(brokers.tls(), "mTLS (CLIENT_CERTIFICATE_TLS_AUTH)", "TLS brokers (port 9094)"));
        }
        if (byType.containsKey(SASL_SCRAM_512_AUTH)) {
            return new MskAccess(new ClusterAuth.SaslScram(ClusterAuth.ScramMechanism.SHA_512,
                    byType.get(SASL_SCRAM_512_AUTH), null),
                    required(brokers.saslScram(), "SASL/SCRAM (SASL_SCRAM_512_AUTH)", "SASL/SCRAM brokers (port 9096)"));
        }
        if (brokers.saslIam() != null) {
            return new MskAccess(new ClusterAuth.MskIam(), brokers.saslIam());
        }
        if (brokers.tls() != null) {
            return new MskAccess(new ClusterAuth.Tls(null), brokers.tls());
        }
        if (brokers.plaintext() != null) {
            return new MskAccess(new ClusterAuth.Plaintext(), brokers.plaintext());
        }
        throw new InvalidAccessConfigurationException("The MSK cluster offers only SASL/SCRAM brokers, but the mapping "
                + "has no SASL_SCRAM_512_AUTH secret: add one to SourceAccessConfigurations");
    }

    /**
     * The brokers and authentication every Kafka client of a mapping uses — its pollers, and whatever reads or moves its
     * group or topic for it. MSK: the method Lambda would choose and the cluster's brokers for it, as
     * {@code GetBootstrapBrokers} gives them ({@link #msk(List, KafkaCluster)}). Self-managed: the mapping's own
     * endpoints and the method its SourceAccessConfigurations name.
     *
     * @return empty when an MSK mapping's cluster is not registered (any more); the caller says what that means to it
     * @throws InvalidAccessConfigurationException when the configurations name no method the cluster offers
     */
    public static Optional<MskAccess> forMapping(EventSourceMapping mapping, ClusterRegistry clusters) {
        if (!mapping.isMsk()) {
            return Optional.of(new MskAccess(selfManaged(mapping.sourceAccessConfigurations()),
                    String.join(",", mapping.selfManagedEventSource().bootstrapServers())));
        }
        return clusters.findForEventSource(mapping.eventSourceArn())
                .map(cluster -> msk(mapping.sourceAccessConfigurations(), cluster));
    }

    /**
     * As {@link #msk(List, BootstrapBrokers)} for a registered cluster. MSK's brokers have Amazon Trust Services
     * certificates, which the JVM trusts; TriggerLab's secured sandbox stands in for them with its own CA, so for the
     * sandbox cluster alone the pollers also trust that CA (kept in the vault as
     * {@value SecuredSandbox#CA_SECRET_NAME}). No mapping can ask for this: MSK has no SERVER_ROOT_CA_CERTIFICATE.
     */
    public static MskAccess msk(List<SourceAccessConfiguration> configs, KafkaCluster cluster) {
        MskAccess access = msk(configs, cluster.bootstrapBrokers());
        if (!ClusterRegistry.SANDBOX_CLUSTER_NAME.equals(cluster.clusterName())) {
            return access;
        }
        Matcher arn = KafkaCluster.CLUSTER_ARN.matcher(cluster.clusterArn());
        if (!arn.matches()) {
            return access;
        }
        String ca = SecuredSandbox.caSecretArn(arn.group("region"), arn.group("account"));
        ClusterAuth auth = access.auth();
        ClusterAuth trusting = auth;
        if (auth instanceof ClusterAuth.Tls) {
            trusting = new ClusterAuth.Tls(ca);
        } else if (auth instanceof ClusterAuth.SaslScram scram) {
            trusting = new ClusterAuth.SaslScram(scram.mechanism(), scram.secretArn(), ca);
        } else if (auth instanceof ClusterAuth.MutualTls mtls) {
            trusting = new ClusterAuth.MutualTls(mtls.secretArn(), ca);
        }
        return new MskAccess(trusting, access.bootstrapServers());
    }

    /** The MSK entries by type, refusing duplicates and the types MSK does not offer. */
    private static Map<SourceAccessType, String> mskMethods(List<SourceAccessConfiguration> configs) {
        Map<SourceAccessType, String> byType = byType(configs);
        for (SourceAccessType refused : List.of(BASIC_AUTH, SASL_SCRAM_256_AUTH, SERVER_ROOT_CA_CERTIFICATE)) {
            if (byType.containsKey(refused)) {
                throw new InvalidAccessConfigurationException(mskRefusal(refused));
            }
        }
        return byType;
    }

    private static String required(String bootstrap, String method, String brokers) {
        if (bootstrap == null) {
            throw new InvalidAccessConfigurationException("The mapping authenticates with " + method
                    + ", but the MSK cluster has no " + brokers + ". Lambda does not fall back to a weaker method: "
                    + "enable it on the cluster (triggerlab cluster add with its bootstrap string) or change "
                    + "SourceAccessConfigurations");
        }
        return bootstrap;
    }

    private static String mskRefusal(SourceAccessType type) {
        switch (type) {
            case BASIC_AUTH:
                return "SourceAccessConfigurations type BASIC_AUTH (SASL/PLAIN) is not supported for an Amazon MSK "
                        + "event source: MSK offers SASL/SCRAM-SHA-512 (SASL_SCRAM_512_AUTH), mTLS or IAM";
            case SASL_SCRAM_256_AUTH:
                return "SourceAccessConfigurations type SASL_SCRAM_256_AUTH is not supported for an Amazon MSK event "
                        + "source: MSK's SCRAM is SCRAM-SHA-512, use SASL_SCRAM_512_AUTH";
            default:
                return "SourceAccessConfigurations type SERVER_ROOT_CA_CERTIFICATE is not supported for an Amazon MSK "
                        + "event source: MSK brokers use Amazon Trust Services certificates, no custom root CA";
        }
    }

    /** One secret per type; VPC entries are set aside (no local effect). */
    private static Map<SourceAccessType, String> byType(List<SourceAccessConfiguration> configs) {
        Map<SourceAccessType, String> byType = new EnumMap<>(SourceAccessType.class);
        if (configs == null) {
            return byType;
        }
        for (SourceAccessConfiguration sac : configs) {
            SourceAccessType type = sac.accessType();
            if (type == SourceAccessType.VPC_SUBNET || type == SourceAccessType.VPC_SECURITY_GROUP) {
                continue;
            }
            if (type == SourceAccessType.VIRTUAL_HOST) {
                throw new InvalidAccessConfigurationException("SourceAccessConfigurations type VIRTUAL_HOST is for "
                        + "Amazon MQ for RabbitMQ, not a Kafka event source");
            }
            if (byType.putIfAbsent(type, sac.uri()) != null) {
                throw new InvalidAccessConfigurationException("SourceAccessConfigurations has more than one " + type
                        + " entry: give each type at most once");
            }
        }
        return byType;
    }

    private static String names(List<SourceAccessType> types) {
        return types.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
