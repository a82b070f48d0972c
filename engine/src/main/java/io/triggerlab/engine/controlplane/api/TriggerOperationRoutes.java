package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.runtime.offsets.OffsetReset;
import io.triggerlab.engine.runtime.offsets.OffsetResetResult;
import io.triggerlab.engine.runtime.offsets.PartitionOffsetReset;

import java.time.Instant;
import java.util.Locale;

/**
 * Two operations on a trigger that the Lambda API does not have (TriggerLab extras):
 * <pre>
 * POST mappings/{uuid}/reset-offsets  {"to":"EARLIEST|LATEST|TIMESTAMP","timestamp":"2026-11-25T10:15:00Z"|epochSeconds}
 *      200 {"uuid","topic","consumerGroupId","to","timestamp"?,
 *           "partitions":[{"partition":0,"previousOffset":42|null,"newOffset":0}]}
 *      (400 ResourceInUseException unless the mapping is Disabled)
 * POST history/{id}/replay            (no body)   200 Summary of the new invocation (its "replayOf" is id)
 * </pre>
 */
final class TriggerOperationRoutes extends ExtensionRoute {

    private static final String RESET_SUFFIX = "/reset-offsets";
    private static final String REPLAY_SUFFIX = "/replay";

    private final HistoryJson history;

    TriggerOperationRoutes(ApiContext context, ObjectMapper mapper) {
        super(context, mapper);
        this.history = new HistoryJson(mapper);
    }

    /** Whether a path below the extension prefix ({@code mappings/…/reset-offsets}, still encoded) is one of these. */
    static boolean handles(String rest) {
        return rest.startsWith("mappings/") && rest.endsWith(RESET_SUFFIX)
                || rest.startsWith("history/") && rest.endsWith(REPLAY_SUFFIX);
    }

    @Override
    ApiResponse handle(ApiRequest request, String rest) {
        requireMethod(request, "POST");
        if (rest.startsWith("mappings/")) {
            String uuid = ApiRequest.decode(rest.substring("mappings/".length(), rest.length() - RESET_SUFFIX.length()));
            return ApiResponse.ok(write(context.mappings().resetOffsets(uuid, target(request))));
        }
        String id = rest.substring("history/".length(), rest.length() - REPLAY_SUFFIX.length());
        return ApiResponse.ok(replay(id));
    }

    private OffsetReset target(ApiRequest request) {
        JsonFields body = body(request);
        String to = body.string("to");
        Instant timestamp = body.timestamp("timestamp");
        refuseUnread(body, "reset request", "{\"to\":\"EARLIEST|LATEST|TIMESTAMP\",\"timestamp\":…}");
        if (to == null) {
            throw ApiException.invalidParameter("The reset request needs \"to\": one of EARLIEST, LATEST, TIMESTAMP");
        }
        switch (to.toUpperCase(Locale.ROOT)) {
            case "EARLIEST" -> {
                refuseTimestamp(timestamp, to);
                return new OffsetReset.Earliest();
            }
            case "LATEST" -> {
                refuseTimestamp(timestamp, to);
                return new OffsetReset.Latest();
            }
            case "TIMESTAMP" -> {
                if (timestamp == null) {
                    throw ApiException.invalidParameter("\"to\":\"TIMESTAMP\" needs \"timestamp\": an ISO-8601 instant"
                            + " such as 2026-11-25T10:15:00Z, or epoch seconds");
                }
                return new OffsetReset.AtTimestamp(timestamp);
            }
            default -> throw ApiException.invalidParameter("\"to\":\"" + to + "\" is not a reset target: use EARLIEST, "
                    + "LATEST or TIMESTAMP");
        }
    }

    private static void refuseTimestamp(Instant timestamp, String to) {
        if (timestamp != null) {
            throw ApiException.invalidParameter("\"timestamp\" only goes with \"to\":\"TIMESTAMP\", not with \""
                    + to + "\"");
        }
    }

    private ObjectNode write(OffsetResetResult result) {
        ObjectNode out = mapper.createObjectNode()
                .put("uuid", result.uuid())
                .put("topic", result.topic())
                .put("consumerGroupId", result.consumerGroupId());
        if (result.target() instanceof OffsetReset.AtTimestamp at) {
            out.put("to", "TIMESTAMP").put("timestamp", at.timestamp().toString());
        } else {
            out.put("to", result.target() instanceof OffsetReset.Earliest ? "EARLIEST" : "LATEST");
        }
        ArrayNode partitions = out.putArray("partitions");
        for (PartitionOffsetReset p : result.partitions()) {
            ObjectNode row = partitions.addObject().put("partition", p.partition());
            if (p.hadCommittedOffset()) {
                row.put("previousOffset", p.previousOffset());
            } else {
                row.putNull("previousOffset");
            }
            row.put("newOffset", p.newOffset());
        }
        return out;
    }

    private ObjectNode replay(String rawId) {
        if (context.replayer() == null) {
            throw ApiException.resourceNotFound("This server runs without replays: POST " + ExtensionRoutes.PREFIX
                    + "history/{id}/replay needs the engine's function invokers");
        }
        long id;
        try {
            id = Long.parseLong(rawId);
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter("'" + rawId + "' is not an invocation id: use the numeric id the "
                    + "history lists, e.g. " + ExtensionRoutes.PREFIX + "history/42/replay");
        }
        InvocationRecord replayed = context.replayer().replay(id);
        return history.summary(replayed.summary());
    }
}
