package io.triggerlab.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.runtime.offsets.OffsetReset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

/**
 * TriggerLab extras on a trigger: {@code reset-offsets UUID --to earliest|latest|TIMESTAMP}, {@code step UUID on|off}
 * (step mode) and {@code next UUID} (deliver the next batch).
 */
@Command(name = "trigger", mixinStandardHelpOptions = true,
        description = "Operations on a trigger (event source mapping) that the Lambda API does not have.",
        subcommands = {TriggerCommand.ResetOffsets.class, TagsCommand.class, TriggerCommand.Step.class,
                TriggerCommand.Next.class})
final class TriggerCommand extends GroupCommand {

    @Command(name = "reset-offsets", mixinStandardHelpOptions = true,
            description = {"Moves a disabled trigger's consumer group to the earliest or latest offsets, or to a time,",
                    "on every partition of its topic (a TriggerLab extra: on AWS you would use kafka-consumer-groups).",
                    "The records from there are delivered (again) when you enable the trigger.",
                    "  triggerlab trigger reset-offsets 6f1c… --to earliest",
                    "  triggerlab trigger reset-offsets 6f1c… --to 2026-11-25T10:15:00Z"})
    static final class ResetOffsets extends EngineApiCommand {
        @Parameters(index = "0", paramLabel = "UUID", description = "The event source mapping (it must be Disabled).")
        String uuid;

        @Option(names = "--to", required = true, paramLabel = "earliest|latest|TIMESTAMP",
                description = "earliest, latest, or an ISO-8601 timestamp such as 2026-11-25T10:15:00Z.")
        String to;

        @Override
        public Integer call() {
            ObjectNode body = newBody();
            OffsetReset target = OffsetReset.parse(to);
            if (target instanceof OffsetReset.AtTimestamp at) {
                body.put("to", "TIMESTAMP").put("timestamp", at.timestamp().toString());
            } else {
                body.put("to", target instanceof OffsetReset.Earliest ? "EARLIEST" : "LATEST");
            }
            JsonNode result = api().post("/triggerlab/v1/mappings/"
                    + encode(uuid) + "/reset-offsets", body);
            PrintWriter out = out();
            out.printf("Reset consumer group %s on topic %s to %s:%n", result.path("consumerGroupId").asText(),
                    result.path("topic").asText(), target.describe());
            out.printf("%-10s %12s %12s%n", "PARTITION", "BEFORE", "NOW");
            for (JsonNode p : result.path("partitions")) {
                JsonNode before = p.path("previousOffset");
                out.printf("%-10d %12s %12d%n", p.path("partition").asInt(),
                        before.isNull() ? "(none)" : before.asText(), p.path("newOffset").asLong());
            }
            out.println("Enable the trigger to deliver from these offsets.");
            return 0;
        }
    }

    @Command(name = "step", mixinStandardHelpOptions = true,
            description = {"Step mode (a TriggerLab extra): each batch of the trigger waits for 'triggerlab trigger next'",
                    "so you can sit at a breakpoint in the function without the trigger running on.",
                    "  triggerlab trigger step 6f1c… on",
                    "  triggerlab trigger step 6f1c… off"})
    static final class Step extends EngineApiCommand {

        @Parameters(index = "0", paramLabel = "UUID", description = "The event source mapping.")
        String uuid;

        @Parameters(index = "1", paramLabel = "on|off", description = "Hold each batch (on) or run on (off).")
        String state;

        @Override
        public Integer call() {
            if (!state.equals("on") && !state.equals("off")) {
                throw new IllegalArgumentException("Say 'on' or 'off', not '" + state + "'");
            }
            ObjectNode body = newBody().put("enabled", state.equals("on"));
            JsonNode status = api().put(stepPath(uuid, "/step-mode"), body);
            out().println(describe(status));
            return 0;
        }
    }

    @Command(name = "next", mixinStandardHelpOptions = true,
            description = "Deliver next batch: lets a trigger in step mode send its next batch to the function.")
    static final class Next extends EngineApiCommand {

        @Parameters(index = "0", paramLabel = "UUID", description = "The event source mapping (in step mode).")
        String uuid;

        @Override
        public Integer call() {
            JsonNode status = api().post(stepPath(uuid, "/deliver-next-batch"),
                    newBody());
            out().println(describe(status));
            return 0;
        }
    }

    private static String stepPath(String uuid, String suffix) {
        return "/triggerlab/v1/mappings/" + EngineApiCommand.encode(uuid) + suffix;
    }

    private static String describe(JsonNode status) {
        if (!status.path("enabled").asBoolean()) {
            return "Step mode is off: trigger " + status.path("uuid").asText() + " delivers its batches as they come.";
        }
        return "Step mode is on for trigger " + status.path("uuid").asText() + ": "
                + status.path("deliveriesGranted").asInt() + " batch(es) may go"
                + (status.path("batchWaiting").asBoolean() ? "; a batch is waiting" : "")
                + ". Deliver the next one with: triggerlab trigger next " + status.path("uuid").asText();
    }
}
