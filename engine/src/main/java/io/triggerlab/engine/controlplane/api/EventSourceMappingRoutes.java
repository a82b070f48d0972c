package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.controlplane.mapping.MappingService;

/**
 * The five event source mapping operations of Lambda's rest-json API (docs/aws-behaviour.md#api-operations, #wire-protocol):
 * <pre>
 * POST   /2015-03-31/event-source-mappings[/]          CreateEventSourceMapping  202
 * GET    /2015-03-31/event-source-mappings[/]?...      ListEventSourceMappings   200
 * GET    /2015-03-31/event-source-mappings/{UUID}      GetEventSourceMapping     200
 * PUT    /2015-03-31/event-source-mappings/{UUID}      UpdateEventSourceMapping  202
 * DELETE /2015-03-31/event-source-mappings/{UUID}      DeleteEventSourceMapping  202
 * </pre>
 * Everything after the collection path is the {@code UUID}, percent-decoded; anything that is not a known mapping's
 * UUID (extra segments, {@code ..}, garbage) is answered with {@code ResourceNotFoundException}. The UUID is only
 * ever a lookup key in the database, never a file name.
 */
final class EventSourceMappingRoutes {

    static final String COLLECTION = "/2015-03-31/event-source-mappings";

    private final MappingService mappings;
    private final ObjectMapper mapper;
    private final MappingRequestReader reader = new MappingRequestReader();
    private final MappingResponseWriter writer;

    EventSourceMappingRoutes(MappingService mappings, ObjectMapper mapper) {
        this.mappings = mappings;
        this.mapper = mapper;
        this.writer = new MappingResponseWriter(mapper);
    }

    boolean handles(String rawPath) {
        return rawPath.equals(COLLECTION) || rawPath.startsWith(COLLECTION + "/");
    }

    ApiResponse handle(ApiRequest request) {
        String rawPath = request.rawPath();
        String rest = rawPath.length() <= COLLECTION.length() + 1 ? "" : rawPath.substring(COLLECTION.length() + 1);
        return rest.isEmpty() ? collection(request, rawPath) : item(request, rawPath, ApiRequest.decode(rest));
    }

    private ApiResponse collection(ApiRequest request, String rawPath) {
        return switch (request.method()) {
            case "POST" -> ApiResponse.accepted(writer.mapping(
                    mappings.create(reader.create(JsonFields.root(request.jsonBody(), mapper)))));
            case "GET" -> ApiResponse.ok(writer.page(mappings.list(request.query("EventSourceArn"),
                    request.query("FunctionName"), request.query("Marker"), maxItems(request.query("MaxItems")))));
            default -> throw ApiException.methodNotAllowed(request.method(), rawPath, "GET,POST");
        };
    }

    private ApiResponse item(ApiRequest request, String rawPath, String uuid) {
        String method = request.method();
        if (!method.equals("GET") && !method.equals("PUT") && !method.equals("DELETE")) {
            throw ApiException.methodNotAllowed(method, rawPath, "GET,PUT,DELETE");
        }
        if (uuid == null) {
            // Not even valid percent-encoding: no mapping can have this UUID.
            uuid = "";
        }
        return switch (method) {
            case "GET" -> ApiResponse.ok(writer.mapping(mappings.get(uuid)));
            case "PUT" -> {
                mappings.get(uuid); // an unknown UUID answers 404 whatever the body holds
                yield ApiResponse.accepted(writer.mapping(
                        mappings.update(uuid, reader.update(JsonFields.root(request.jsonBody(), mapper)))));
            }
            default -> ApiResponse.accepted(writer.mapping(mappings.delete(uuid)));
        };
    }

    private static Integer maxItems(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.serialization("Value '" + text + "' at 'MaxItems' cannot be converted to an Integer: "
                    + "send a whole number 1..10000, e.g. MaxItems=50");
        }
    }
}
