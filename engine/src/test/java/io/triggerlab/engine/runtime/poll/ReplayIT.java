package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.observe.events.EngineEvent;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.observe.history.PartitionRange;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.InvalidParameterValueException;
import io.triggerlab.engine.controlplane.mapping.ResourceNotFoundException;
import io.triggerlab.engine.runtime.replay.ReplayBatchIds;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Replaying a stored invocation into the function: the same bytes again, nothing committed, its own history row. */
@ExtendWith(SharedKafkaBroker.class)
class ReplayIT {

    private final EmbeddedKafkaBroker broker;
    private EngineHarness harness;
    private InvokeApiFunction function;

    ReplayIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void setUp(@TempDir Path dataDir) {
        harness = new EngineHarness(broker.bootstrapServers(), dataDir);
        function = new InvokeApiFunction();
        harness.registerInvokeApiFunction("fn", function, Duration.ofSeconds(3));
    }

    @AfterEach
    void tearDown() {
        harness.close();
        function.close();
    }

    @Test
    void replayReachesTheFunctionAgainWithByteIdenticalInput_andCommitsNothing() throws Exception {
        String topic = TestTopics.unique("replay");
        broker.createTopic(topic, 1);
        harness.produce(topic, 0, "r0", "r1", "r2");
        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.batchSize(10));
        await().until(() -> harness.committedOffset(mapping.consumerGroupId(), topic, 0) == 3);
        InvocationSummary delivered = harness.historyOldestFirst(mapping.uuid()).get(0);
        List<EngineEvent> seen = new CopyOnWriteArrayList<>();

        InvocationRecord replay;
        try (AutoCloseable subscription = harness.engine().events().subscribe(seen::add)) {
            replay = harness.engine().replay(delivered.id());
        }

        assertThat(function.events()).hasSize(2);
        assertThat(function.events().get(1)).isEqualTo(function.events().get(0));
        assertThat(replay.payload()).isEqualTo(function.events().get(0));
        assertThat(replay.outcome()).isEqualTo(InvocationOutcome.SUCCESS);
        assertThat(replay.attempt()).isEqualTo(1);
        assertThat(ReplayBatchIds.replayOf(replay.summary())).hasValue(delivered.id());
        assertThat(replay.partitions()).isEqualTo(delivered.partitions());
        assertThat(harness.committedOffset(mapping.consumerGroupId(), topic, 0)).isEqualTo(3);
        assertThat(harness.historyOldestFirst(mapping.uuid())).extracting(InvocationSummary::id)
                .containsExactly(delivered.id(), replay.id());
        assertThat(seen).filteredOn(e -> e instanceof EngineEvent.InvocationCompleted)
                .extracting(e -> ((EngineEvent.InvocationCompleted) e).invocation().id()).containsExactly(replay.id());
    }

    @Test
    void refusesToReplay_whenTheEventWasNotKept() {
        String topic = TestTopics.unique("replay-nobody");
        broker.createTopic(topic, 1);
        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.enabled(false));
        InvocationRecord withoutEvent = harness.engine().history().append(new InvocationRecord(0, mapping.uuid(),
                "batch-1", 1, "request-1", Instant.parse("2026-01-01T10:00:00Z"), Duration.ofMillis(5),
                InvocationOutcome.SUCCESS, List.of(new PartitionRange(topic, 0, 0, 0, 1)), 1, 800, null, null, null,
                ""));

        assertThatThrownBy(() -> harness.engine().replay(withoutEvent.id()))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith("Invocation #" + withoutEvent.id() + " cannot be replayed: its event JSON was"
                        + " not kept (payloadKept=false");
        assertThat(function.calls()).isZero();
    }

    @Test
    void refusesToReplay_whenTheFunctionIsNoLongerRegistered() {
        String topic = TestTopics.unique("replay-nofn");
        broker.createTopic(topic, 1);
        harness.produce(topic, 0, "only");
        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> { });
        await().until(() -> harness.committedOffset(mapping.consumerGroupId(), topic, 0) == 1);
        long id = harness.historyOldestFirst(mapping.uuid()).get(0).id();
        harness.engine().functions().remove("fn");

        assertThatThrownBy(() -> harness.engine().replay(id))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("Invocation #" + id + " cannot be replayed: the function " + mapping.functionArn()
                        + " is no longer registered. Register it again (triggerlab function add) and retry");
        assertThatThrownBy(() -> harness.engine().replay(987_654))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Invocation #987654 is not in the history");
        assertThat(function.calls()).isEqualTo(1);
    }
}
