package com.example.orders;

import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.junit.ConsumedRecord;
import io.triggerlab.junit.Invocation;
import io.triggerlab.junit.Trigger;
import io.triggerlab.junit.TriggerLab;
import io.triggerlab.junit.TriggerLabTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orders trigger's behaviour, checked against a real engine and broker (one for the class): what Lambda's Kafka
 * trigger would do with the handler's answers.
 */
@TriggerLabTest
class OrdersTriggerIT {

    @BeforeAll
    static void registerTheFunction(TriggerLab lab) {
        lab.function("orders", OrdersHandler.class);
    }

    @Test
    void processesABatchAndCommitsPastIt(TriggerLab lab) {
        Trigger trigger = lab.trigger(t -> t.function("orders").topic("orders-ok").batchSize(10));

        lab.produce("orders-ok", "{\"id\":1}", "{\"id\":2}", "{\"id\":3}");

        lab.awaitCommitted(trigger, 0, 3);
        List<Invocation> invocations = lab.invocations(trigger);
        assertThat(invocations).extracting(Invocation::outcome).containsOnly(InvocationOutcome.SUCCESS);
        assertThat(invocations).flatMap(Invocation::values).containsExactly("{\"id\":1}", "{\"id\":2}", "{\"id\":3}");
        lab.awaitProcessingResult(trigger, "OK");
    }

    @Test
    void bisectsAPoisonRecordIntoTheDeadLetterTopicAndCarriesOn(TriggerLab lab) {
        Trigger trigger = lab.trigger(t -> t.function("orders").topic("orders-poison").batchSize(10)
                .retries(0).bisect(true).destination("kafka://orders-dlq"));

        lab.produce("orders-poison", "{\"id\":1}", "not an order", "{\"id\":3}", "{\"id\":4}");

        // Everything is committed: the good records were delivered, the poison one was given up to the DLQ.
        lab.awaitCommitted(trigger, 0, 4);
        List<ConsumedRecord> dlq = lab.awaitRecords("orders-dlq", 1);
        assertThat(dlq).hasSize(1);
        // A kafka:// destination gets one failure record per given-up record (AWS's Kafka wording of the condition).
        assertThat(dlq.get(0).json().path("requestContext").path("condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(dlq.get(0).json().path("KafkaBatchInfo").path("recordInfo").path("offset").asText()).isEqualTo("1");
        assertThat(lab.invocations(trigger)).filteredOn(i -> i.outcome() == InvocationOutcome.SUCCESS)
                .flatMap(Invocation::values).contains("{\"id\":1}", "{\"id\":3}", "{\"id\":4}")
                .doesNotContain("not an order");
    }

    @Test
    void aFailingBatchIsRetriedThenGivenUpToTheDeadLetterTopic(TriggerLab lab) {
        Trigger trigger = lab.trigger(t -> t.function("orders").topic("orders-retried").batchSize(10)
                .retries(2).destination("kafka://orders-retried-dlq"));

        lab.produce("orders-retried", "not an order");

        // One attempt and two retries of the same batch, then the record goes to the DLQ and the offset moves on.
        lab.awaitCommitted(trigger, 0, 1);
        assertThat(lab.invocations(trigger)).filteredOn(i -> i.outcome() == InvocationOutcome.FUNCTION_ERROR)
                .hasSize(3).allSatisfy(i -> assertThat(i.values()).containsExactly("not an order"));
        ConsumedRecord failure = lab.awaitRecords("orders-retried-dlq", 1).get(0);
        assertThat(failure.json().path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(failure.json().path("requestContext").path("condition").asText()).isEqualTo("RetriesExhausted");
    }

    @Test
    void aFilterKeepsTheFunctionFromSeeingWhatItDoesNotMatch(TriggerLab lab) {
        Trigger trigger = lab.trigger(t -> t.function("orders").topic("orders-filtered")
                .filter("{\"value\":{\"kind\":[\"order\"]}}"));

        lab.produce("orders-filtered", "{\"kind\":\"order\",\"id\":1}", "{\"kind\":\"refund\",\"id\":2}",
                "{\"kind\":\"order\",\"id\":3}");

        lab.awaitCommitted(trigger, 0, 3);
        assertThat(lab.invocations(trigger)).flatMap(Invocation::values)
                .containsExactly("{\"kind\":\"order\",\"id\":1}", "{\"kind\":\"order\",\"id\":3}");
    }
}
