package io.triggerlab.engine.cli;

import io.triggerlab.engine.client.EngineClient;
import io.triggerlab.engine.controlplane.api.ApiAccess;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code serve --print-env} prints: shell exports that point a test in any language (pytest, Jest, Go) at this
 * engine, so it can drive the Lambda API with its own AWS SDK and produce to the broker with its own Kafka client.
 */
final class TestEnvironment {

    /** The last line printed, once the engine is ready: a script waits for it before sourcing the exports. */
    static final String READY = "# TriggerLab ready";

    private TestEnvironment() {
    }

    static Map<String, String> variables(EngineClient engine, ApiAccess access) {
        Map<String, String> env = new LinkedHashMap<>();
        String endpoint = engine.apiEndpoint().toString();
        env.put("TRIGGERLAB_API_ENDPOINT", endpoint);
        // The AWS SDKs and CLI v2 read a service's endpoint from AWS_ENDPOINT_URL_<SERVICE>.
        env.put("AWS_ENDPOINT_URL_LAMBDA", endpoint);
        env.put("AWS_REGION", engine.config().region());
        env.put("AWS_DEFAULT_REGION", engine.config().region());
        // Loopback needs no credentials, but every SDK insists on some; off loopback the token is the key id.
        env.put("AWS_ACCESS_KEY_ID", access.tokenRequired() ? access.token() : "triggerlab");
        env.put("AWS_SECRET_ACCESS_KEY", "triggerlab");
        env.put("TRIGGERLAB_BOOTSTRAP_SERVERS", engine.bootstrapServers());
        engine.clusters().stream().filter(c -> c.clusterName().equals(EngineClient.SANDBOX_CLUSTER_NAME)).findFirst()
                .ifPresent(c -> env.put("TRIGGERLAB_SANDBOX_CLUSTER_ARN", c.clusterArn()));
        return env;
    }

    /** POSIX shell exports, values single-quoted. */
    static String exports(Map<String, String> variables) {
        StringBuilder text = new StringBuilder();
        variables.forEach((name, value) -> text.append("export ").append(name).append("='")
                .append(value.replace("'", "'\\''")).append("'\n"));
        return text.append(READY).append('\n').toString();
    }
}
