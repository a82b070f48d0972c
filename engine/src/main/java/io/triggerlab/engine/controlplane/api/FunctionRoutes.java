package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.controlplane.mapping.ResourceConflictException;

/** {@code /triggerlab/v1/functions[/{name}]}: the local function registry (bodies: {@link FunctionJson}). */
final class FunctionRoutes extends ExtensionRoute {

    private static final String PATH = ExtensionRoutes.PREFIX + "functions";

    private final FunctionJson json;

    FunctionRoutes(ApiContext context, ObjectMapper mapper) {
        super(context, mapper);
        this.json = new FunctionJson(mapper);
    }

    @Override
    ApiResponse handle(ApiRequest request, String name) {
        if (name == null) {
            return switch (request.method()) {
                case "GET" -> ApiResponse.ok(list());
                case "POST" -> ApiResponse.created(json.write(register(request)));
                default -> throw ExtensionRoutes.notAllowed(request, "GET,POST");
            };
        }
        return switch (request.method()) {
            case "GET" -> ApiResponse.ok(json.write(require(name)));
            case "PUT" -> ApiResponse.ok(json.write(update(request, name)));
            case "DELETE" -> ApiResponse.ok(json.write(remove(name)));
            default -> throw ExtensionRoutes.notAllowed(request, "GET,PUT,DELETE");
        };
    }

    private ObjectNode list() {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode functions = body.putArray("functions");
        context.functions().list().forEach(f -> functions.add(json.write(f)));
        return body;
    }

    private FunctionDefinition register(ApiRequest request) {
        FunctionDefinition function = read(request, null);
        if (context.functions().findByName(function.name()).isPresent()) {
            throw new ResourceConflictException("Function '" + function.name() + "' is already registered: change it "
                    + "with PUT " + PATH + "/" + function.name() + ", or DELETE it first");
        }
        return context.functions().register(function);
    }

    private FunctionDefinition update(ApiRequest request, String name) {
        require(name);
        return context.functions().update(read(request, name));
    }

    private FunctionDefinition remove(String name) {
        FunctionDefinition function = require(name);
        context.functions().remove(name);
        return function;
    }

    private FunctionDefinition read(ApiRequest request, String nameFromPath) {
        return json.read(body(request), nameFromPath, context.region(), context.accountId());
    }

    private FunctionDefinition require(String name) {
        return context.functions().findByName(name).orElseThrow(() -> ApiException.resourceNotFound("Function '" + name
                + "' is not registered: register it with POST " + PATH));
    }
}
