package io.triggerlab.engine.api;

import io.triggerlab.engine.cluster.ClusterRegistry;
import io.triggerlab.engine.function.FunctionRegistry;
import io.triggerlab.engine.history.InvocationHistory;
import io.triggerlab.engine.mapping.MappingService;

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
 */
public record ApiContext(MappingService mappings, FunctionRegistry functions, ClusterRegistry clusters,
                         InvocationHistory history, Clock clock, String region, String accountId) {

    public ApiContext {
        Objects.requireNonNull(mappings, "mappings");
        Objects.requireNonNull(functions, "functions");
        Objects.requireNonNull(clusters, "clusters");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
    }
}
