package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.infra.sandbox.BrokerSettings;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.infra.sandbox.FreePorts;
import io.triggerlab.engine.testing.TestTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cluster goes away under a running mapping (a broker of its own, closed and started again on the same port and
 * data): the mapping stays Enabled and reports AWS's connection-error PROBLEM, then OK once the cluster is back, and
 * every record — before, during and after — reaches the function with the offsets committed past them.
 */
class ClusterDisappearsIT {

    private static final String CONNECTION_ERROR =
            "PROBLEM: Connection error. Please check your event source connection configuration.";

    private EmbeddedKafkaBroker broker;
    private EngineHarness harness;
    private InvokeApiFunction function;

    @AfterEach
    void tearDown() {
        if (harness != null) {
            harness.close();
        }
        if (function != null) {
            function.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void reportsConnectionError_whileTheClusterIsGone_thenOkAndNothingLost(@TempDir Path brokerDir,
                                                                           @TempDir Path dataDir) {
        BrokerSettings settings = BrokerSettings.inDirectory(brokerDir).withPort(FreePorts.pick());
        broker = EmbeddedKafkaBroker.start(settings);
        String topic = TestTopics.unique("vanishing");
        broker.createTopic(topic, 2);
        harness = new EngineHarness(broker.bootstrapServers(), dataDir);
        function = new InvokeApiFunction();
        harness.registerInvokeApiFunction("fn", function, Duration.ofSeconds(3));
        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.batchSize(50));
        harness.produce(topic, 0, values("before", 20));
        await().until(() -> function.delivered().size() >= 20);

        broker.close();
        await().atMost(Duration.ofSeconds(90)).until(() -> CONNECTION_ERROR.equals(result(mapping)));
        assertThat(harness.engine().mappings().get(mapping.uuid()).state()).isEqualTo(MappingState.ENABLED);

        broker = EmbeddedKafkaBroker.start(settings);
        harness.produce(topic, 1, values("after", 20));
        await().atMost(Duration.ofSeconds(90)).until(() -> "OK".equals(result(mapping)));
        await().atMost(Duration.ofSeconds(60)).until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 20
                && harness.committedOffset(mapping.uuid(), topic, 1) == 20);
        Set<String> distinct = new HashSet<>();
        function.delivered().forEach(d -> distinct.add(d.partition() + ":" + d.offset()));
        assertThat(distinct).hasSize(40);
    }

    private String result(EventSourceMapping mapping) {
        return harness.engine().mappings().get(mapping.uuid()).lastProcessingResult();
    }

    private static String[] values(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toArray(String[]::new);
    }
}
