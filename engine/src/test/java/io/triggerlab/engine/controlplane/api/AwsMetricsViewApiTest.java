package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /triggerlab/v1/metrics?mapping=} says which metrics AWS would publish under the mapping's MetricsConfig. */
class AwsMetricsViewApiTest {

    private static final String ESM = "/2015-03-31/event-source-mappings";

    private ApiFixture fixture;

    @BeforeEach
    void start() {
        fixture = new ApiFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void awsPublishes_followsMetricsConfig_andChangesWithAnUpdate() {
        String uuid = fixture.json(fixture.postJson(ESM, "{\"FunctionName\":\"my-function\",\"EventSourceArn\":\""
                + ApiFixture.CLUSTER_ARN + "\",\"Topics\":[\"orders\"],\"StartingPosition\":\"LATEST\"}")).get("UUID").asText();

        JsonNode before = fixture.json(fixture.send("GET", "/triggerlab/v1/metrics?mapping=" + uuid, null));
        fixture.send("PUT", ESM + "/" + uuid, "{\"MetricsConfig\":{\"Metrics\":[\"KafkaMetrics\"]}}",
                "Content-Type", "application/json");
        JsonNode after = fixture.json(fixture.send("GET", "/triggerlab/v1/metrics?mapping=" + uuid, null));

        assertThat(before.get("awsPublishes").toString()).isEqualTo("[\"OffsetLag\"]");
        assertThat(after.get("awsPublishes").toString()).isEqualTo("[\"OffsetLag\",\"MaxOffsetLag\",\"SumOffsetLag\"]");
        assertThat(after.get("totals").has("PolledEventCount")).as("TriggerLab's own numbers stay").isTrue();
    }
}
