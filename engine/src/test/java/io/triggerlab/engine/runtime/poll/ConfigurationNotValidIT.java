package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;
import io.triggerlab.engine.infra.cluster.BootstrapBrokers;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.observe.metrics.MetricsSettings;
import io.triggerlab.engine.testing.TestTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lambda's stop codes for a consumer it cannot run, on a real broker: a mapping whose function is gone stops with
 * {@code FUNCTION_CONFIG_NOT_VALID}, one whose MSK cluster no longer offers the brokers its configuration needs with
 * {@code ESM_CONFIG_NOT_VALID}; each is Disabled with a LastProcessingResult that says what is wrong, commits nothing,
 * and runs again (reason {@code USER_INITIATED}) once fixed and enabled.
 */
class ConfigurationNotValidIT {

    @RegisterExtension
    final EngineWithFunction fixture = new EngineWithFunction(MetricsSettings.defaults());

    @Test
    void functionGone_stopsWithFunctionConfigNotValid_thenRunsAgainOnceRegisteredAndEnabled() {
        EngineHarness harness = fixture.harness();
        InvokeApiFunction function = fixture.function();
        EmbeddedKafkaBroker broker = fixture.broker();
        String topic = TestTopics.unique("fn-gone");
        broker.createTopic(topic, 1);
        EventSourceMapping mapping = harness.createMapping("fn", topic, r -> { });
        harness.produce(topic, 0, "{\"n\":1}");
        await().atMost(Duration.ofSeconds(30)).until(() -> function.delivered().size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 1);

        assertThat(harness.engine().functions().remove("fn")).isTrue();
        harness.restart();
        harness.awaitState(mapping.uuid(), MappingState.DISABLED);
        EventSourceMapping stopped = harness.engine().mappings().get(mapping.uuid());
        assertThat(stopped.stateTransitionReason()).isEqualTo("FUNCTION_CONFIG_NOT_VALID");
        assertThat(stopped.lastProcessingResult()).isEqualTo("PROBLEM: Function not found: " + mapping.functionArn()
                + ". Register the function again, then enable the trigger (UpdateEventSourceMapping) to start it.");
        harness.produce(topic, 0, "{\"n\":2}");
        assertThat(harness.engine().pollerCount(mapping.uuid())).isZero();
        assertThat(harness.committedOffset(mapping.uuid(), topic, 0)).isEqualTo(1);

        harness.registerInvokeApiFunction("fn", function, Duration.ofSeconds(3));
        harness.engine().mappings().update(mapping.uuid(), UpdateEventSourceMappingRequest.builder().enabled(true).build());
        harness.awaitState(mapping.uuid(), MappingState.ENABLED);
        assertThat(harness.engine().mappings().get(mapping.uuid()).stateTransitionReason()).isEqualTo("USER_INITIATED");
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.committedOffset(mapping.uuid(), topic, 0) == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> "OK".equals(harness.engine().mappings().get(mapping.uuid())
                .lastProcessingResult()));
    }

    @Test
    void clusterNoLongerOffersTheNeededBrokers_stopsWithEsmConfigNotValid() {
        EngineHarness harness = fixture.harness();
        EmbeddedKafkaBroker broker = fixture.broker();
        String topic = TestTopics.unique("msk-changed");
        broker.createTopic(topic, 1);
        var engine = harness.engine();
        String clusterArn = "arn:aws:kafka:" + engine.config().region() + ":" + engine.config().accountId()
                + ":cluster/it-changed/5a7c2f9e-1b3d-4e6f-8a0b-c1d2e3f4a5b6-1";
        engine.clusters().register(new KafkaCluster(clusterArn, "it-changed",
                BootstrapBrokers.plaintextOnly(broker.bootstrapServers())));
        EventSourceMapping created = engine.mappings().create(CreateEventSourceMappingRequest.builder()
                .functionName("fn").eventSourceArn(clusterArn).topics(List.of(topic)).startingPosition("TRIM_HORIZON")
                .build());
        harness.awaitState(created.uuid(), MappingState.ENABLED);

        // The cluster is registered anew with SASL/SCRAM brokers only; the mapping has no SCRAM secret.
        engine.clusters().register(new KafkaCluster(clusterArn, "it-changed",
                new BootstrapBrokers(null, null, broker.bootstrapServers(), null)));
        engine.mappings().update(created.uuid(), UpdateEventSourceMappingRequest.builder().batchSize(50).build());
        harness.awaitState(created.uuid(), MappingState.DISABLED);

        EventSourceMapping stopped = engine.mappings().get(created.uuid());
        assertThat(stopped.stateTransitionReason()).isEqualTo("ESM_CONFIG_NOT_VALID");
        assertThat(stopped.lastProcessingResult()).isEqualTo("PROBLEM: The event source mapping configuration is not "
                + "valid: The MSK cluster offers only SASL/SCRAM brokers, but the mapping has no SASL_SCRAM_512_AUTH "
                + "secret: add one to SourceAccessConfigurations. Fix it, then enable the trigger "
                + "(UpdateEventSourceMapping).");
        assertThat(engine.pollerCount(created.uuid())).isZero();
    }
}
