package io.triggerlab.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code triggerlab sam import template.yaml}: open a SAM / CloudFormation template in a running engine. */
@Command(name = "sam", mixinStandardHelpOptions = true,
        description = "Open your AWS SAM project: its functions and Kafka triggers.",
        subcommands = SamCommand.Import.class)
final class SamCommand extends GroupCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Reads an AWS SAM or CloudFormation template (YAML or JSON) and registers its functions",
                    "(Runtime, Handler, CodeUri, Timeout, MemorySize, Environment, with Globals) and its Kafka triggers",
                    "(MSK and SelfManagedKafka events, AWS::Lambda::EventSourceMapping). Importing again updates them",
                    "in place. What cannot be mapped is listed with its resource and line; the rest still imports.",
                    "Exit code 0 when everything imported, 2 when something could not be.",
                    "  triggerlab sam import template.yaml",
                    "  triggerlab sam import template.yaml --param Stage=prod --cluster triggerlab-sandbox"})
    static final class Import extends EngineApiCommand {

        @Parameters(index = "0", paramLabel = "TEMPLATE", description = "The template file (template.yaml, template.json).")
        Path template;

        @Option(names = "--param", paramLabel = "NAME=VALUE",
                description = "A template parameter's value (overrides its Default); repeatable.")
        Map<String, String> parameters = new LinkedHashMap<>();

        @Option(names = "--cluster", paramLabel = "NAME|TEMPLATE_ARN=NAME",
                description = {"The registered cluster that stands for the template's MSK cluster, when it is not clear",
                        "(no registered cluster has its ARN or name, and several are registered); repeatable."})
        List<String> clusters = new ArrayList<>();

        @Override
        public Integer call() {
            Path file = template.toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("Template " + file + " does not exist or is not a file");
            }
            ObjectNode body = newBody();
            body.put("template", file.toString());
            ObjectNode params = body.putObject("parameters");
            parameters.forEach(params::put);
            clusters.forEach(body.putArray("clusters")::add);
            JsonNode result = api().post("/triggerlab/v1/sam/import", body);
            PrintWriter out = out();
            out.println("Imported " + result.path("template").asText());
            section(out, "Functions", result.path("functions"));
            section(out, "Triggers", result.path("triggers"));
            for (JsonNode skipped : result.path("skipped")) {
                out.println("Skipped " + skipped.asText());
            }
            JsonNode problems = result.path("problems");
            if (problems.isEmpty()) {
                return 0;
            }
            out.println("Not imported (" + problems.size() + "):");
            for (JsonNode p : problems) {
                int line = p.path("line").asInt();
                out.println("  " + p.path("resource").asText() + (line > 0 ? " (line " + line + ")" : "") + ": "
                        + p.path("message").asText());
            }
            return TriggerLabCli.EXIT_USAGE;
        }

        private static void section(PrintWriter out, String title, JsonNode actions) {
            if (actions.isEmpty()) {
                return;
            }
            out.println(title + ":");
            for (JsonNode a : actions) {
                out.printf("  %-9s %-36s %s%n", a.path("outcome").asText().toLowerCase(Locale.ROOT),
                        a.path("resource").asText() + (title.equals("Triggers") ? " " + a.path("name").asText() : ""),
                        a.path("detail").asText());
            }
        }
    }
}
