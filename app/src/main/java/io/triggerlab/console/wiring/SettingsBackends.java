package io.triggerlab.console.wiring;

import io.triggerlab.console.settings.ClusterInUse;
import io.triggerlab.console.settings.ClustersBackend;
import io.triggerlab.console.settings.FunctionStore;
import io.triggerlab.console.settings.SecretsBackend;
import io.triggerlab.console.settings.SecretsManagerSettings;
import io.triggerlab.engine.client.EngineClient;
import io.triggerlab.engine.client.view.SecretsManagerView;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.secrets.SecretMetadata;
import io.triggerlab.engine.infra.secrets.SecretValue;
import io.triggerlab.engine.invoke.function.FunctionDefinition;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Adapts the running engine's {@link EngineClient} to the Settings window's ports: functions, clusters and the cluster in use, secrets. */
final class SettingsBackends {

    private SettingsBackends() {
    }

    static FunctionStore functions(EngineClient engine) {
        return new FunctionStore() {
            @Override
            public List<FunctionDefinition> list() {
                return engine.functions();
            }

            @Override
            public FunctionDefinition register(FunctionDefinition function) {
                return engine.registerFunction(function);
            }

            @Override
            public FunctionDefinition update(FunctionDefinition function) {
                return engine.updateFunction(function);
            }

            @Override
            public boolean remove(String name) {
                return engine.removeFunction(name);
            }

            @Override
            public Optional<String> runtimeProblem(FunctionDefinition function) {
                return engine.runtimeProblem(function);
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

    static ClustersBackend clusters(EngineClient engine) {
        return new ClustersBackend() {
            @Override
            public List<KafkaCluster> list() {
                return engine.clusters();
            }

            @Override
            public KafkaCluster register(KafkaCluster cluster) {
                return engine.registerCluster(cluster);
            }

            @Override
            public void remove(String clusterArn) {
                engine.removeCluster(clusterArn);
            }

            @Override
            public KafkaCluster importMsk(String clusterArn, String region, String profile, URI endpoint) {
                return engine.importMskCluster(clusterArn, region, profile, endpoint);
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
                return engine.awsProfile();
            }

            @Override
            public ClusterInUse running() {
                return ClusterInUse.of(engine.config());
            }

            @Override
            public String createSandboxScramUser(String user, String password) {
                return engine.createSandboxScramUser(user, password);
            }

            @Override
            public Optional<String> sandboxSchemaRegistry() {
                return engine.schemaRecords().sandboxRegistry().map(Object::toString);
            }

            @Override
            public Optional<SecuredSandboxInfo> securedSandbox() {
                return engine.securedSandbox().map(s -> new SecuredSandboxInfo(s.clusterArn(), s.saslScram(), s.tls(),
                        s.caFile().toString(), s.caSecretArn()));
            }
        };
    }

    static SecretsBackend secrets(EngineClient engine) {
        return new SecretsBackend() {
            @Override
            public List<SecretMetadata> list() {
                return engine.secrets();
            }

            @Override
            public SecretMetadata put(String secretArn, SecretValue value) {
                return engine.putSecret(secretArn, value);
            }

            @Override
            public boolean remove(String secretArn) {
                return engine.removeSecret(secretArn);
            }

            @Override
            public SecretValue value(String secretArn) {
                return engine.secretValue(secretArn);
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
                SecretsManagerView view = engine.secretsManager();
                return new SecretsManagerSettings(view.enabled(), view.profile(), view.region());
            }

            @Override
            public void saveSecretsManager(SecretsManagerSettings settings) {
                engine.saveSecretsManager(new SecretsManagerView(settings.enabled(), settings.profile(),
                        settings.region()));
            }
        };
    }
}
