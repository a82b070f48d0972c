package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.invoke.faults.FaultKind;
import io.triggerlab.engine.invoke.faults.FaultPlan;

import java.util.Optional;

/**
 * {@code /triggerlab/v1/functions/{name}/faults}: fault injection for one function (in memory; a restart forgets it).
 * <pre>
 * POST   {"kind":"error|throttle|timeout","count":N}   201 Plan
 * GET    200 Plan ({"armed":false} when nothing is armed)
 * DELETE 200 Plan (what was still armed; {"armed":false} when nothing was)
 * </pre>
 * Plan: {@code {"functionName","armed":true,"kind","requested","remaining"}}.
 */
final class FaultRoutes extends ExtensionRoute {

    static final String SUFFIX = "/faults";

    FaultRoutes(ApiContext context, ObjectMapper mapper) {
        super(context, mapper);
    }

    /** Whether a {@code functions/} item path ({@code name/faults}, still encoded) is this route's. */
    static boolean handles(String rawItem) {
        return rawItem != null && rawItem.endsWith(SUFFIX) && rawItem.length() > SUFFIX.length();
    }

    @Override
    ApiResponse handle(ApiRequest request, String rawItem) {
        String name = ApiRequest.decode(rawItem.substring(0, rawItem.length() - SUFFIX.length()));
        if (name == null || context.functions().findByName(name).isEmpty()) {
            throw ApiException.resourceNotFound("Function '" + name + "' is not registered: register it with POST "
                    + ExtensionRoutes.PREFIX + "functions before injecting faults");
        }
        return switch (request.method()) {
            case "POST" -> ApiResponse.created(write(name, Optional.of(arm(request, name))));
            case "GET" -> ApiResponse.ok(write(name, context.faults().plan(name)));
            case "DELETE" -> ApiResponse.ok(write(name, context.faults().clear(name)));
            default -> throw ExtensionRoutes.notAllowed(request, "GET,POST,DELETE");
        };
    }

    private FaultPlan arm(ApiRequest request, String name) {
        JsonFields body = body(request);
        String kind = body.string("kind");
        Integer count = body.integer("count");
        refuseUnread(body, "fault request", "{\"kind\":\"error|throttle|timeout\",\"count\":N}");
        if (kind == null) {
            throw ApiException.invalidParameter("The fault request needs \"kind\": one of error, throttle, timeout");
        }
        try {
            return context.faults().arm(name, FaultKind.parse(kind), count == null ? 1 : count);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(e.getMessage());
        }
    }

    private ObjectNode write(String name, Optional<FaultPlan> plan) {
        ObjectNode body = mapper.createObjectNode();
        body.put("functionName", name);
        body.put("armed", plan.isPresent());
        plan.ifPresent(p -> {
            body.put("kind", p.kind().word());
            body.put("requested", p.requested());
            body.put("remaining", p.remaining());
        });
        return body;
    }
}
