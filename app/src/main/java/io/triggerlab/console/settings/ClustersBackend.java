package io.triggerlab.console.settings;

import io.triggerlab.engine.infra.cluster.KafkaCluster;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** The engine's cluster registry as Settings › Clusters uses it. Every call may block (database, network). */
public interface ClustersBackend {

    /** The registered clusters, in the registry's order. */
    List<KafkaCluster> list();

    /** Registers (or refreshes) a cluster by ARN. */
    KafkaCluster register(KafkaCluster cluster);

    /**
     * Removes a cluster.
     *
     * @throws IllegalArgumentException for the sandbox, or a cluster that mappings still name
     */
    void remove(String clusterArn);

    /**
     * Asks Amazon MSK for the cluster's bootstrap brokers and registers it.
     *
     * @param endpoint an MSK endpoint override (LocalStack and the like), or {@code null} for AWS
     * @throws IllegalArgumentException with a message for a person: no credentials, MSK refused, unreachable
     */
    KafkaCluster importMsk(String clusterArn, String region, String profile, URI endpoint);

    /** The engine's region and account, for the ARN of a cluster registered by name. */
    String region();

    String accountId();

    /** The AWS profile aws.properties names, or {@code null} for the default credentials chain. */
    String awsProfile();

    /** The cluster the running engine uses. */
    ClusterInUse running();

    /**
     * Creates (or replaces) a SCRAM-SHA-512 user on the running secured sandbox and stores the same user as a
     * {@code {"username","password"}} secret in the local vault, ready for SASL_SCRAM_512_AUTH.
     *
     * @return the secret's ARN
     * @throws IllegalArgumentException for a bad user name or password, or when no secured sandbox runs
     */
    String createSandboxScramUser(String user, String password);

    /** The sandbox's Confluent-compatible schema registry URL, when the engine runs the sandbox. */
    default Optional<String> sandboxSchemaRegistry() {
        return Optional.empty();
    }

    /** The secured sandbox's addresses and CA, when the engine runs one. */
    Optional<SecuredSandboxInfo> securedSandbox();

    /**
     * What Settings shows about a running secured sandbox.
     *
     * @param clusterArn the sandbox's MSK cluster ARN
     * @param saslScram  SASL/SCRAM (SASL_SSL) bootstrap brokers
     * @param tls        TLS bootstrap brokers (mTLS too)
     * @param caFile     the CA certificate's file, for clients' truststores
     * @param caSecretArn the vault secret holding the CA, for SERVER_ROOT_CA_CERTIFICATE
     */
    record SecuredSandboxInfo(String clusterArn, String saslScram, String tls, String caFile, String caSecretArn) {
    }
}
