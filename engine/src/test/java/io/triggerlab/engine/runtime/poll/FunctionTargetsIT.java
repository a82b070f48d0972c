package io.triggerlab.engine.runtime.poll;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.JavaHandlerTarget;
import io.triggerlab.engine.observe.history.HistoryQuery;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import io.triggerlab.testfunctions.KafkaRecordsHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The in-process Java handler and command targets, driven by real pollers through the whole engine. */
@ExtendWith(SharedKafkaBroker.class)
class FunctionTargetsIT {

    private final EmbeddedKafkaBroker broker;
    private EngineHarness harness;

    FunctionTargetsIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void setUp(@TempDir Path dataDir) {
        harness = new EngineHarness(broker.bootstrapServers(), dataDir);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private List<InvocationSummary> successes(EventSourceMapping mapping) {
        return harness.engine().history().list(HistoryQuery.ofMapping(mapping.uuid(), 100).withOutcome(InvocationOutcome.SUCCESS));
    }

    @Test
    void javaHandlerReceivesTheRecordsAsAKafkaEvent() throws Exception {
        harness.register("java-fn", new JavaHandlerTarget(
                List.of(locationOf(KafkaRecordsHandler.class), locationOf(KafkaEvent.class)),
                KafkaRecordsHandler.class.getName() + "::handleRequest"), Duration.ofSeconds(3));
        String topic = TestTopics.unique("java");
        broker.createTopic(topic, 1);
        harness.produce(topic, 0, "hello", "wörld");

        EventSourceMapping mapping = harness.createMapping("java-fn", topic, r -> { });

        await().until(() -> successes(mapping).stream().mapToInt(InvocationSummary::recordCount).sum() == 2);
        InvocationRecord first = harness.engine().history().get(successes(mapping).get(successes(mapping).size() - 1).id()).orElseThrow();
        assertThat(new String(first.response(), StandardCharsets.UTF_8)).contains(topic + "-0@0 <null>=hello");
        assertThat(first.logs()).contains("got ").contains("SelfManagedKafka");
    }

    @Test
    void commandReceivesTheEventOnStdin() throws Exception {
        Path script = Files.createTempFile("fn", ".sh");
        Files.writeString(script, "#!/bin/sh\ncat > /dev/null\necho 'processed' >&2\necho '{\"ok\":true}'\n");
        harness.register("cmd-fn", new CommandTarget(List.of("sh", script.toString()), null, Map.of()), Duration.ofSeconds(5));
        String topic = TestTopics.unique("cmd");
        broker.createTopic(topic, 1);
        harness.produce(topic, 0, "one", "two", "three");

        EventSourceMapping mapping = harness.createMapping("cmd-fn", topic, r -> { });

        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 3);
        InvocationRecord last = harness.engine().history().get(successes(mapping).get(0).id()).orElseThrow();
        assertThat(new String(last.response(), StandardCharsets.UTF_8).trim()).isEqualTo("{\"ok\":true}");
        assertThat(last.logs()).contains("processed");
        assertThat(new String(last.payload(), StandardCharsets.UTF_8)).startsWith("{\"eventSource\":\"SelfManagedKafka\"");
    }

    private static Path locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
