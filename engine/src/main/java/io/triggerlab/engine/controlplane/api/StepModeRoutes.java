package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.runtime.step.StepMode;

import java.util.List;

/**
 * Step mode, a TriggerLab extra (Lambda has none): {@code GET|PUT mappings/{uuid}/step-mode} reads or switches it,
 * {@code POST mappings/{uuid}/deliver-next-batch} lets the trigger's next batch go. Answers
 * {@code {"uuid","enabled","batchWaiting","deliveriesGranted"}}.
 */
final class StepModeRoutes extends ExtensionRoute {

    private static final String STEP_MODE = "/step-mode";
    private static final String DELIVER_NEXT = "/deliver-next-batch";

    StepModeRoutes(ApiContext context, ObjectMapper mapper) {
        super(context, mapper);
    }

    static boolean handles(String rest) {
        return rest.startsWith("mappings/") && (rest.endsWith(STEP_MODE) || rest.endsWith(DELIVER_NEXT));
    }

    @Override
    ApiResponse handle(ApiRequest request, String rest) {
        boolean deliver = rest.endsWith(DELIVER_NEXT);
        String uuid = ApiRequest.decode(rest.substring("mappings/".length(),
                rest.length() - (deliver ? DELIVER_NEXT : STEP_MODE).length()));
        context.mappings().get(uuid); // 404 for an unknown trigger
        if (deliver) {
            requireMethod(request, "POST");
            try {
                return ApiResponse.ok(write(context.stepMode().deliverNext(uuid)));
            } catch (IllegalStateException e) {
                throw ApiException.invalidParameter(e.getMessage());
            }
        }
        return switch (request.method()) {
            case "GET" -> ApiResponse.ok(write(context.stepMode().status(uuid)));
            case "PUT" -> ApiResponse.ok(write(context.stepMode().set(uuid, enabled(request))));
            default -> throw ExtensionRoutes.notAllowed(request, "GET or PUT");
        };
    }

    private boolean enabled(ApiRequest request) {
        JsonFields body = body(request);
        Boolean enabled = body.bool("enabled");
        List<String> unread = body.unread();
        if (enabled == null || !unread.isEmpty()) {
            throw ApiException.invalidParameter("Send {\"enabled\": true} to hold each batch for deliver-next-batch, "
                    + "or {\"enabled\": false} to let the trigger run on");
        }
        return enabled;
    }

    private ObjectNode write(StepMode.Status status) {
        return mapper.createObjectNode()
                .put("uuid", status.mappingUuid())
                .put("enabled", status.enabled())
                .put("batchWaiting", status.batchWaiting())
                .put("deliveriesGranted", status.deliveriesGranted());
    }
}
