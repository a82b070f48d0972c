package io.triggerlab.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code triggerlab logs UUID [--follow] [--level L]}: a trigger's system logs — what AWS's event poller writes to
 * CloudWatch for a mapping with a {@code LoggingConfig} — one line per event: time, log stream, the event's JSON.
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Prints a trigger's system logs (LoggingConfig SystemLogLevel DEBUG, INFO or WARN): the",
                "ESM_PROCESSING_EVENT, POLLER_STATUS_EVENT and KAFKA_STATUS_EVENT records AWS's poller writes,",
                "one per line as <time> <log stream> <JSON>.",
                "  triggerlab logs 6f1c…",
                "  triggerlab logs 6f1c… --follow --level WARN"})
final class LogsCommand extends EngineApiCommand {

    private static final String NOT_FOUND = "ResourceNotFoundException";
    private static final int FOLLOW_WAIT_SECONDS = 5;

    @Parameters(index = "0", paramLabel = "UUID", description = "The event source mapping.")
    String uuid;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new events until interrupted or the trigger is deleted.")
    boolean follow;

    @Option(names = "--level", paramLabel = "LEVEL",
            description = "Only events at this level and lower: WARN, INFO or DEBUG (default: every kept event).")
    String level;

    @Option(names = "--after", paramLabel = "ID", defaultValue = "0",
            description = "Only events after this event id (the API's nextAfter).")
    long after;

    @Override
    public Integer call() {
        EngineApiClient api = api();
        PrintWriter out = out();
        String base = "/triggerlab/v1/mappings/" + encode(uuid) + "/system-logs?"
                + (level == null ? "" : "level=" + encode(level.toUpperCase(Locale.ROOT)) + "&");
        long position = after;
        boolean first = true;
        boolean waitForMore = false;
        while (true) {
            JsonNode page;
            try {
                page = api.get(base + "after=" + position + (waitForMore ? "&waitSeconds=" + FOLLOW_WAIT_SECONDS : ""));
            } catch (IllegalArgumentException e) {
                if (!first && e.getMessage().startsWith(NOT_FOUND)) {
                    out.println("Trigger " + uuid + " was deleted: no more system logs.");
                    out.flush();
                    return 0;
                }
                throw e;
            }
            if (first && page.path("systemLogLevel").isNull()) {
                spec.commandLine().getErr().println("Trigger " + uuid + " has no LoggingConfig, so it writes no system "
                        + "logs. Set one: aws lambda update-event-source-mapping --uuid " + uuid
                        + " --logging-config SystemLogLevel=INFO");
            }
            for (JsonNode event : page.path("events")) {
                out.println(Instant.ofEpochMilli(event.path("timestamp").asLong()) + " "
                        + event.path("logStreamName").asText() + " " + event.path("message").asText());
            }
            out.flush();
            position = page.path("nextAfter").asLong(position);
            // A full page may have more behind it: read on at once; an empty one ends the listing or, following, waits.
            waitForMore = page.path("events").isEmpty();
            first = false;
            if (waitForMore && !follow || Thread.currentThread().isInterrupted()) {
                return 0;
            }
        }
    }
}
