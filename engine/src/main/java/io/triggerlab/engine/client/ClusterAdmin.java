package io.triggerlab.engine.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.kafka.common.acl.AclBinding;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.client.view.SecuredSandboxView;
import io.triggerlab.engine.controlplane.mapping.MappingService;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.infra.auth.KafkaAcls;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.sandbox.SecuredSandbox;
import io.triggerlab.engine.infra.secrets.LocalVault;
import io.triggerlab.engine.infra.secrets.SecretValue;

import java.util.List;
import java.util.Optional;

/** The cluster commands that check more than the registry does: removal guards and the secured sandbox's users. */
final class ClusterAdmin {

    private final EngineConfig config;
    private final ClusterRegistry clusters;
    private final MappingService mappings;
    private final LocalVault vault;
    private final SecuredSandbox secured;

    ClusterAdmin(EngineParts parts) {
        this.config = parts.config();
        this.clusters = parts.clusters();
        this.mappings = parts.mappings();
        this.vault = parts.vault();
        this.secured = parts.securedSandbox();
    }

    /** As the API's DELETE does: never the sandbox, never a cluster that MSK mappings still name. */
    void remove(String clusterArn) {
        KafkaCluster cluster = clusters.find(clusterArn).orElseThrow(() -> new IllegalArgumentException(
                "Cluster " + clusterArn + " is not registered (any more): refresh the list"));
        if (ClusterRegistry.SANDBOX_CLUSTER_NAME.equals(cluster.clusterName())) {
            throw new IllegalArgumentException("The sandbox cluster belongs to the engine and cannot be removed: "
                    + "choose another cluster in use instead");
        }
        List<String> users = mappings.usingCluster(clusterArn);
        if (!users.isEmpty()) {
            throw new IllegalArgumentException("Cluster " + cluster.clusterName() + " is used by trigger(s) " + users
                    + ": delete them first");
        }
        clusters.remove(clusterArn);
    }

    /** Creates (or re-keys) a SCRAM-SHA-512 user on the secured sandbox and keeps its credentials as a local secret. */
    String createSandboxScramUser(String user, String password) {
        requireSecured().upsertScramUser("SCRAM-SHA-512", user, password);
        String arn = "arn:aws:secretsmanager:" + config.region() + ":" + config.accountId() + ":secret:" + user;
        vault.put(arn, new SecretValue(JsonNodeFactory.instance.objectNode()
                .put("username", user).put("password", password).toString()));
        return arn;
    }

    /** Grants a sandbox user the ACLs a trigger's poller needs on a topic and a consumer group ({@code *} for all). */
    List<String> grantTriggerAccess(String user, String topic, String group) {
        SecuredSandbox sandbox = requireSecured();
        SecuredSandbox.requireUserName(user);
        List<AclBinding> acls = KafkaAcls.requiredFor("User:" + user, topic, group);
        sandbox.createAcls(acls);
        return KafkaAcls.describe(acls);
    }

    private SecuredSandbox requireSecured() {
        if (secured == null) {
            throw new IllegalArgumentException(
                    "The engine runs no secured sandbox: choose \"Embedded sandbox, secured\" and restart the engine");
        }
        return secured;
    }

    Optional<SecuredSandboxView> securedSandbox() {
        return Optional.ofNullable(secured).map(s -> new SecuredSandboxView(
                clusters.list().stream()
                        .filter(c -> c.clusterName().equals(ClusterRegistry.SANDBOX_CLUSTER_NAME))
                        .map(KafkaCluster::clusterArn).findFirst().orElse(""),
                s.bootstrapBrokers().saslScram(), s.bootstrapBrokers().tls(), s.caFile(),
                SecuredSandbox.caSecretArn(config.region(), config.accountId())));
    }
}
