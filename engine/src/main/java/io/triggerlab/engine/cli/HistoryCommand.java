package io.triggerlab.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** {@code triggerlab history}: what the running engine's pollers sent to functions, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Lists invocations (newest first), or shows one with its exact event, response and logs.",
        subcommands = {HistoryCommand.Show.class, HistoryCommand.Replay.class})
final class HistoryCommand extends EngineApiCommand {
    @Option(names = "--mapping", paramLabel = "UUID", description = "Only this event source mapping.")
    String mapping;

    @Option(names = "--outcome", paramLabel = "OUTCOME",
            description = "Only these outcomes, comma-separated (SUCCESS, FUNCTION_ERROR, TIMED_OUT, ...).")
    String outcome;

    @Option(names = "--limit", defaultValue = "20", description = "How many (1..1000, default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--before", paramLabel = "ID", description = "Older than this invocation id (next page).")
    Long before;

    @Override
    public Integer call() {
        StringBuilder query = new StringBuilder("/triggerlab/v1/history?limit=").append(limit);
        if (mapping != null) {
            query.append("&mapping=").append(encode(mapping));
        }
        if (outcome != null) {
            query.append("&outcome=").append(encode(outcome));
        }
        if (before != null) {
            query.append("&before=").append(before);
        }
        JsonNode page = api().get(query.toString());
        PrintWriter out = out();
        out.printf("%-8s %-24s %-36s %3s %-22s %7s %8s  %s%n",
                "ID", "STARTED", "MAPPING", "TRY", "OUTCOME", "RECORDS", "MS", "PARTITIONS");
        for (JsonNode i : page.path("invocations")) {
            StringBuilder partitions = new StringBuilder();
            for (JsonNode p : i.path("partitions")) {
                partitions.append(p.path("topic").asText()).append('-').append(p.path("partition").asInt()).append('@')
                        .append(p.path("firstOffset").asLong()).append("..").append(p.path("lastOffset").asLong()).append(' ');
            }
            out.printf("%-8d %-24s %-36s %3d %-22s %7d %8d  %s%n", i.path("id").asLong(), startedAt(i.path("startedAt").asText()),
                    i.path("mappingUuid").asText(), i.path("attempt").asInt(), i.path("outcome").asText(),
                    i.path("recordCount").asInt(), i.path("durationMillis").asLong(), partitions.toString().strip()
                            + (i.has("replayOf") ? " (replay of #" + i.path("replayOf").asLong() + ")" : ""));
        }
        if (page.has("nextBefore")) {
            out.println("More: triggerlab history --before " + page.path("nextBefore").asLong());
        }
        return 0;
    }

    /** To the millisecond: a table column, not a record of nanoseconds. */
    private static String startedAt(String iso) {
        try {
            return Instant.parse(iso).truncatedTo(ChronoUnit.MILLIS).toString();
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One invocation as JSON: the exact event sent, the response or error, and the logs.")
    static final class Show extends EngineApiCommand {
        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Override
        public Integer call() throws Exception {
            JsonNode invocation = api().get("/triggerlab/v1/history/" + id);
            out().println(EngineApiClient.json().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(invocation));
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Sends an invocation's exact event to its trigger's function again, now, once: no retries,",
                    "no offsets committed. The replay is recorded in the history as its own invocation.",
                    "  triggerlab history replay 42"})
    static final class Replay extends EngineApiCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The invocation to replay (its event must be kept).")
        long id;

        @Override
        public Integer call() {
            JsonNode replay = api().post("/triggerlab/v1/history/" + id + "/replay",
                    newBody());
            PrintWriter out = out();
            out.printf("Replayed #%d as #%d: %s in %d ms%n", id, replay.path("id").asLong(),
                    replay.path("outcome").asText(), replay.path("durationMillis").asLong());
            if (!replay.path("errorMessage").isNull() && replay.has("errorMessage")) {
                out.println("Error: " + replay.path("errorMessage").asText());
            }
            out.println("Details: triggerlab history show " + replay.path("id").asLong());
            return 0;
        }
    }
}
