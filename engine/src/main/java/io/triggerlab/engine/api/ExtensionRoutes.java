package io.triggerlab.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * TriggerLab's own HTTP API, beside Lambda's: the things AWS keeps elsewhere (deployed functions, MSK clusters) or
 * does not have (the invocation history). JSON members are camelCase, as in TriggerLab's other JSON (the history, the
 * Kafka event); errors have the same AWS form as the Lambda API's. Routes, under {@value #PREFIX}:
 * <pre>
 * GET    functions                 {"functions":[Function...]}
 * POST   functions                 Function                      201 Function   (409 if the name is taken)
 * GET    functions/{name}          200 Function
 * PUT    functions/{name}          Function                      200 Function
 * DELETE functions/{name}          200 Function (the removed one)
 * GET    clusters                  {"clusters":[Cluster...]}
 * POST   clusters                  ClusterRegistration           201 Cluster (200 when the ARN was known: refreshed)
 * POST   clusters/import           {"clusterArn","region"?,"profile"?,"endpoint"?}  201 Cluster (a real MSK cluster,
 *                                  its brokers from MSK's GetBootstrapBrokers)
 * GET    clusters/{clusterArn}     200 Cluster                   (the ARN percent-encoded, or with its slashes as is)
 * DELETE clusters/{clusterArn}     200 Cluster (the removed one)  (400 ResourceInUseException while mappings use it)
 * GET    history?mapping=&amp;outcome=&amp;batch=&amp;before=&amp;limit=   {"invocations":[Summary...],"nextBefore":id}
 * GET    history/{id}              200 Invocation
 * </pre>
 * The bodies are described on {@link FunctionJson}, {@link ClusterRoutes} and {@link HistoryJson}.
 */
final class ExtensionRoutes {

    static final String PREFIX = "/triggerlab/v1/";

    private final FunctionRoutes functions;
    private final ClusterRoutes clusters;
    private final HistoryRoutes history;

    ExtensionRoutes(ApiContext context, ObjectMapper mapper) {
        this.functions = new FunctionRoutes(context, mapper);
        this.clusters = new ClusterRoutes(context, mapper);
        this.history = new HistoryRoutes(context.history(), mapper);
    }

    boolean handles(String rawPath) {
        return rawPath.startsWith(PREFIX);
    }

    ApiResponse handle(ApiRequest request) {
        String rest = request.rawPath().substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String collection = slash < 0 ? rest : rest.substring(0, slash);
        String rawItem = slash < 0 ? null : rest.substring(slash + 1);
        String item = rawItem == null || rawItem.isEmpty() ? null : ApiRequest.decode(rawItem);
        if (rawItem != null && !rawItem.isEmpty() && item == null) {
            throw ApiException.resourceNotFound("'" + rawItem + "' is not valid percent-encoding, so it names nothing");
        }
        return switch (collection) {
            case "functions" -> functions.handle(request, item);
            case "clusters" -> clusters.handle(request, item);
            case "history" -> history.handle(request, item);
            default -> throw ApiException.unknownOperation("No TriggerLab API at " + request.rawPath()
                    + ": the collections are " + PREFIX + "functions, " + PREFIX + "clusters and " + PREFIX + "history");
        };
    }

    /** The 405 for a method a collection or item path does not take. */
    static ApiException notAllowed(ApiRequest request, String allowed) {
        return ApiException.methodNotAllowed(request.method(), request.rawPath(), allowed);
    }
}
