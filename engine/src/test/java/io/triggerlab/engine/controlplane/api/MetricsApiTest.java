package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.triggerlab.engine.observe.metrics.CounterTotals;
import io.triggerlab.engine.observe.metrics.EsmMetric;
import io.triggerlab.engine.observe.metrics.LagTrend;
import io.triggerlab.engine.infra.store.MetricStore;
import io.triggerlab.engine.observe.metrics.MetricsSettings;
import io.triggerlab.engine.observe.metrics.MetricsSnapshot;
import io.triggerlab.engine.observe.metrics.PartitionLag;
import io.triggerlab.engine.observe.metrics.ScalingDecision;
import io.triggerlab.engine.infra.store.ScalingDecisionLog;
import io.triggerlab.engine.observe.metrics.ScalingReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsApiTest {

    private static final String API = "/triggerlab/v1/";
    private static final String MAPPING = "8d4bb1f6-3c1e-4d2c-9a43-0f2b1c7e5a10";
    private ApiFixture fixture;

    @BeforeEach
    void start() {
        fixture = new ApiFixture();
        MetricStore store = new MetricStore(fixture.database.dataSource(), MetricsSettings.defaults());
        Instant t0 = ApiFixture.NOW.minusSeconds(60);
        for (int i = 0; i < 12; i++) {
            store.write(new MetricsSnapshot(MAPPING, t0.plusSeconds(5L * i), Duration.ofSeconds(5),
                    Map.of(EsmMetric.POLLED_EVENT_COUNT, 10.0, EsmMetric.OFFSET_LAG, 100.0 - i),
                    List.of(new PartitionLag(0, 200, 140), new PartitionLag(1, 100, 60 + i)), LagTrend.FALLING,
                    new CounterTotals(Map.of())));
        }
        new ScalingDecisionLog(fixture.database.dataSource()).append(new ScalingDecision(0, MAPPING,
                ApiFixture.NOW.minusSeconds(30), 1, 2, ScalingReason.LAG_GROWING, "OffsetLag rose from 10 to 160 over 60 s"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void answersASeriesAtTheAskedResolution() {
        HttpResponse<String> response = fixture.send("GET", API + "metrics?mapping=" + MAPPING
                + "&metric=polledeventcount&from=" + ApiFixture.NOW.minusSeconds(60) + "&to=" + ApiFixture.NOW
                + "&resolution=30s", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = fixture.json(response);
        assertThat(body.get("metric").asText()).isEqualTo("PolledEventCount");
        assertThat(body.get("kind").asText()).isEqualTo("COUNTER");
        assertThat(body.get("resolutionMillis").asLong()).isEqualTo(30_000);
        assertThat(body.get("source").asText()).isEqualTo("raw");
        assertThat(body.get("points")).extracting(p -> p.get("value").asDouble()).containsExactly(60.0, 60.0);
    }

    @Test
    void answersOnePartitionsLag_fromTheMinuteTier() {
        HttpResponse<String> response = fixture.send("GET", API + "metrics?mapping=" + MAPPING
                + "&metric=OffsetLag&partition=1&resolution=1m", null);
        JsonNode body = fixture.json(response);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(body.get("partition").asInt()).isEqualTo(1);
        assertThat(body.get("source").asText()).isEqualTo("minute");
        JsonNode point = body.get("points").get(0);
        assertThat(point.get("min").asDouble()).isEqualTo(29.0);
        assertThat(point.get("max").asDouble()).isEqualTo(40.0);
    }

    @Test
    void answersTheScalingDecisions() {
        JsonNode body = fixture.json(fixture.send("GET", API + "metrics/scaling?mapping=" + MAPPING, null));
        JsonNode decision = body.get("decisions").get(0);
        assertThat(decision.get("fromPollers").asInt()).isEqualTo(1);
        assertThat(decision.get("toPollers").asInt()).isEqualTo(2);
        assertThat(decision.get("reason").asText()).isEqualTo("LAG_GROWING");
        assertThat(decision.get("message").asText()).isEqualTo("OffsetLag rose from 10 to 160 over 60 s");
    }

    @Test
    void answersTheCountersOfAMappingWithoutMetric() {
        JsonNode body = fixture.json(fixture.send("GET", API + "metrics?mapping=" + MAPPING, null));
        assertThat(body.get("totals").get("PolledEventCount").asLong()).isZero();
        assertThat(body.get("latest").isNull()).isTrue();
    }

    @Test
    void refusesBadParameters_withWhatToDo() {
        HttpResponse<String> noMapping = fixture.send("GET", API + "metrics?metric=OffsetLag", null);
        assertThat(noMapping.statusCode()).isEqualTo(400);
        assertThat(fixture.json(noMapping).get("message").asText()).startsWith("The query parameter 'mapping' is required");
        HttpResponse<String> badMetric = fixture.send("GET", API + "metrics?mapping=" + MAPPING + "&metric=Lag", null);
        assertThat(badMetric.statusCode()).isEqualTo(400);
        assertThat(badMetric.headers().firstValue("X-Amzn-ErrorType")).hasValue("InvalidParameterValueException");
        assertThat(fixture.json(badMetric).get("message").asText()).startsWith("Unknown metric 'Lag': must be one of");
        HttpResponse<String> badResolution = fixture.send("GET", API + "metrics?mapping=" + MAPPING
                + "&metric=OffsetLag&resolution=fast", null);
        assertThat(fixture.json(badResolution).get("message").asText())
                .isEqualTo("resolution 'fast' is not a duration: write e.g. 200ms, 5s, 1m, 2h, 7d or ISO-8601 PT5S");
        HttpResponse<String> post = fixture.send("POST", API + "metrics?mapping=" + MAPPING, "{}");
        assertThat(post.statusCode()).isEqualTo(405);
    }
}
