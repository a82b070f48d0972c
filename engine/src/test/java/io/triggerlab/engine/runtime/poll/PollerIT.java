package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.observe.history.HistoryQuery;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.ResourceNotFoundException;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The pollers end to end: real broker, real engine, a function behind the real Invoke wire protocol. */
@ExtendWith(SharedKafkaBroker.class)
class PollerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final EmbeddedKafkaBroker broker;
    private EngineHarness harness;
    private InvokeApiFunction function;

    PollerIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void setUp(@TempDir Path dataDir) {
        harness = new EngineHarness(broker.bootstrapServers(), dataDir);
        function = new InvokeApiFunction();
        harness.registerInvokeApiFunction("fn", function, TIMEOUT);
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
    void deliversEveryRecordInOffsetOrderPerPartition_andCommitsPastTheLast() {
        String topic = TestTopics.unique("order");
        broker.createTopic(topic, 3);
        for (int p = 0; p < 3; p++) {
            harness.produce(topic, p, values("p" + p + "-", 100));
        }
        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.batchSize(40));

        await().until(() -> function.delivered().size() >= 300);
        Map<Integer, List<Long>> offsetsByPartition = function.delivered().stream().collect(
                Collectors.groupingBy(InvokeApiFunction.Delivered::partition,
                        Collectors.mapping(InvokeApiFunction.Delivered::offset, Collectors.toList())));
        for (int p = 0; p < 3; p++) {
            assertThat(offsetsByPartition.get(p)).containsExactlyElementsOf(
                    IntStream.range(0, 100).mapToObj(Long::valueOf).toList());
        }
        assertThat(function.events()).allSatisfy(e -> assertThat(InvokeApiFunction.recordsOf(e)).hasSizeLessThanOrEqualTo(40));
        await().untilAsserted(() -> {
            for (int p = 0; p < 3; p++) {
                assertThat(harness.committedOffset(mapping.uuid(), topic, p)).isEqualTo(100);
            }
        });
        await().until(() -> harness.engine().mappings().get(mapping.uuid()).lastProcessingResult().equals("OK"));
    }

    @Test
    void closesBatchesAtBatchSize_andTheRestWhenTheWindowEnds() {
        String topic = TestTopics.unique("size");
        broker.createTopic(topic, 1);
        harness.produce(topic, 0, values("v", 250));

        harness.createMapping("fn", topic, r -> r.batchSize(100).maximumBatchingWindowInSeconds(2));

        await().until(() -> function.delivered().size() >= 250);
        assertThat(function.events()).extracting(e -> InvokeApiFunction.recordsOf(e).size()).containsExactly(100, 100, 50);
    }

    @Test
    void retriesTheSameBatch_andCommitsOnlyAfterItSucceeds_whenTheFunctionFailsTwice() {
        String topic = TestTopics.unique("retry");
        broker.createTopic(topic, 1);
        harness.produce(topic, 0, "a", "b", "c");
        List<Long> committedBeforeEachCall = new ArrayList<>();
        String[] group = new String[1];
        function.behave((call, event) -> {
            committedBeforeEachCall.add(group[0] == null ? -1 : harness.committedOffset(group[0], topic, 0));
            return call <= 2 ? InvokeApiFunction.Response.error("boom " + call) : InvokeApiFunction.Response.ok();
        });

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.batchSize(10).enabled(false));
        group[0] = mapping.uuid();
        harness.engine().mappings().update(mapping.uuid(), UpdateEventSourceMappingRequest.builder().enabled(true).build());

        await().until(() -> function.calls() >= 3);
        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 3);
        List<byte[]> events = function.events();
        assertThat(events.get(1)).isEqualTo(events.get(0));
        assertThat(events.get(2)).isEqualTo(events.get(0));
        assertThat(committedBeforeEachCall).containsExactly(-1L, -1L, -1L);

        List<InvocationSummary> attempts = harness.engine().history().list(HistoryQuery.ofMapping(mapping.uuid(), 10));
        assertThat(attempts).extracting(InvocationSummary::outcome).containsExactly(
                InvocationOutcome.SUCCESS, InvocationOutcome.FUNCTION_ERROR, InvocationOutcome.FUNCTION_ERROR);
        assertThat(attempts).extracting(InvocationSummary::batchId).containsOnly(attempts.get(0).batchId());
    }

    @Test
    void reportsFunctionCallFailed_whileTheFunctionKeepsFailing() {
        String topic = TestTopics.unique("failing");
        broker.createTopic(topic, 1);
        harness.produce(topic, 0, "x");
        function.behave((call, event) -> InvokeApiFunction.Response.error("always"));

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> { });

        await().until(() -> harness.engine().mappings().get(mapping.uuid()).lastProcessingResult()
                .equals("PROBLEM: Function call failed"));
        assertThat(harness.committedOffset(mapping.uuid(), topic, 0)).isEqualTo(-1);
    }

    @Test
    void reportsLambdasTimeoutMessage_andRetries_whenTheFunctionIsTooSlow() {
        harness.registerInvokeApiFunction("slow", function, Duration.ofSeconds(1));
        String topic = TestTopics.unique("timeout");
        broker.createTopic(topic, 1);
        harness.produce(topic, 0, "t");
        function.behave((call, event) -> call == 1 ? InvokeApiFunction.Response.slow(3_000) : InvokeApiFunction.Response.ok());

        EventSourceMapping mapping = harness.createMapping("slow", topic, r -> { });

        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 1);
        List<InvocationSummary> attempts = harness.engine().history().list(HistoryQuery.ofMapping(mapping.uuid(), 10));
        assertThat(attempts).extracting(InvocationSummary::outcome)
                .containsExactly(InvocationOutcome.SUCCESS, InvocationOutcome.TIMED_OUT);
        assertThat(attempts.get(1).errorMessage()).isEqualTo("Task timed out after 1.00 seconds");
    }

    @Test
    void resumesFromTheCommittedOffsets_afterAnEngineRestart() {
        String topic = TestTopics.unique("restart");
        broker.createTopic(topic, 2);
        harness.produce(topic, 0, values("a", 10));
        harness.produce(topic, 1, values("b", 10));
        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> { });
        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 10
                && harness.committedOffset(mapping.uuid(), topic, 1) == 10);

        harness.restart();
        harness.produce(topic, 0, values("c", 5));
        harness.awaitState(mapping.uuid(), MappingState.ENABLED);

        await().until(() -> function.delivered().size() >= 25);
        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 15);
        Set<String> seen = new HashSet<>();
        function.delivered().forEach(d -> assertThat(seen.add(d.partition() + ":" + d.offset())).as("delivered once: " + d).isTrue());
        assertThat(seen).hasSize(25);
    }

    @Test
    void startsAtTheTimestamp_whenStartingPositionIsAtTimestamp() {
        String topic = TestTopics.unique("ts");
        broker.createTopic(topic, 1);
        long now = System.currentTimeMillis();
        harness.produce(topic, 0, now - 120_000, values("old", 5));
        harness.produce(topic, 0, now - 10_000, values("new", 5));

        harness.createMapping("fn", topic, r -> r.startingPosition("AT_TIMESTAMP")
                .startingPositionTimestamp(Instant.ofEpochMilli(now - 60_000)));

        await().until(() -> function.delivered().size() >= 5);
        assertThat(function.delivered()).extracting(InvokeApiFunction.Delivered::value)
                .containsExactly(values("new", 5));
    }

    @Test
    void eachMappingReadsEveryRecord_inItsOwnConsumerGroup() {
        InvokeApiFunction second = new InvokeApiFunction();
        try {
            harness.registerInvokeApiFunction("fn2", second, TIMEOUT);
            String topic = TestTopics.unique("two");
            broker.createTopic(topic, 2);
            harness.produce(topic, 0, values("x", 20));
            harness.produce(topic, 1, values("y", 20));

            EventSourceMapping a = harness.createMapping("fn", topic, r -> { });
            EventSourceMapping b = harness.createMapping("fn2", topic, r -> { });

            await().until(() -> function.delivered().size() >= 40 && second.delivered().size() >= 40);
            assertThat(function.delivered()).hasSize(40);
            assertThat(second.delivered()).hasSize(40);
            assertThat(a.consumerGroupId()).isNotEqualTo(b.consumerGroupId());
        } finally {
            second.close();
        }
    }

    @Test
    void disableStopsDelivery_enableResumesIt_deleteRemovesTheMapping() {
        String topic = TestTopics.unique("lifecycle");
        broker.createTopic(topic, 1);
        harness.produce(topic, 0, "one");
        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> { });
        await().until(() -> function.delivered().size() == 1);

        harness.engine().mappings().update(mapping.uuid(), UpdateEventSourceMappingRequest.builder().enabled(false).build());
        harness.awaitState(mapping.uuid(), MappingState.DISABLED);
        assertThat(harness.engine().pollerCount(mapping.uuid())).isZero();
        harness.produce(topic, 0, "two");

        harness.engine().mappings().update(mapping.uuid(), UpdateEventSourceMappingRequest.builder().enabled(true).build());
        harness.awaitState(mapping.uuid(), MappingState.ENABLED);
        await().until(() -> function.delivered().size() == 2);
        assertThat(function.delivered()).extracting(InvokeApiFunction.Delivered::value).containsExactly("one", "two");

        EventSourceMapping deleting = harness.engine().mappings().delete(mapping.uuid());
        assertThat(deleting.state()).isEqualTo(MappingState.DELETING);
        await().untilAsserted(() -> assertThatThrownBy(() -> harness.engine().mappings().get(mapping.uuid()))
                .isInstanceOf(ResourceNotFoundException.class));
    }

    @Test
    void keepsEveryEventWithinTheSixMegabyteLimit_andSkipsARecordTooLargeForAnyEvent() {
        String topic = TestTopics.unique("big");
        harness.createTopic(topic, 1, Map.of("max.message.bytes", String.valueOf(8 * 1024 * 1024)));
        String mb = "m".repeat(1_000_000);
        harness.produce(topic, 0, mb + 0, mb + 1, mb + 2, mb + 3, mb + 4, mb + 5);
        harness.produce(topic, 0, "x".repeat(5_000_000));
        harness.produce(topic, 0, "after");

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.batchSize(100).maximumBatchingWindowInSeconds(3));

        await().atMost(Duration.ofSeconds(60)).until(() -> function.delivered().size() >= 7);
        assertThat(function.events()).allSatisfy(e -> assertThat(e.length).isLessThanOrEqualTo(6_291_456));
        assertThat(function.events()).extracting(e -> InvokeApiFunction.recordsOf(e).size()).startsWith(4, 2);
        assertThat(function.delivered()).extracting(InvokeApiFunction.Delivered::offset).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 7L);
        List<InvocationSummary> skipped = harness.engine().history().list(
                HistoryQuery.ofMapping(mapping.uuid(), 10).withOutcome(InvocationOutcome.MAXIMUM_PAYLOAD_SIZE_EXCEEDED));
        assertThat(skipped).hasSize(1);
        assertThat(skipped.get(0).partitions().get(0).firstOffset()).isEqualTo(6);
        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 8);
    }
}
