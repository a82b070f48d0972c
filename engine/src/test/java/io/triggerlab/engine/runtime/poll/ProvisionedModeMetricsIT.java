package io.triggerlab.engine.runtime.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.LoggingConfig;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.observe.metrics.EsmMetric;
import io.triggerlab.engine.observe.metrics.MetricsSettings;
import io.triggerlab.engine.testing.TestTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * AWS's provisioned-mode metrics on a real broker: {@code ProvisionedPollers} is the pollers running,
 * {@code EventPollerUnit} the EPUs they need, {@code EventPollerThroughputInBytes} the key and value bytes polled —
 * in the engine's samples and through {@code GET /triggerlab/v1/metrics}; an on-demand mapping has none of them.
 */
class ProvisionedModeMetricsIT {

    @RegisterExtension
    final EngineWithFunction fixture = new EngineWithFunction(MetricsSettings.defaults()
            .withSampleInterval(Duration.ofMillis(200)).withAutoScaling(false));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void provisionedMappingPublishesPollersUnitsAndPolledBytes_onDemandMappingNone() throws Exception {
        EngineHarness harness = fixture.harness();
        EmbeddedKafkaBroker broker = fixture.broker();
        String topic = TestTopics.unique("provisioned");
        broker.createTopic(topic, 2);
        EventSourceMapping provisioned = harness.createMapping("fn", topic,
                // With system logs on, as provisioned mappings often have: their reporter passes the bytes on.
                r -> r.provisionedPollerConfig(new ProvisionedPollerConfig(2, 4, null))
                        .loggingConfig(new LoggingConfig("WARN")));
        String onDemandTopic = TestTopics.unique("ondemand");
        broker.createTopic(onDemandTopic, 1);
        EventSourceMapping onDemand = harness.createMapping("fn", onDemandTopic, r -> { });

        List<String> values = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            values.add("{\"order\":" + i + "}"); // 11 or 12 bytes, no key
        }
        long bytes = values.stream().mapToLong(v -> v.length()).sum();
        harness.produce(topic, 0, values.subList(0, 10).toArray(String[]::new));
        harness.produce(topic, 1, values.subList(10, 20).toArray(String[]::new));
        harness.produce(onDemandTopic, 0, "{\"order\":1}");

        var metrics = harness.engine().metrics();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                metrics.totals(provisioned.uuid()).get(EsmMetric.EVENT_POLLER_THROUGHPUT_IN_BYTES) == bytes);
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics.latest(provisioned.uuid())
                .map(s -> s.value(EsmMetric.PROVISIONED_POLLERS).orElse(-1) == 2).orElse(false));
        var sample = metrics.latest(provisioned.uuid()).orElseThrow();
        assertThat(sample.value(EsmMetric.PROVISIONED_POLLERS)).hasValue(2.0);
        assertThat(sample.value(EsmMetric.POLLERS)).hasValue(2.0);
        // Two pollers and a few hundred bytes a second fit in one EPU (10 pollers, 20 MB/s).
        assertThat(sample.value(EsmMetric.EVENT_POLLER_UNIT)).hasValue(1.0);

        await().atMost(Duration.ofSeconds(30)).until(() -> metrics.latest(onDemand.uuid())
                .map(s -> s.value(EsmMetric.POLLED_EVENT_COUNT).isPresent()).orElse(false));
        var onDemandSample = metrics.latest(onDemand.uuid()).orElseThrow();
        assertThat(onDemandSample.value(EsmMetric.PROVISIONED_POLLERS)).isEmpty();
        assertThat(onDemandSample.value(EsmMetric.EVENT_POLLER_UNIT)).isEmpty();
        assertThat(onDemandSample.value(EsmMetric.EVENT_POLLER_THROUGHPUT_IN_BYTES)).isEmpty();

        // The metrics API: the stored series add up to the bytes polled, and the AWS view names the three metrics.
        String seriesPath = "metrics?mapping=" + provisioned.uuid() + "&metric=EventPollerThroughputInBytes";
        await().atMost(Duration.ofSeconds(30)).until(() -> sum(get(seriesPath).get("points")) == bytes);
        JsonNode series = get(seriesPath);
        assertThat(series.get("kind").asText()).isEqualTo("COUNTER");
        assertThat(series.get("unit").asText()).isEqualTo("Bytes");
        JsonNode units = get("metrics?mapping=" + provisioned.uuid() + "&metric=EventPollerUnit");
        assertThat(units.get("points")).isNotEmpty();
        units.get("points").forEach(p -> assertThat(p.get("max").asDouble()).isEqualTo(1.0));
        JsonNode current = get("metrics?mapping=" + provisioned.uuid());
        assertThat(current.get("awsPublishes").toString())
                .contains("\"ProvisionedPollers\"", "\"EventPollerUnit\"", "\"EventPollerThroughputInBytes\"");
        assertThat(current.get("totals").get("EventPollerThroughputInBytes").asLong()).isEqualTo(bytes);
        assertThat(current.get("latest").get("values").get("ProvisionedPollers").asDouble()).isEqualTo(2.0);
        JsonNode onDemandCurrent = get("metrics?mapping=" + onDemand.uuid());
        assertThat(onDemandCurrent.get("awsPublishes").toString()).doesNotContain("ProvisionedPollers");
        assertThat(onDemandCurrent.get("latest").get("values").has("EventPollerUnit")).isFalse();
    }

    private static double sum(JsonNode points) {
        double sum = 0;
        for (JsonNode p : points) {
            sum += p.get("value").asDouble();
        }
        return sum;
    }

    private JsonNode get(String path) throws Exception {
        URI uri = URI.create(fixture.harness().engine().apiEndpoint() + "/triggerlab/v1/" + path);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
