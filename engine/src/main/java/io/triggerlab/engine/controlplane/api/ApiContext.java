package io.triggerlab.engine.controlplane.api;

import io.triggerlab.engine.controlplane.awscheck.AwsCompatibilityCheck;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.invoke.faults.FaultInjector;
import io.triggerlab.engine.invoke.function.FunctionRegistry;
import io.triggerlab.engine.observe.history.InvocationHistory;
import io.triggerlab.engine.controlplane.mapping.MappingService;
import io.triggerlab.engine.observe.metrics.MetricsService;
import io.triggerlab.engine.runtime.replay.Replayer;
import io.triggerlab.engine.infra.sandbox.SecuredSandbox;

import io.triggerlab.engine.runtime.step.StepMode;
import io.triggerlab.engine.observe.systemlog.SystemLogs;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;

/**
 * What the HTTP API serves: the engine's collaborators, built by the composition root.
 *
 * @param mappings  the event source mapping control plane
 * @param functions the local function registry (extension API)
 * @param clusters  the MSK-style cluster registry (extension API)
 * @param history   the invocation history (extension API)
 * @param clock     "now", for registrations
 * @param region    the region of ARNs the API creates (functions registered without one, generated cluster ARNs)
 * @param accountId the account of those ARNs
 * @param metrics   the mappings' metrics and scaling decisions (extension API), or null when the server runs without
 *                  them (its metrics routes then answer 404)
 * @param faults    the engine's fault injection (extension API, {@code functions/{name}/faults})
 * @param awsCheck  "Would this pass on AWS?" (extension API, {@code aws-check}), or null when the server runs without
 *                  it (the route then answers 404)
 * @param securedSandbox the secured sandbox (SCRAM users, ACLs, CA), or {@code null} when the engine runs none
 * @param systemLogs the mappings' system logs ({@code mappings/{uuid}/system-logs}), or null when the server runs
 *                  without them (the route then answers 404)
 * @param replayer  replays stored invocations ({@code history/{id}/replay}), or null when the server runs without
 *                  it (the route then answers 404)
 * @param schemaRegistry the sandbox's schema registry URL ({@code sandbox}), or null when the engine runs no sandbox
 */
public record ApiContext(MappingService mappings, FunctionRegistry functions, ClusterRegistry clusters,
                         InvocationHistory history, Clock clock, String region, String accountId,
                         MetricsService metrics, FaultInjector faults, AwsCompatibilityCheck awsCheck,
                         SecuredSandbox securedSandbox, Replayer replayer, StepMode stepMode,
                         SystemLogs systemLogs, URI schemaRegistry) {

    /** A context without the sandbox's schema registry ({@code sandbox} then names none). */
    public ApiContext(MappingService mappings, FunctionRegistry functions, ClusterRegistry clusters,
                      InvocationHistory history, Clock clock, String region, String accountId,
                      MetricsService metrics, FaultInjector faults, AwsCompatibilityCheck awsCheck,
                      SecuredSandbox securedSandbox, Replayer replayer, StepMode stepMode, SystemLogs systemLogs) {
        this(mappings, functions, clusters, history, clock, region, accountId, metrics, faults, awsCheck,
                securedSandbox, replayer, stepMode, systemLogs, null);
    }

    /** A context without system logs (their route answers 404). */
    public ApiContext(MappingService mappings, FunctionRegistry functions, ClusterRegistry clusters,
                      InvocationHistory history, Clock clock, String region, String accountId,
                      MetricsService metrics, FaultInjector faults, AwsCompatibilityCheck awsCheck,
                      SecuredSandbox securedSandbox, Replayer replayer, StepMode stepMode) {
        this(mappings, functions, clusters, history, clock, region, accountId, metrics, faults, awsCheck,
                securedSandbox, replayer, stepMode, null);
    }

    /** A context whose step mode reaches no poller. */
    public ApiContext(MappingService mappings, FunctionRegistry functions, ClusterRegistry clusters,
                      InvocationHistory history, Clock clock, String region, String accountId,
                      MetricsService metrics, FaultInjector faults, AwsCompatibilityCheck awsCheck,
                      SecuredSandbox securedSandbox, Replayer replayer) {
        this(mappings, functions, clusters, history, clock, region, accountId, metrics, faults, awsCheck,
                securedSandbox, replayer, new StepMode());
    }

    /** A context without replays. */
    public ApiContext(MappingService mappings, FunctionRegistry functions, ClusterRegistry clusters,
                      InvocationHistory history, Clock clock, String region, String accountId,
                      MetricsService metrics, FaultInjector faults, AwsCompatibilityCheck awsCheck,
                      SecuredSandbox securedSandbox) {
        this(mappings, functions, clusters, history, clock, region, accountId, metrics, faults, awsCheck,
                securedSandbox, null);
    }

    /** A context with metrics and a fault injector of its own (faults armed through it reach no poller). */
    public ApiContext(MappingService mappings, FunctionRegistry functions, ClusterRegistry clusters,
                      InvocationHistory history, Clock clock, String region, String accountId,
                      MetricsService metrics) {
        this(mappings, functions, clusters, history, clock, region, accountId, metrics, new FaultInjector(), null, null);
    }

    /** A context without metrics. */
    public ApiContext(MappingService mappings, FunctionRegistry functions, ClusterRegistry clusters,
                      InvocationHistory history, Clock clock, String region, String accountId) {
        this(mappings, functions, clusters, history, clock, region, accountId, (MetricsService) null);
    }

    public ApiContext {
        Objects.requireNonNull(mappings, "mappings");
        Objects.requireNonNull(functions, "functions");
        Objects.requireNonNull(clusters, "clusters");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(faults, "faults");
    }
}
