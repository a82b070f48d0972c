package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.controlplane.mapping.MappingService;
import io.triggerlab.engine.runtime.step.StepMode;

import java.util.List;

/**
 * Step mode, a TriggerLab extra (Lambda has none): {@code GET|PUT mappings/{uuid}/step-mode} reads or switches it,
 * {@code POST mappings/{uuid}/deliver-next-batch} lets the trigger's next batch go. Answers
 * {@code {"uuid","enabled","batchWaiting","deliveriesGranted"}}.
 */
final class StepModeRoutes {

    private static final String STEP_MODE = "/step-mode";
    private static final String DELIVER_NEXT = "/deliver-next-batch";

    private final MappingService mappings;
    private final StepMode steps;
    private final ObjectMapper mapper;

    StepModeRoutes(ApiContext context, ObjectMapper mapper) {
        this.mappings = context.mappings();
        this.steps = context.stepMode();
        this.mapper = mapper;
    }

    static boolean handles(String rest) {
        return rest.startsWith("mappings/") && (rest.endsWith(STEP_MODE) || rest.endsWith(DELIVER_NEXT));
    }

    ApiResponse handle(ApiRequest request, String rest) {
        boolean deliver = rest.endsWith(DELIVER_NEXT);
        String uuid = ApiRequest.decode(rest.substring("mappings/".length(),
                rest.length() - (deliver ? DELIVER_NEXT : STEP_MODE).length()));
        mappings.get(uuid); // 404 for an unknown trigger
        if (deliver) {
            if (!request.method().equals("POST")) {
                throw ExtensionRoutes.notAllowed(request, "POST");
            }
            try {
                return ApiResponse.ok(write(steps.deliverNext(uuid)));
            } catch (IllegalStateException e) {
                throw ApiException.invalidParameter(e.getMessage());
            }
        }
        return switch (request.method()) {
            case "GET" -> ApiResponse.ok(write(steps.status(uuid)));
            case "PUT" -> ApiResponse.ok(write(steps.set(uuid, enabled(request))));
            default -> throw ExtensionRoutes.notAllowed(request, "GET or PUT");
        };
    }

    private boolean enabled(ApiRequest request) {
        JsonFields body = JsonFields.root(request.jsonBody(), mapper);
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
