package io.triggerlab.engine.controlplane.awscheck;

import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.InvalidParameterValueException;
import io.triggerlab.engine.controlplane.mapping.SelfManagedEventSource;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code serve --strict-aws}: what the AWS check finds AWS would reject is refused at Create and Update. */
@ExtendWith(SharedKafkaBroker.class)
class StrictAwsModeIT {

    private final EmbeddedKafkaBroker broker;
    private Engine engine;

    StrictAwsModeIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void start(@TempDir Path dataDir) {
        engine = Engine.start(EngineConfig.defaults(dataDir).withApiPort(0).withExternalBootstrap(broker.bootstrapServers()));
        engine.functions().register(new FunctionDefinition("fn", new CommandTarget(List.of("cat"), null, Map.of()),
                Duration.ofSeconds(30), engine.config().region(), engine.config().accountId()));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private CreateEventSourceMappingRequest.Builder request(String topic) {
        return CreateEventSourceMappingRequest.builder().functionName("fn").topics(List.of(topic))
                .startingPosition("LATEST").enabled(false)
                .selfManagedEventSource(SelfManagedEventSource.ofBootstrapServers(List.of(broker.bootstrapServers())));
    }

    @Test
    void withoutStrictMode_aConfigurationAwsWouldRejectIsAccepted_andTheFindingStaysAWarning() {
        EventSourceMapping mapping = engine.mappings().create(request(TestTopics.unique("lenient")).maximumRetryAttempts(2).build());

        assertThat(engine.strictAws()).isFalse();
        assertThat(engine.awsCheck().check(mapping.uuid()).wouldPass()).isFalse();
    }

    @Test
    void strictMode_refusesCreateOverTheApi_withAwsErrorShape() throws Exception {
        engine.strictAws(true);
        String body = "{\"FunctionName\":\"fn\",\"Topics\":[\"" + TestTopics.unique("strict") + "\"],\"StartingPosition\":"
                + "\"LATEST\",\"MaximumRetryAttempts\":2,\"SelfManagedEventSource\":{\"Endpoints\":{"
                + "\"KAFKA_BOOTSTRAP_SERVERS\":[\"" + broker.bootstrapServers() + "\"]}}}";

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(engine.apiEndpoint() + "/2015-03-31/event-source-mappings"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValue("InvalidParameterValueException");
        assertThat(response.body()).contains("\"Type\":\"User\"")
                .contains("MaximumRetryAttempts 2 is available only in provisioned mode (set ProvisionedPollerConfig)."
                        + " Set ProvisionedPollerConfig (MinimumPollers/MaximumPollers) or remove the setting."
                        + " [refused because TriggerLab runs with --strict-aws; finding PROVISIONED_ONLY_IN_ON_DEMAND,"
                        + " TriggerLab's reading of AWS]");
        assertThat(engine.mappings().all()).isEmpty();
    }

    @Test
    void strictMode_refusesAFilterOnMetadata_withAwsFirstSentence_andAnUpdateThatAddsAProblem() {
        engine.strictAws(true);
        assertThatThrownBy(() -> engine.mappings().create(request(TestTopics.unique("meta"))
                .filterCriteria(io.triggerlab.engine.controlplane.mapping.FilterCriteria.of("{\"partition\":[0]}")).build()))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith("Invalid filter pattern definition. ");

        EventSourceMapping fine = engine.mappings().create(request(TestTopics.unique("fine")).build());
        await(fine.uuid());
        assertThatThrownBy(() -> engine.mappings().update(fine.uuid(),
                UpdateEventSourceMappingRequest.builder().bisectBatchOnFunctionError(true).build()))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("finding PROVISIONED_ONLY_IN_ON_DEMAND");
    }

    @Test
    void strictMode_stillLetsAMappingStoredBeforeItBeDisabledOrFixed() {
        EventSourceMapping old = engine.mappings().create(request(TestTopics.unique("old")).maximumRetryAttempts(2)
                .enabled(true).build());
        engine.strictAws(true);

        await(old.uuid());
        EventSourceMapping disabled = engine.mappings().update(old.uuid(),
                UpdateEventSourceMappingRequest.builder().enabled(false).build());

        assertThat(disabled.enabled()).isFalse();
        assertThat(engine.strictAws()).isTrue();
        engine.strictAws(false);
        assertThat(engine.strictAws()).isFalse();
    }

    private void await(String uuid) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            String state = engine.mappings().get(uuid).state().awsName();
            return state.equals("Enabled") || state.equals("Disabled");
        });
    }
}
