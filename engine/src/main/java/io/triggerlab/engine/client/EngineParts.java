package io.triggerlab.engine.client;

import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.controlplane.awscheck.AwsCompatibilityCheck;
import io.triggerlab.engine.controlplane.mapping.MappingService;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.infra.cluster.TestRecordProducer;
import io.triggerlab.engine.infra.cluster.TopicCatalog;
import io.triggerlab.engine.infra.sandbox.SecuredSandbox;
import io.triggerlab.engine.infra.secrets.LocalVault;
import io.triggerlab.engine.infra.secrets.SecretResolver;
import io.triggerlab.engine.invoke.faults.FaultInjector;
import io.triggerlab.engine.invoke.function.FunctionRegistry;
import io.triggerlab.engine.observe.events.EngineEventBus;
import io.triggerlab.engine.observe.history.InvocationHistory;
import io.triggerlab.engine.observe.metrics.MetricsService;
import io.triggerlab.engine.runtime.PollerSupervisor;
import io.triggerlab.engine.runtime.replay.Replayer;

import java.net.URI;
import io.triggerlab.engine.observe.systemlog.SystemLogs;

import java.util.Objects;

/**
 * The running parts an {@link EngineClient} reaches, handed over once by the composition root ({@code Engine}); only
 * the client holds them, so nothing outside the engine needs a service locator.
 *
 * @param securedSandbox the secured sandbox's listeners, CA and SCRAM users, or {@code null} when none runs
 * @param schemaRegistry the sandbox's Confluent-compatible schema registry, or {@code null} when no sandbox runs
 */
public record EngineParts(EngineConfig config, EngineEventBus events, String bootstrapServers, URI apiEndpoint,
                          MappingService mappings, PollerSupervisor supervisor, FunctionRegistry functions,
                          ClusterRegistry clusters, InvocationHistory history, MetricsService metrics, Replayer replayer,
                          AwsCompatibilityCheck awsCheck, FaultInjector faults, LocalVault vault,
                          SecretResolver secrets, SecuredSandbox securedSandbox, TopicCatalog topics, TestRecordProducer producer,
                          SystemLogs systemLogs, URI schemaRegistry) {

    public EngineParts {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(apiEndpoint, "apiEndpoint");
        Objects.requireNonNull(mappings, "mappings");
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(functions, "functions");
        Objects.requireNonNull(clusters, "clusters");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(replayer, "replayer");
        Objects.requireNonNull(awsCheck, "awsCheck");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(systemLogs, "systemLogs");
    }
}
