package io.triggerlab.console.destinations;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.invocations.FakeHistory;
import io.triggerlab.console.triggers.TestMappings;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.history.PartitionRange;
import io.triggerlab.engine.controlplane.mapping.DestinationConfig;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DestinationsViewModelTest {

    private static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:orders-dlq";
    private static final String RECORD = "{\"requestContext\":{\"condition\":\"RetryAttemptsExhausted\"},\"version\":\"1.0\"}";

    private final FakeHistory history = new FakeHistory();
    private final QueuedExecutor background = new QueuedExecutor();
    private final DestinationsViewModel vm = new DestinationsViewModel(history, new BackgroundWork(background, Runnable::run),
            ZoneOffset.UTC);

    private static EventSourceMapping mapping(String destination) {
        EventSourceMapping m = TestMappings.mapping("u1", "orders-fn", "orders", MappingState.ENABLED, "OK");
        return destination == null ? m : m.toBuilder().destinationConfig(DestinationConfig.onFailure(destination)).build();
    }

    private InvocationRecord given(InvocationOutcome outcome, long offset, String payload, String note) {
        byte[] body = payload == null ? null : payload.getBytes(StandardCharsets.UTF_8);
        return history.append(new InvocationRecord(0, "u1", "batch-" + offset, 3, "req-" + offset,
                Instant.parse("2026-01-31T09:30:00Z").plusSeconds(offset), Duration.ZERO, outcome,
                List.of(new PartitionRange("orders", 0, offset, offset + 1, 2)), 2, body == null ? 0 : body.length, body,
                null, note, ""));
    }

    @Test
    void listsTheDeliveriesNewestFirst_withDestinationConditionAndWhereTheyWent() {
        history.add("u1", "ok", 1, InvocationOutcome.SUCCESS, 0, "{}");
        given(InvocationOutcome.SENT_TO_DESTINATION, 5, RECORD, "Failure record (RetryAttemptsExhausted) for 2 record(s) "
                + "kept in the local outbox for " + QUEUE + ": TriggerLab does not deliver to SQS, SNS or S3");
        given(InvocationOutcome.SENT_TO_DESTINATION, 7, "[" + RECORD + "," + RECORD + "]",
                "2 failure record(s) produced to kafka://orders-failed (RetriesExhausted)");
        given(InvocationOutcome.DESTINATION_FAILED, 9, null, "2 record(s) dropped (RecordAgeExceeded): Could not send "
                + "the failure record to SQS queue " + QUEUE + ": AccessDenied");

        vm.show(mapping(QUEUE));
        background.runAll();

        assertThat(vm.rows()).extracting(OutboxRow::destination, OutboxRow::condition, OutboxRow::delivery)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(QUEUE, "RecordAgeExceeded", OutboxDelivery.FAILED),
                        org.assertj.core.groups.Tuple.tuple("kafka://orders-failed", "RetriesExhausted",
                                OutboxDelivery.PRODUCED_TO_KAFKA),
                        org.assertj.core.groups.Tuple.tuple(QUEUE, "RetryAttemptsExhausted", OutboxDelivery.KEPT_LOCALLY));
        OutboxRow kept = vm.rows().get(2);
        assertThat(kept.time()).isEqualTo("2026-01-31 09:30:05");
        assertThat(kept.records()).isEqualTo(2);
        assertThat(kept.partitions()).isEqualTo("orders-0 offsets 5–6");
        assertThat(vm.destinationProperty().get()).isEqualTo("OnFailure destination: " + QUEUE);
        assertThat(vm.summaryProperty().get()).isEqualTo("3 deliveries, newest first; 1 failed (records dropped)");
    }

    @Test
    void selectingADelivery_showsItsFailureRecordPretty() {
        given(InvocationOutcome.SENT_TO_DESTINATION, 5, RECORD, "Failure record (RetryAttemptsExhausted) for 2 record(s) "
                + "sent to SQS queue https://sqs.us-east-1.amazonaws.com/000000000000/orders-dlq, message id m-1");
        vm.show(mapping(QUEUE));
        background.runAll();

        vm.selectedProperty().set(vm.rows().get(0));
        background.runAll();

        assertThat(vm.rows().get(0).delivery()).isEqualTo(OutboxDelivery.DELIVERED_TO_AWS);
        assertThat(vm.rows().get(0).destination()).as("the SQS note names the URL: the configured ARN is shown")
                .isEqualTo(QUEUE);
        assertThat(vm.recordJsonProperty().get())
                .isEqualTo("{\n  \"requestContext\" : {\n    \"condition\" : \"RetryAttemptsExhausted\"\n  },\n  \"version\" : \"1.0\"\n}");
        assertThat(vm.recordNoteProperty().get()).startsWith("Delivered to AWS for real. Failure record");
    }

    @Test
    void aTriggerWithoutDestinationConfig_saysSo() {
        vm.show(mapping(null));
        background.runAll();

        assertThat(vm.hasDestinationProperty().get()).isFalse();
        assertThat(vm.destinationProperty().get()).startsWith("This trigger has no DestinationConfig: records it gives "
                + "up on (retries used up, too old, too large) are dropped, not sent anywhere.");
        assertThat(vm.summaryProperty().get()).isEqualTo("No records sent to a destination yet.");
    }

    @Test
    void newDeliveriesArriveLive_andTheSelectionStays() {
        given(InvocationOutcome.SENT_TO_DESTINATION, 5, RECORD, "kept in the local outbox for " + QUEUE + ": …");
        vm.show(mapping(QUEUE));
        background.runAll();
        vm.selectedProperty().set(vm.rows().get(0));
        background.runAll();

        given(InvocationOutcome.SENT_TO_DESTINATION, 7, RECORD, "kept in the local outbox for " + QUEUE + ": …");
        vm.onInvocationsOf("other-trigger");
        assertThat(background.waiting()).isZero();
        vm.onInvocationsOf("u1");
        vm.onInvocationsOf("u1");
        background.runAll();

        assertThat(vm.rows()).extracting(OutboxRow::partitions).containsExactly("orders-0 offsets 7–8", "orders-0 offsets 5–6");
        assertThat(vm.selectedProperty().get().partitions()).isEqualTo("orders-0 offsets 5–6");
        assertThat(background.submitted()).as("show, detail, one refresh and one more for the second call").isEqualTo(4);
    }
}
