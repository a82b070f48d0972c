package io.triggerlab.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

/** {@code triggerlab aws-check UUID}: "Would this pass on AWS?" for a mapping of a running engine. */
@Command(name = "aws-check", mixinStandardHelpOptions = true,
        description = {"Lists every setting of a mapping and its function that AWS would reject or that behaves",
                "differently there. Exit code 0 when nothing would be rejected, 1 otherwise.",
                "  triggerlab aws-check 6f1c2a4e-0d5b-4f1e-9a7c-2b8d3e4f5a6b"})
final class AwsCheckCommand extends EngineApiCommand {
    @Parameters(index = "0", paramLabel = "UUID", description = "The event source mapping's UUID.")
    String uuid;

    @Override
    public Integer call() {
        JsonNode report = api().get("/triggerlab/v1/aws-check?mapping="
                + encode(uuid));
        PrintWriter out = out();
        JsonNode findings = report.path("findings");
        if (findings.isEmpty()) {
            out.println("Mapping " + uuid + " (function " + report.path("functionName").asText()
                    + "): nothing AWS would reject or run differently.");
            return 0;
        }
        for (JsonNode f : findings) {
            String label = "WOULD_BE_REJECTED".equals(f.path("severity").asText()) ? "REJECTED " : "DIFFERENT";
            String reading = f.path("readingOfAws").asBoolean() ? " (TriggerLab's reading of AWS)" : "";
            out.println(label + "  " + f.path("code").asText() + reading + ": " + f.path("message").asText());
            out.println("           What to do: " + f.path("whatToDo").asText());
        }
        boolean passes = report.path("wouldPass").asBoolean();
        out.println(passes ? "Would pass on AWS (with the differences above)." : "Would not pass on AWS as it is.");
        return passes ? 0 : 1;
    }
}
