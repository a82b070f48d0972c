package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.observe.systemlog.SystemLogEntry;
import io.triggerlab.engine.observe.systemlog.SystemLogLevel;
import io.triggerlab.engine.observe.systemlog.SystemLogQuery;
import io.triggerlab.engine.observe.systemlog.SystemLogs;

import java.time.Duration;
import java.util.List;

/**
 * A trigger's system logs ({@code LoggingConfig}; on AWS they are in CloudWatch Logs, here in the engine):
 * <pre>
 * GET mappings/{uuid}/system-logs?level=DEBUG|INFO|WARN&amp;after=ID&amp;limit=N&amp;waitSeconds=S
 *     200 {"uuid","systemLogLevel":"DEBUG"|null,"events":[{"id","logStreamName","timestamp","message"}],"nextAfter":ID}
 * </pre>
 * {@code level} keeps the events of that level and lower (default: all), {@code after} reads on from an event id
 * (default 0, the first), {@code limit} 1..10000 (default 1000). With {@code waitSeconds} (0..10) an empty answer
 * waits that long for a new event: a follower asks again with {@code after=nextAfter}. {@code message} is the event's
 * JSON line as AWS's poller writes it; {@code timestamp} is epoch milliseconds, as in CloudWatch's GetLogEvents.
 */
final class SystemLogRoutes extends ExtensionRoute {

    private static final String SUFFIX = "/system-logs";
    static final int MAX_WAIT_SECONDS = 10;
    private static final int DEFAULT_LIMIT = 1000;

    SystemLogRoutes(ApiContext context, ObjectMapper mapper) {
        super(context, mapper);
    }

    static boolean handles(String rest) {
        return rest.startsWith("mappings/") && rest.endsWith(SUFFIX);
    }

    @Override
    ApiResponse handle(ApiRequest request, String rest) {
        requireMethod(request, "GET");
        SystemLogs logs = context.systemLogs();
        if (logs == null) {
            throw ApiException.resourceNotFound("This server keeps no system logs");
        }
        String uuid = ApiRequest.decode(rest.substring("mappings/".length(), rest.length() - SUFFIX.length()));
        EventSourceMapping mapping = context.mappings().get(uuid); // 404 for an unknown trigger
        SystemLogQuery query = new SystemLogQuery(uuid, number(request, "after", 0, Long.MAX_VALUE, 0),
                level(request.query("level")), (int) number(request, "limit", 1, SystemLogQuery.MAX_LIMIT, DEFAULT_LIMIT));
        long wait = number(request, "waitSeconds", 0, MAX_WAIT_SECONDS, 0);
        List<SystemLogEntry> events;
        try {
            events = wait == 0 ? logs.read(query) : logs.await(query, Duration.ofSeconds(wait));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "ServiceException", "The engine is stopping; ask again once it runs");
        }
        ObjectNode out = mapper.createObjectNode().put("uuid", uuid);
        String configured = mapping.loggingConfig() == null ? null : mapping.loggingConfig().systemLogLevel();
        if (configured == null) {
            out.putNull("systemLogLevel");
        } else {
            out.put("systemLogLevel", configured);
        }
        ArrayNode list = out.putArray("events");
        long next = query.afterId();
        for (SystemLogEntry e : events) {
            list.addObject().put("id", e.id()).put("logStreamName", e.logStreamName())
                    .put("timestamp", e.timestamp().toEpochMilli()).put("message", e.message());
            next = e.id();
        }
        out.put("nextAfter", next);
        return ApiResponse.ok(out);
    }

    private static SystemLogLevel level(String value) {
        try {
            return SystemLogLevel.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(e.getMessage());
        }
    }

    private static long number(ApiRequest request, String name, long min, long max, long fallback) {
        String value = request.query(name);
        if (value == null) {
            return fallback;
        }
        return wholeNumber(value.strip(), min, max).orElseThrow(() -> ApiException.invalidParameter("Query parameter "
                + name + "='" + value + "' is not valid: must be a whole number " + min + ".." + max));
    }
}
