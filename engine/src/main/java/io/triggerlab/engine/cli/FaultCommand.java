package io.triggerlab.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;


/** {@code triggerlab function fault NAME [--error N | --throttle N | --timeout N | --clear]}: fault injection. */
@Command(name = "fault", mixinStandardHelpOptions = true,
        description = {"Makes the next N invocations of a function fail, be throttled or time out, to watch retries,",
                "bisect and destinations happen. Without an option, shows what is armed. Forgotten on engine restart.",
                "  triggerlab function fault my-fn --error 3"})
final class FaultCommand extends EngineApiCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The registered function.")
    String name;

    @ArgGroup(exclusive = true)
    Action action;

    static final class Action {
        @Option(names = "--error", paramLabel = "N", description = "The next N invocations fail with a function error.")
        Integer error;

        @Option(names = "--throttle", paramLabel = "N", description = "The next N invocations are throttled (429).")
        Integer throttle;

        @Option(names = "--timeout", paramLabel = "N", description = "The next N invocations time out.")
        Integer timeout;

        @Option(names = "--clear", description = "Disarms the function's faults.")
        boolean clear;
    }

    @Override
    public Integer call() {
        EngineApiClient client = api();
        String path = "/triggerlab/v1/functions/" + encode(name) + "/faults";
        JsonNode plan;
        if (action == null) {
            plan = client.get(path);
        } else if (action.clear) {
            plan = client.delete(path);
            out().println(plan.path("armed").asBoolean()
                    ? "Cleared: " + plan.path("remaining").asInt() + " unused " + plan.path("kind").asText()
                    + " fault(s) of " + name + " disarmed"
                    : "Nothing was armed for " + name);
            return 0;
        } else {
            ObjectNode body = newBody();
            body.put("kind", action.error != null ? "error" : action.throttle != null ? "throttle" : "timeout");
            body.put("count", action.error != null ? action.error : action.throttle != null ? action.throttle
                    : action.timeout);
            plan = client.post(path, body);
        }
        out().println(describe(plan));
        return 0;
    }

    static String describe(JsonNode plan) {
        String name = plan.path("functionName").asText();
        if (!plan.path("armed").asBoolean()) {
            return "No faults armed for " + name;
        }
        return name + ": the next " + plan.path("remaining").asInt() + " invocation(s) will "
                + switch (plan.path("kind").asText()) {
                    case "error" -> "fail with a function error";
                    case "throttle" -> "be throttled (429)";
                    default -> "time out";
                } + " (" + plan.path("remaining").asInt() + " of " + plan.path("requested").asInt() + " left)";
    }
}
