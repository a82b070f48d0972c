package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.FilterCriteria;
import io.triggerlab.engine.controlplane.mapping.InvalidParameterValueException;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Filtering and the error controls end to end (docs/aws-behaviour.md#retries, #filtering): real broker, real engine, a function behind the real
 * Invoke wire protocol, with exact counts of what was delivered, retried, dropped and committed.
 */
@ExtendWith(SharedKafkaBroker.class)
class ErrorControlsIT {

    private final EmbeddedKafkaBroker broker;
    private EngineHarness harness;
    private InvokeApiFunction function;

    ErrorControlsIT(EmbeddedKafkaBroker broker) {
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

    private String topic(String name) {
        String topic = TestTopics.unique(name);
        broker.createTopic(topic, 1);
        return topic;
    }

    private List<InvocationSummary> history(EventSourceMapping mapping) {
        return harness.historyOldestFirst(mapping.uuid());
    }

    private static boolean contains(byte[] event, String value) {
        return InvokeApiFunction.recordsOf(event).stream().anyMatch(d -> value.equals(d.value()));
    }

    @Test
    void sendsOnlyMatchingRecords_andCommitsPastTheFilteredOnesAfterTheInvoke() {
        String topic = topic("filter");
        String[] values = IntStream.range(0, 10)
                .mapToObj(i -> "{\"n\":" + i + ",\"kind\":\"" + (i % 2 == 0 ? "even" : "odd") + "\"}").toArray(String[]::new);
        harness.produce(topic, 0, values);

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.filterCriteria(
                FilterCriteria.of("{\"value\":{\"kind\":[\"even\"]}}")));

        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 10);
        assertThat(function.delivered()).extracting(InvokeApiFunction.Delivered::offset).containsExactly(0L, 2L, 4L, 6L, 8L);
        assertThat(function.calls()).isEqualTo(1);
    }

    @Test
    void refusesAFilterPatternThatDoesNotParse_atCreateAndUpdate() {
        String topic = topic("badfilter");
        assertThatThrownBy(() -> harness.createMapping("fn", topic, r -> r.filterCriteria(
                FilterCriteria.of("{\"value\":{\"n\":[{\"numeric\":[\">\"]}]}}"))))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith("Invalid filter pattern definition. Filter 1 of FilterCriteria: Value of > must be"
                        + " numeric (at column");
        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> { });
        assertThatThrownBy(() -> harness.engine().mappings().update(mapping.uuid(), UpdateEventSourceMappingRequest
                .builder().filterCriteria(FilterCriteria.of("{\"value\":\"x\"}")).build()))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("\"value\" must be an object or an array (at column 11)");
    }

    @Test
    void dropsTheBatch_afterMaximumRetryAttempts_andMovesOn() {
        String topic = topic("retries");
        harness.produce(topic, 0, "a", "b", "c");
        function.behave((call, event) -> contains(event, "a")
                ? InvokeApiFunction.Response.error("boom") : InvokeApiFunction.Response.ok());

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.maximumRetryAttempts(2).batchSize(10));
        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 3);
        harness.produce(topic, 0, "d");
        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 4);

        assertThat(history(mapping)).extracting(InvocationSummary::outcome).containsExactly(
                InvocationOutcome.FUNCTION_ERROR, InvocationOutcome.FUNCTION_ERROR, InvocationOutcome.FUNCTION_ERROR,
                InvocationOutcome.DROPPED, InvocationOutcome.SUCCESS);
        InvocationSummary dropped = history(mapping).get(3);
        assertThat(dropped.recordCount()).isEqualTo(3);
        assertThat(dropped.errorMessage()).startsWith("3 record(s) dropped (RetryAttemptsExhausted)");
        assertThat(function.calls()).isEqualTo(4);
    }

    @Test
    void bisectsAFailingBatch_untilThePoisonRecordIsAlone_andDeliversTheRestInOrder() {
        String topic = topic("bisect");
        harness.produce(topic, 0, "a", "b", "poison", "d");
        function.behave((call, event) -> contains(event, "poison")
                ? InvokeApiFunction.Response.error("poison") : InvokeApiFunction.Response.ok());

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.bisectBatchOnFunctionError(true)
                .maximumRetryAttempts(1).batchSize(10));

        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 4);
        assertThat(function.events()).extracting(e -> InvokeApiFunction.recordsOf(e).stream()
                .map(InvokeApiFunction.Delivered::value).toList()).containsExactly(
                List.of("a", "b", "poison", "d"), List.of("a", "b"), List.of("poison", "d"), List.of("poison"),
                List.of("poison"), List.of("d"));
        List<InvocationSummary> rows = history(mapping);
        assertThat(rows).extracting(InvocationSummary::outcome).containsExactly(
                InvocationOutcome.FUNCTION_ERROR, InvocationOutcome.SUCCESS, InvocationOutcome.FUNCTION_ERROR,
                InvocationOutcome.FUNCTION_ERROR, InvocationOutcome.FUNCTION_ERROR, InvocationOutcome.DROPPED,
                InvocationOutcome.SUCCESS);
        assertThat(rows.get(5).partitions().get(0).firstOffset()).isEqualTo(2);
        assertThat(rows).extracting(InvocationSummary::batchId).containsOnly(rows.get(0).batchId());
    }

    @Test
    void retriesOnlyTheReportedRecordAndWhatFollows_andCommitsWhatPrecedesIt() {
        String topic = topic("partial");
        harness.produce(topic, 0, "r0", "r1", "r2", "r3", "r4");
        List<Long> committedBeforeEachCall = new CopyOnWriteArrayList<>();
        String[] group = new String[1];
        function.behave((call, event) -> {
            committedBeforeEachCall.add(harness.committedOffset(group[0], topic, 0));
            return call == 1 ? new InvokeApiFunction.Response(false,
                    "{\"batchItemFailures\":[{\"itemIdentifier\":{\"partition\":\"" + topic + "-0\",\"offset\":2}}]}", 0)
                    : InvokeApiFunction.Response.ok();
        });

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.enabled(false).batchSize(10)
                .functionResponseTypes(List.of("ReportBatchItemFailures")));
        group[0] = mapping.uuid();
        harness.engine().mappings().update(mapping.uuid(), UpdateEventSourceMappingRequest.builder().enabled(true).build());

        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 5);
        assertThat(function.events()).extracting(e -> InvokeApiFunction.recordsOf(e).stream()
                .map(InvokeApiFunction.Delivered::offset).toList()).containsExactly(
                List.of(0L, 1L, 2L, 3L, 4L), List.of(2L, 3L, 4L));
        assertThat(committedBeforeEachCall).containsExactly(-1L, 2L);
        assertThat(history(mapping)).extracting(InvocationSummary::outcome).containsExactly(
                InvocationOutcome.BATCH_ITEM_FAILURES, InvocationOutcome.SUCCESS);
    }

    @Test
    void retriesTheWholeBatch_whenAReportedItemIsNotInIt() {
        String topic = topic("partialbad");
        harness.produce(topic, 0, "x0", "x1");
        function.behave((call, event) -> call == 1 ? new InvokeApiFunction.Response(false,
                "{\"batchItemFailures\":[{\"itemIdentifier\":{\"partition\":\"other-0\",\"offset\":1}}]}", 0)
                : InvokeApiFunction.Response.ok());

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.batchSize(10)
                .functionResponseTypes(List.of("ReportBatchItemFailures")));

        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 2);
        assertThat(function.events()).hasSize(2);
        assertThat(function.events().get(1)).isEqualTo(function.events().get(0));
        assertThat(history(mapping).get(0).errorMessage())
                .isEqualTo("The batchItemFailures response fails the whole batch: an itemIdentifier names a record that is not in the batch");
    }

    @Test
    void dropsRecordsOlderThanMaximumRecordAge_withoutSendingThem() {
        String topic = topic("age");
        long now = System.currentTimeMillis();
        harness.produce(topic, 0, now - 300_000, "old1", "old2");
        harness.produce(topic, 0, now, "fresh");

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.maximumRecordAgeInSeconds(60).batchSize(10));

        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 3);
        assertThat(function.delivered()).extracting(InvokeApiFunction.Delivered::value).containsExactly("fresh");
        List<InvocationSummary> rows = history(mapping);
        assertThat(rows).extracting(InvocationSummary::outcome)
                .containsExactly(InvocationOutcome.DROPPED, InvocationOutcome.SUCCESS);
        assertThat(rows.get(0).recordCount()).isEqualTo(2);
        assertThat(rows.get(0).errorMessage()).contains("RecordAgeExceeded");
        assertThat(new String(harness.engine().history().get(rows.get(1).id()).orElseThrow().payload(),
                StandardCharsets.UTF_8)).doesNotContain("b2xk"); // base64 of "old"
    }
}
