package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.observe.history.HistoryQuery;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationSummary;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /triggerlab/v1/history[/{id}]}: the invocation history, newest first (bodies: {@link HistoryJson}).
 *
 * <p>{@code GET history} takes {@code mapping} (a mapping UUID), {@code outcome} (comma-separated
 * {@link InvocationOutcome} names, any case, e.g. {@code FUNCTION_ERROR,TIMED_OUT}), {@code batch} (a batch id),
 * {@code before} (an id: only older invocations) and {@code limit} (1..1000, default 50). It answers
 * {@code {"invocations":[Summary…],"nextBefore":17}}; {@code nextBefore} is present only when there are more, and is
 * passed as {@code before} for the next page (keyset paging: no gaps or repeats while invocations arrive).
 */
final class HistoryRoutes extends ExtensionRoute {

    static final int DEFAULT_LIMIT = 50;

    private final HistoryJson json;

    HistoryRoutes(ApiContext context, ObjectMapper mapper) {
        super(context, mapper);
        this.json = new HistoryJson(mapper);
    }

    @Override
    ApiResponse handle(ApiRequest request, String id) {
        requireMethod(request, "GET");
        return ApiResponse.ok(id == null ? page(request) : json.invocation(context.history().get(invocationId(id))
                .orElseThrow(() -> notFound(id))));
    }

    private ObjectNode page(ApiRequest request) {
        int limit = number(request.query("limit"), "limit", 1, HistoryQuery.MAX_LIMIT, DEFAULT_LIMIT).intValue();
        String beforeText = emptyToNull(request.query("before"));
        Long before = beforeText == null ? null : number(beforeText, "before", 1, Long.MAX_VALUE, 0);
        HistoryQuery query;
        try {
            // One more than asked tells whether another page follows, without an empty last page.
            int fetch = Math.min(limit + 1, HistoryQuery.MAX_LIMIT);
            query = new HistoryQuery(emptyToNull(request.query("mapping")), outcomes(request.query("outcome")),
                    emptyToNull(request.query("batch")), before, fetch);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(e.getMessage());
        }
        List<InvocationSummary> rows = context.history().list(query);
        boolean more = rows.size() > limit || (limit == HistoryQuery.MAX_LIMIT && rows.size() == limit);
        List<InvocationSummary> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
        ObjectNode body = mapper.createObjectNode();
        ArrayNode invocations = body.putArray("invocations");
        shown.forEach(s -> invocations.add(json.summary(s)));
        if (more && !shown.isEmpty()) {
            body.put("nextBefore", shown.get(shown.size() - 1).id());
        }
        return body;
    }

    private static Set<InvocationOutcome> outcomes(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<InvocationOutcome> outcomes = EnumSet.noneOf(InvocationOutcome.class);
        for (String name : text.split(",")) {
            try {
                outcomes.add(InvocationOutcome.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidParameter("outcome '" + name.trim() + "' is not valid: use one or more of "
                        + Arrays.toString(InvocationOutcome.values()) + ", comma-separated");
            }
        }
        return outcomes;
    }

    private static Long number(String text, String name, long min, long max, long fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        String range = min + ".." + (max == Long.MAX_VALUE ? "(an invocation id)" : max);
        return wholeNumber(text.trim(), min, max).orElseThrow(() -> ApiException.invalidParameter(name + " '" + text
                + "' is not valid: give a whole number " + range));
    }

    private static long invocationId(String id) {
        // Not a whole number: not an id, so nothing has it.
        return wholeNumber(id, 1, Long.MAX_VALUE).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(String id) {
        return ApiException.resourceNotFound("Invocation " + id + " does not exist (ids are the whole numbers in the "
                + "history list; old invocations are removed by the history's retention)");
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
