package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.runtime.step.StepMode;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Step mode: each batch waits for "Deliver next batch"; nothing is delivered or committed before it. */
@ExtendWith(SharedKafkaBroker.class)
class StepModeIT {

    private final EmbeddedKafkaBroker broker;
    private EngineHarness harness;

    StepModeIT(EmbeddedKafkaBroker broker) {
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

    @Test
    void eachBatchWaitsForDeliverNextBatch_andTurningStepModeOffRunsOn() {
        harness.register("fn", new CommandTarget(List.of("sh", "-c", "cat > /dev/null; echo '{}'"), null, Map.of()),
                Duration.ofSeconds(10));
        String topic = TestTopics.unique("step");
        broker.createTopic(topic, 1);
        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.batchSize(1));
        StepMode steps = harness.engine().stepMode();
        steps.set(mapping.uuid(), true);

        harness.produce(topic, 0, "one", "two", "three");

        await().atMost(Duration.ofSeconds(30)).until(() -> steps.status(mapping.uuid()).batchWaiting());
        assertThat(harness.committedOffset(mapping.uuid(), topic, 0)).isEqualTo(-1);
        assertThat(harness.historyOldestFirst(mapping.uuid())).isEmpty();

        steps.deliverNext(mapping.uuid());
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> steps.status(mapping.uuid()).batchWaiting()
                && steps.status(mapping.uuid()).deliveriesGranted() == 0);
        assertThat(harness.committedOffset(mapping.uuid(), topic, 0)).isEqualTo(1);
        assertThat(harness.historyOldestFirst(mapping.uuid())).hasSize(1);

        steps.set(mapping.uuid(), false);
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 3);
        assertThat(steps.status(mapping.uuid()).batchWaiting()).isFalse();
    }
}
