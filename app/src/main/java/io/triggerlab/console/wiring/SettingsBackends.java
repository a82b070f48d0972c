package io.triggerlab.console.wiring;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.triggerlab.console.settings.ClusterInUse;
import io.triggerlab.console.settings.ClustersBackend;
import io.triggerlab.console.settings.FunctionStore;
import io.triggerlab.console.settings.SecretsBackend;
import io.triggerlab.console.settings.SecretsManagerSettings;
import io.triggerlab.engine.Engine;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.cluster.MskClusterImporter;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.infra.sandbox.SecuredSandbox;
import io.triggerlab.engine.infra.secrets.AwsSettingsFile;
import io.triggerlab.engine.infra.secrets.AwsSettingsWriter;
import io.triggerlab.engine.infra.secrets.SecretMetadata;
import io.triggerlab.engine.infra.secrets.SecretValue;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Adapts the real {@link Engine} to the Settings window's ports: functions, clusters and the cluster in use, secrets. */
final class SettingsBackends {

    private SettingsBackends() {
    }

    static FunctionStore functions(Engine engine) {
        return new FunctionStore() {
            @Override
            public List<FunctionDefinition> list() {
                return engine.functions().list();
            }

            @Override
            public FunctionDefinition register(FunctionDefinition function) {
                return engine.functions().register(function);
            }

            @Override
            public FunctionDefinition update(FunctionDefinition function) {
                return engine.functions().update(function);
            }

            @Override
            public boolean remove(String name) {
                return engine.functions().remove(name);
            }

            @Override
            public String region() {
                return engine.config().region();
            }

            @Override
            public String accountId() {
                return engine.config().accountId();
            }
        };
    }

    static ClustersBackend clusters(Engine engine) {
        return new ClustersBackend() {
            @Override
            public List<KafkaCluster> list() {
                return engine.clusters().list();
            }

            @Override
            public KafkaCluster register(KafkaCluster cluster) {
                return engine.clusters().register(cluster);
            }

            @Override
            public void remove(String clusterArn) {
                removeCluster(engine, clusterArn);
            }

            @Override
            public KafkaCluster importMsk(String clusterArn, String region, String profile, URI endpoint) {
                return new MskClusterImporter(engine.clusters()).importCluster(clusterArn,
                        new MskClusterImporter.MskAccess(region, profile, endpoint));
            }

            @Override
            public String region() {
                return engine.config().region();
            }

            @Override
            public String accountId() {
                return engine.config().accountId();
            }

            @Override
            public String awsProfile() {
                return awsSettings(engine).profile();
            }

            @Override
            public ClusterInUse running() {
                return ClusterInUse.of(engine.config());
            }

            @Override
            public String createSandboxScramUser(String user, String password) {
                SecuredSandbox secured = engine.securedSandbox().orElseThrow(() -> new IllegalArgumentException(
                        "The engine runs no secured sandbox: choose \"Embedded sandbox, secured\" and restart the engine"));
                secured.upsertScramUser("SCRAM-SHA-512", user, password);
                String arn = "arn:aws:secretsmanager:" + engine.config().region() + ":" + engine.config().accountId()
                        + ":secret:" + user;
                engine.vault().put(arn, new SecretValue(JsonNodeFactory.instance.objectNode()
                        .put("username", user).put("password", password).toString()));
                return arn;
            }

            @Override
            public Optional<SecuredSandboxInfo> securedSandbox() {
                return engine.securedSandbox().map(s -> new SecuredSandboxInfo(
                        engine.clusters().list().stream()
                                .filter(c -> c.clusterName().equals(ClusterRegistry.SANDBOX_CLUSTER_NAME))
                                .map(KafkaCluster::clusterArn).findFirst().orElse(""),
                        s.bootstrapBrokers().saslScram(), s.bootstrapBrokers().tls(), s.caFile().toString(),
                        SecuredSandbox.caSecretArn(engine.config().region(), engine.config().accountId())));
            }
        };
    }

    /** As the API's DELETE does: never the sandbox, never a cluster that MSK mappings still name. */
    private static void removeCluster(Engine engine, String clusterArn) {
        KafkaCluster cluster = engine.clusters().find(clusterArn).orElseThrow(() -> new IllegalArgumentException(
                "Cluster " + clusterArn + " is not registered (any more): refresh the list"));
        if (ClusterRegistry.SANDBOX_CLUSTER_NAME.equals(cluster.clusterName())) {
            throw new IllegalArgumentException("The sandbox cluster belongs to the engine and cannot be removed: "
                    + "choose another cluster in use instead");
        }
        List<String> users = engine.mappings().all().stream()
                .filter(EventSourceMapping::isMsk)
                .filter(m -> engine.clusters().findForEventSource(m.eventSourceArn())
                        .map(c -> c.clusterArn().equals(clusterArn)).orElse(false))
                .map(EventSourceMapping::uuid)
                .toList();
        if (!users.isEmpty()) {
            throw new IllegalArgumentException("Cluster " + cluster.clusterName() + " is used by trigger(s) " + users
                    + ": delete them first");
        }
        engine.clusters().remove(clusterArn);
    }

    private static Path awsSettingsFile(Engine engine) {
        return engine.config().dataDirectory().resolve(AwsSettingsFile.NAME);
    }

    private static AwsSettingsFile awsSettings(Engine engine) {
        return AwsSettingsFile.load(awsSettingsFile(engine), engine.config().region());
    }

    static SecretsBackend secrets(Engine engine) {
        return new SecretsBackend() {
            @Override
            public List<SecretMetadata> list() {
                return engine.vault().list();
            }

            @Override
            public SecretMetadata put(String secretArn, SecretValue value) {
                return engine.vault().put(secretArn, value);
            }

            @Override
            public boolean remove(String secretArn) {
                return engine.vault().remove(secretArn);
            }

            @Override
            public SecretValue value(String secretArn) {
                return engine.vault().secretValue(secretArn);
            }

            @Override
            public String region() {
                return engine.config().region();
            }

            @Override
            public String accountId() {
                return engine.config().accountId();
            }

            @Override
            public SecretsManagerSettings secretsManager() {
                AwsSettingsFile file = awsSettings(engine);
                String region = file.secretsManager().region();
                return new SecretsManagerSettings(file.secretsManagerEnabled(), file.profile(),
                        region.equals(engine.config().region()) ? "" : region);
            }

            @Override
            public void saveSecretsManager(SecretsManagerSettings settings) {
                Map<String, String> changes = new HashMap<>();
                changes.put("secretsmanager.enabled", String.valueOf(settings.enabled()));
                changes.put("profile", settings.profile());
                changes.put("secretsmanager.region", settings.region());
                AwsSettingsWriter.update(awsSettingsFile(engine), changes);
            }
        };
    }
}
