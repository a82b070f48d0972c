package io.triggerlab.engine.controlplane.api;

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
 * POST|GET|DELETE functions/{name}/faults   fault injection ({@link FaultRoutes})
 * GET    aws-check?mapping=UUID    "Would this pass on AWS?" ({@link AwsCheckRoutes})
 * GET    clusters                  {"clusters":[Cluster...]}
 * POST   clusters                  ClusterRegistration           201 Cluster (200 when the ARN was known: refreshed)
 * POST   clusters/import           {"clusterArn","region"?,"profile"?,"endpoint"?}  201 Cluster (a real MSK cluster,
 *                                  its brokers from MSK's GetBootstrapBrokers)
 * GET    clusters/{clusterArn}     200 Cluster                   (the ARN percent-encoded, or with its slashes as is)
 * DELETE clusters/{clusterArn}     200 Cluster (the removed one)  (400 ResourceInUseException while mappings use it)
 * GET    history?mapping=&amp;outcome=&amp;batch=&amp;before=&amp;limit=   {"invocations":[Summary...],"nextBefore":id}
 * GET    history/{id}              200 Invocation
 * GET    metrics?mapping=&amp;metric=&amp;partition=&amp;from=&amp;to=&amp;resolution=   {"points":[Point...],...}
 * GET    metrics?mapping=          {"totals":{...},"latest":Sample}  (no metric: the mapping's current state)
 * GET    metrics/scaling?mapping=&amp;limit=   {"decisions":[Decision...]}
 * GET    sandbox                   the secured sandbox: brokers, CA     (see {@link SandboxRoutes})
 * POST   sandbox/users             {"name","password","mechanism"?}     201 (a SCRAM user on the secured sandbox)
 * POST   sandbox/esm-acls          {"user","topic","group"}             201 (the five ACLs Lambda needs)
 * POST   policy-check              {"mappingUuid","policy"}             200 (see {@link PolicyCheckRoutes})
 * POST   mappings/{uuid}/reset-offsets  {"to","timestamp"?}             200 (see {@link TriggerOperationRoutes})
 * GET    mappings/{uuid}/step-mode                                      200 (see {@link StepModeRoutes})
 * PUT    mappings/{uuid}/step-mode      {"enabled": true|false}         200
 * POST   mappings/{uuid}/deliver-next-batch                             200
 * GET    mappings/{uuid}/system-logs?level=&amp;after=&amp;limit=&amp;waitSeconds=   200 (see {@link SystemLogRoutes})
 * POST   history/{id}/replay       (no body)                            200 Summary of the replay
 * POST   sam/import                {"template","parameters"?,"clusters"?}  200 what was imported ({@link SamRoutes})
 * </pre>
 * The bodies are described on {@link FunctionJson}, {@link ClusterRoutes}, {@link HistoryJson}, {@link MetricsRoutes},
 * {@link SandboxRoutes} and {@link PolicyCheckRoutes}.
 */
final class ExtensionRoutes {

    static final String PREFIX = "/triggerlab/v1/";

    private final FunctionRoutes functions;
    private final ClusterRoutes clusters;
    private final HistoryRoutes history;
    private final MetricsRoutes metrics;
    private final FaultRoutes faults;
    private final AwsCheckRoutes awsCheck;
    private final SandboxRoutes sandbox;
    private final PolicyCheckRoutes policyCheck;
    private final TriggerOperationRoutes operations;
    private final SamRoutes sam;
    private final StepModeRoutes stepMode;
    private final SystemLogRoutes systemLogs;

    ExtensionRoutes(ApiContext context, ObjectMapper mapper) {
        this.functions = new FunctionRoutes(context, mapper);
        this.clusters = new ClusterRoutes(context, mapper);
        this.history = new HistoryRoutes(context, mapper);
        this.metrics = new MetricsRoutes(context, mapper);
        this.faults = new FaultRoutes(context, mapper);
        this.awsCheck = new AwsCheckRoutes(context, mapper);
        this.sandbox = new SandboxRoutes(context, mapper);
        this.policyCheck = new PolicyCheckRoutes(context, mapper);
        this.operations = new TriggerOperationRoutes(context, mapper);
        this.sam = new SamRoutes(context, mapper);
        this.stepMode = new StepModeRoutes(context, mapper);
        this.systemLogs = new SystemLogRoutes(context, mapper);
    }

    boolean handles(String rawPath) {
        return rawPath.startsWith(PREFIX);
    }

    ApiResponse handle(ApiRequest request) {
        String rest = request.rawPath().substring(PREFIX.length());
        if (TriggerOperationRoutes.handles(rest)) {
            return operations.handle(request, rest);
        }
        if (StepModeRoutes.handles(rest)) {
            return stepMode.handle(request, rest);
        }
        if (SystemLogRoutes.handles(rest)) {
            return systemLogs.handle(request, rest);
        }
        int slash = rest.indexOf('/');
        if (rest.startsWith("functions/") && FaultRoutes.handles(rest.substring(slash + 1))) {
            return faults.handle(request, rest.substring(slash + 1));
        }
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
            case "metrics" -> metrics.handle(request, item);
            case "aws-check" -> awsCheck.handle(request, item);
            case "sandbox" -> sandbox.handle(request, item);
            case "policy-check" -> policyCheck.handle(request, item);
            case "sam" -> sam.handle(request, item);
            default -> throw ApiException.unknownOperation("No TriggerLab API at " + request.rawPath()
                    + ": the collections are " + PREFIX + "functions, " + PREFIX + "clusters, " + PREFIX + "history, "
                    + PREFIX + "metrics, " + PREFIX + "aws-check, " + PREFIX + "sandbox, " + PREFIX + "policy-check and "
                    + PREFIX + "sam");
        };
    }

    /** The 405 for a method a collection or item path does not take. */
    static ApiException notAllowed(ApiRequest request, String allowed) {
        return ApiException.methodNotAllowed(request.method(), request.rawPath(), allowed);
    }
}
