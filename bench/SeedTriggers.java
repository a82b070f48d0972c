import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Saves N triggers (default 3) in a data directory, so bench/console-start.sh measures a returning user's start with
 * triggers to show. Run with the built engine on the class path (see console-start.sh's --seed).
 */
public class SeedTriggers {
    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (Engine engine = Engine.start(EngineConfig.defaults(data).withApiPort(0))) {
            String cluster = engine.clusters().list().get(0).clusterArn();
            for (int i = 1; i <= count; i++) {
                engine.topics().createTopic("bench-topic-" + i, 1);
                engine.functions().register(new FunctionDefinition("bench-fn-" + i, new CommandTarget(
                        List.of("sh", "-c", "cat > /dev/null; echo '{}'"), null, Map.of()), Duration.ofSeconds(10),
                        engine.config().region(), engine.config().accountId()));
                engine.mappings().create(CreateEventSourceMappingRequest.builder().functionName("bench-fn-" + i)
                        .eventSourceArn(cluster).topics(List.of("bench-topic-" + i)).startingPosition("LATEST")
                        .batchSize(10).enabled(true).build());
            }
        }
        System.out.println(count + " triggers saved in " + data);
    }
}
