package io.triggerlab.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.runtime.offsets.OffsetReset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code triggerlab trigger reset-offsets UUID --to earliest|latest|TIMESTAMP}: TriggerLab extras on a trigger. */
@Command(name = "trigger", mixinStandardHelpOptions = true,
        description = "Operations on a trigger (event source mapping) that the Lambda API does not have.",
        subcommands = TriggerCommand.ResetOffsets.class)
final class TriggerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return TriggerLabCli.EXIT_USAGE;
    }

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
            ObjectNode body = EngineApiClient.json().createObjectNode();
            OffsetReset target = OffsetReset.parse(to);
            if (target instanceof OffsetReset.AtTimestamp at) {
                body.put("to", "TIMESTAMP").put("timestamp", at.timestamp().toString());
            } else {
                body.put("to", target instanceof OffsetReset.Earliest ? "EARLIEST" : "LATEST");
            }
            JsonNode result = new EngineApiClient(endpoint.endpoint).post("/triggerlab/v1/mappings/"
                    + URLEncoder.encode(uuid, StandardCharsets.UTF_8) + "/reset-offsets", body);
            PrintWriter out = spec.commandLine().getOut();
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
}
