package io.triggerlab.engine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * A command that talks to a running engine through its HTTP API: the {@code --endpoint} option and the command line
 * it prints to. Picocli finds the annotated fields in this superclass.
 */
abstract class EngineApiCommand implements Callable<Integer> {

    @Mixin
    FunctionCommand.EndpointMixin endpoint;

    @Spec
    CommandSpec spec;

    /** The running engine's API at {@code --endpoint}. */
    EngineApiClient api() {
        return new EngineApiClient(endpoint.endpoint);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** An empty JSON object to send as a request body. */
    static ObjectNode newBody() {
        return EngineApiClient.json().createObjectNode();
    }

    /** A name, UUID or ARN as one path segment or query value. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
