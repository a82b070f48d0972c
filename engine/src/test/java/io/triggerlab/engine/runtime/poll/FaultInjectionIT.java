package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.invoke.faults.FaultInjectingInvoker;
import io.triggerlab.engine.invoke.faults.FaultKind;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.observe.metrics.EsmMetric;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault injection end to end: faults armed on the engine reach the poller through the invoker factory, and retries,
 * bisect, history and metrics treat them exactly as real failures — the real function only sees what is left.
 */
@ExtendWith(SharedKafkaBroker.class)
class FaultInjectionIT {

    private final EmbeddedKafkaBroker broker;
    private EngineHarness harness;
    private InvokeApiFunction function;

    FaultInjectionIT(EmbeddedKafkaBroker broker) {
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

    private InvocationRecord full(InvocationSummary row) {
        return harness.engine().history().get(row.id()).orElseThrow();
    }

    @Test
    void retriesPastTwoInjectedErrors_thenTheRealFunctionGetsTheBatchOnce() {
        String topic = topic("fault-retry");
        harness.produce(topic, 0, "a", "b", "c");
        harness.engine().faults().arm("fn", FaultKind.ERROR, 2);

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.maximumRetryAttempts(2).batchSize(10));
        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 3);

        List<InvocationSummary> rows = history(mapping);
        assertThat(rows).extracting(InvocationSummary::outcome).containsExactly(
                InvocationOutcome.FUNCTION_ERROR, InvocationOutcome.FUNCTION_ERROR, InvocationOutcome.SUCCESS);
        assertThat(rows).extracting(InvocationSummary::attempt).containsExactly(1, 2, 3);
        assertThat(rows).extracting(InvocationSummary::recordCount).containsExactly(3, 3, 3);
        assertThat(rows).extracting(InvocationSummary::batchId).containsOnly(rows.get(0).batchId());
        InvocationRecord injected = full(rows.get(1));
        assertThat(new String(injected.response(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"errorMessage\":\"Injected by TriggerLab fault injection (2 of 2)\",\"errorType\":\""
                        + FaultInjectingInvoker.ERROR_TYPE + "\",\"stackTrace\":[]}");
        assertThat(injected.errorMessage()).isEqualTo("Function error: Unhandled");
        assertThat(injected.logs()).contains(FaultInjectingInvoker.MARKER + " (2 of 2): error");
        assertThat(function.calls()).isEqualTo(1);
        assertThat(harness.engine().faults().plan("fn")).isEmpty();
    }

    @Test
    void bisectsOnInjectedErrors_likeOnRealOnes() {
        String topic = topic("fault-bisect");
        harness.produce(topic, 0, "a", "b", "c", "d");
        harness.engine().faults().arm("fn", FaultKind.ERROR, 2);

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.bisectBatchOnFunctionError(true)
                .maximumRetryAttempts(1).batchSize(10));
        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 4);

        // [a b c d] fails (injected 1) -> [a b] fails (injected 2) -> [a], [b], then [c d] reach the function.
        assertThat(history(mapping)).extracting(InvocationSummary::outcome, InvocationSummary::recordCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(InvocationOutcome.FUNCTION_ERROR, 4),
                        org.assertj.core.groups.Tuple.tuple(InvocationOutcome.FUNCTION_ERROR, 2),
                        org.assertj.core.groups.Tuple.tuple(InvocationOutcome.SUCCESS, 1),
                        org.assertj.core.groups.Tuple.tuple(InvocationOutcome.SUCCESS, 1),
                        org.assertj.core.groups.Tuple.tuple(InvocationOutcome.SUCCESS, 2));
        assertThat(function.events()).extracting(e -> InvokeApiFunction.recordsOf(e).stream()
                .map(InvokeApiFunction.Delivered::value).toList())
                .containsExactly(List.of("a"), List.of("b"), List.of("c", "d"));
    }

    @Test
    void countsInjectedThrottles_inTheThrottlesMetric() {
        String topic = topic("fault-throttle");
        harness.produce(topic, 0, "a");
        harness.engine().faults().arm("fn", FaultKind.THROTTLE, 2);

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.maximumRetryAttempts(5));
        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 1);

        List<InvocationSummary> rows = history(mapping);
        assertThat(rows).extracting(InvocationSummary::outcome).containsExactly(
                InvocationOutcome.THROTTLED, InvocationOutcome.THROTTLED, InvocationOutcome.SUCCESS);
        assertThat(rows.get(0).errorMessage()).isEqualTo(
                "TooManyRequestsException: Rate Exceeded. (Injected by TriggerLab fault injection (1 of 2))");
        await().until(() -> harness.engine().metrics().totals(mapping.uuid()).get(EsmMetric.THROTTLES) == 2);
        assertThat(function.calls()).isEqualTo(1);
    }

    @Test
    void reportsAnInjectedTimeout_withLambdasMessage() {
        String topic = topic("fault-timeout");
        harness.produce(topic, 0, "a");
        harness.engine().faults().arm("fn", FaultKind.TIMEOUT, 1);

        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> r.maximumRetryAttempts(1));
        await().until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 1);

        List<InvocationSummary> rows = history(mapping);
        assertThat(rows).extracting(InvocationSummary::outcome).containsExactly(
                InvocationOutcome.TIMED_OUT, InvocationOutcome.SUCCESS);
        assertThat(rows.get(0).errorMessage()).isEqualTo(
                "Task timed out after 3.00 seconds (Injected by TriggerLab fault injection (1 of 1))");
        assertThat(rows.get(0).duration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(function.calls()).isEqualTo(1);
    }
}
