package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.OptionalLong;

/**
 * One part of the TriggerLab extension API ({@link ExtensionRoutes}): the engine's services it answers from, the JSON
 * mapper it answers with, and the checks every route makes on a request, so each route holds only its own logic.
 */
abstract class ExtensionRoute {

    protected final ApiContext context;
    protected final ObjectMapper mapper;

    ExtensionRoute(ApiContext context, ObjectMapper mapper) {
        this.context = context;
        this.mapper = mapper;
    }

    /**
     * @param item what follows the collection in the path (decoded, or still encoded for the routes that take a
     *             longer path), {@code null} for the collection itself
     */
    abstract ApiResponse handle(ApiRequest request, String item);

    /** The request's JSON body, read member by member. */
    JsonFields body(ApiRequest request) {
        return JsonFields.root(request.jsonBody(), mapper);
    }

    /** The 405 unless the request is a {@code method}. */
    static void requireMethod(ApiRequest request, String method) {
        if (!method.equals(request.method())) {
            throw ExtensionRoutes.notAllowed(request, method);
        }
    }

    /** {@code text} as a whole number in {@code min..max}, or empty when it is not one (the caller words the error). */
    static OptionalLong wholeNumber(String text, long min, long max) {
        try {
            long value = Long.parseLong(text);
            return value >= min && value <= max ? OptionalLong.of(value) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** A body member no route reads is refused by name rather than ignored: it is most likely a typo. */
    static void refuseUnread(JsonFields body, String request, String expected) {
        List<String> unread = body.unread();
        if (!unread.isEmpty()) {
            throw ApiException.invalidParameter("Unknown member(s) " + unread + " in the " + request
                    + ": send only " + expected);
        }
    }
}
