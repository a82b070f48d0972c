package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.runtime.offsets.OffsetReset;
import io.triggerlab.engine.runtime.offsets.OffsetResetResult;
import io.triggerlab.engine.runtime.offsets.PartitionOffsetReset;
import io.triggerlab.engine.controlplane.mapping.ResourceInUseException;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Resetting a disabled trigger's consumer group on the real broker, and what the pollers read afterwards. */
@ExtendWith(SharedKafkaBroker.class)
class OffsetResetIT {

    private final EmbeddedKafkaBroker broker;
    private EngineHarness harness;
    private InvokeApiFunction function;

    OffsetResetIT(EmbeddedKafkaBroker broker) {
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

    private static String[] values(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toArray(String[]::new);
    }

    @Test
    void redeliversExactlyTheSameRecordsOnce_afterAResetToEarliestAndReEnabling() {
        String topic = TestTopics.unique("reset");
        broker.createTopic(topic, 2);
        harness.produce(topic, 0, values("a", 10));
        harness.produce(topic, 1, values("b", 7));
        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.batchSize(5));
        String group = mapping.consumerGroupId();
        await().until(() -> harness.committedOffset(group, topic, 0) == 10 && harness.committedOffset(group, topic, 1) == 7);
        List<InvokeApiFunction.Delivered> first = function.delivered();
        assertThat(first).hasSize(17);

        disable(mapping.uuid());
        OffsetResetResult result = harness.engine().mappings().resetOffsets(mapping.uuid(), new OffsetReset.Earliest());

        assertThat(result.consumerGroupId()).isEqualTo(group);
        assertThat(result.partitions()).containsExactly(new PartitionOffsetReset(0, 10, 0), new PartitionOffsetReset(1, 7, 0));
        assertThat(harness.committedOffset(group, topic, 0)).isZero();
        enable(mapping.uuid());
        await().until(() -> harness.committedOffset(group, topic, 0) == 10 && harness.committedOffset(group, topic, 1) == 7);
        List<InvokeApiFunction.Delivered> all = function.delivered();
        assertThat(all).hasSize(34);
        assertThat(all.subList(17, 34)).containsExactlyInAnyOrderElementsOf(first);
    }

    @Test
    void refusesToReset_whileTheTriggerIsEnabled() {
        String topic = TestTopics.unique("reset-enabled");
        broker.createTopic(topic, 1);
        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> { });

        assertThatThrownBy(() -> harness.engine().mappings().resetOffsets(mapping.uuid(), new OffsetReset.Earliest()))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessage("Disable the trigger before resetting its offsets: " + mapping.uuid() + " is Enabled");
    }

    @Test
    void movesToTheFirstRecordAtTheTimestamp_toTheEndPastTheNewest_andToLatest() {
        String topic = TestTopics.unique("reset-time");
        broker.createTopic(topic, 1);
        // Recent times: records older than the broker's retention (7 days) may be deleted under the test, and then
        // "earliest" is no longer offset 0.
        Instant newer = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        Instant old = newer.minus(Duration.ofHours(1));
        harness.produce(topic, 0, old.toEpochMilli(), values("old", 4));
        harness.produce(topic, 0, newer.toEpochMilli(), values("new", 3));
        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.enabled(false));
        var mappings = harness.engine().mappings();

        OffsetResetResult atNewer = mappings.resetOffsets(mapping.uuid(), new OffsetReset.AtTimestamp(newer.minusSeconds(60)));
        OffsetResetResult pastEnd = mappings.resetOffsets(mapping.uuid(), new OffsetReset.AtTimestamp(newer.plusSeconds(60)));
        OffsetResetResult earliest = mappings.resetOffsets(mapping.uuid(), new OffsetReset.Earliest());
        OffsetResetResult latest = mappings.resetOffsets(mapping.uuid(), new OffsetReset.Latest());

        assertThat(atNewer.partitions()).containsExactly(new PartitionOffsetReset(0, PartitionOffsetReset.NONE, 4));
        assertThat(pastEnd.partitions()).containsExactly(new PartitionOffsetReset(0, 4, 7));
        assertThat(earliest.partitions()).containsExactly(new PartitionOffsetReset(0, 7, 0));
        assertThat(latest.partitions()).containsExactly(new PartitionOffsetReset(0, 0, 7));
        assertThat(harness.committedOffset(mapping.consumerGroupId(), topic, 0)).isEqualTo(7);
    }

    private void disable(String uuid) {
        harness.engine().mappings().update(uuid, UpdateEventSourceMappingRequest.builder().enabled(false).build());
        harness.awaitState(uuid, MappingState.DISABLED);
    }

    private void enable(String uuid) {
        harness.engine().mappings().update(uuid, UpdateEventSourceMappingRequest.builder().enabled(true).build());
        harness.awaitState(uuid, MappingState.ENABLED);
    }
}
