package io.triggerlab.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code triggerlab trigger tags UUID [--add KEY=VALUE]... [--remove KEY]...}: a trigger's tags through Lambda's own
 * tagging operations (ListTags, TagResource, UntagResource on the mapping's ARN), as {@code aws lambda list-tags} does.
 */
@Command(name = "tags", mixinStandardHelpOptions = true,
        description = {"Shows a trigger's tags, after adding or removing the ones given (Lambda's TagResource,",
                "UntagResource and ListTags on the mapping's ARN).",
                "  triggerlab trigger tags 6f1c…",
                "  triggerlab trigger tags 6f1c… --add team=payments --remove env"})
final class TagsCommand extends EngineApiCommand {

    @Parameters(index = "0", paramLabel = "UUID", description = "The event source mapping.")
    String uuid;

    @Option(names = "--add", paramLabel = "KEY=VALUE", description = "A tag to add or change (repeatable).")
    List<String> add = List.of();

    @Option(names = "--remove", paramLabel = "KEY", description = "A tag key to remove (repeatable).")
    List<String> remove = List.of();

    @Override
    public Integer call() {
        EngineApiClient api = api();
        String arn = api.get("/2015-03-31/event-source-mappings/" + encode(uuid))
                .path("EventSourceMappingArn").asText();
        String path = "/2017-03-31/tags/" + encode(arn);
        if (!remove.isEmpty()) {
            api.delete(path + "?" + remove.stream().map(k -> "tagKeys=" + encode(k))
                    .collect(Collectors.joining("&")));
        }
        if (!add.isEmpty()) {
            ObjectNode body = newBody();
            ObjectNode tags = body.putObject("Tags");
            for (String pair : add) {
                int eq = pair.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("--add " + pair + " is not KEY=VALUE: write it as team=payments");
                }
                tags.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            api.post(path, body);
        }
        JsonNode listed = api.get(path).path("Tags");
        PrintWriter out = out();
        out.println("Tags of " + arn + ":");
        if (listed.isEmpty()) {
            out.println("  (none)");
        }
        listed.fields().forEachRemaining(tag -> out.println("  " + tag.getKey() + " = " + tag.getValue().asText()));
        return 0;
    }
}
