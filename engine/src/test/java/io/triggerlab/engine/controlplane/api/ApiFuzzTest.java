package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the local API's request reading: random JSON bodies — AWS's member names and random ones, values of every
 * JSON type nested a few levels, and bodies that are not JSON at all — sent to every write operation. Every answer is a
 * 2xx, or a 4xx in AWS's error form with {@code X-Amzn-ErrorType}; never a 5xx. Bounded: 600 tries on one server.
 */
class ApiFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] MEMBERS = {"FunctionName", "EventSourceArn", "Topics", "StartingPosition",
            "StartingPositionTimestamp", "BatchSize", "MaximumBatchingWindowInSeconds", "Enabled", "FilterCriteria",
            "Filters", "Pattern", "SelfManagedEventSource", "Endpoints", "KAFKA_BOOTSTRAP_SERVERS",
            "SourceAccessConfigurations", "Type", "URI", "DestinationConfig", "OnFailure", "Destination",
            "ProvisionedPollerConfig", "MinimumPollers", "MaximumPollers", "Tags", "MaximumRetryAttempts",
            "BisectBatchOnFunctionError", "FunctionResponseTypes", "AmazonManagedKafkaEventSourceConfig",
            "SelfManagedKafkaEventSourceConfig", "ConsumerGroupId", "MetricsConfig", "LoggingConfig", "KMSKeyArn",
            "name", "target", "kind", "timeoutSeconds", "command", "endpoint", "functionName", "region", "classpath"};

    private static ApiFixture fixture;
    private static String uuid;

    @BeforeContainer
    static void start() {
        fixture = new ApiFixture();
        uuid = fixture.json(fixture.postJson("/2015-03-31/event-source-mappings", "{\"FunctionName\":\"my-function\","
                + "\"EventSourceArn\":\"" + ApiFixture.CLUSTER_ARN + "\",\"Topics\":[\"orders\"],"
                + "\"StartingPosition\":\"LATEST\"}")).get("UUID").asText();
    }

    @AfterContainer
    static void stop() {
        fixture.close();
    }

    @Property(tries = 600, seed = "11", edgeCases = EdgeCasesMode.MIXIN)
    void neverAnswersWithA5xx_andEvery4xxIsAnAwsError(@ForAll("targets") String target, @ForAll("bodies") String body) {
        String[] methodAndPath = target.replace("{uuid}", uuid).split(" ", 2);

        HttpResponse<String> response = fixture.send(methodAndPath[0], methodAndPath[1], body,
                "Content-Type", "application/json");

        assertThat(response.statusCode()).as(target + " " + body + " -> " + response.body()).isBetween(200, 499);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("X-Amzn-ErrorType")).as(response.body()).isPresent();
            assertThat(fixture.json(response).get("message").asText()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> targets() {
        return Arbitraries.of("POST /2015-03-31/event-source-mappings", "PUT /2015-03-31/event-source-mappings/{uuid}",
                "POST /triggerlab/v1/functions", "PUT /triggerlab/v1/functions/other-function",
                "POST /triggerlab/v1/clusters");
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> json = object(3).map(ApiFuzzTest::write);
        Arbitrary<String> garbage = Arbitraries.strings().all().ofMaxLength(200);
        Arbitrary<String> truncated = json.map(s -> s.substring(0, s.length() / 2));
        return Arbitraries.frequencyOf(Tuple.of(8, json), Tuple.of(1, garbage), Tuple.of(1, truncated));
    }

    private static Arbitrary<Object> object(int depth) {
        Arbitrary<String> keys = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(MEMBERS)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(10)));
        return Arbitraries.maps(keys, value(depth)).ofMaxSize(8).map(m -> m);
    }

    private static Arbitrary<Object> value(int depth) {
        Arbitrary<Object> leaf = Arbitraries.<Object>oneOf(
                Arbitraries.integers(), Arbitraries.longs(), Arbitraries.doubles(), Arbitraries.bigIntegers(),
                Arbitraries.strings().ofMaxLength(30), Arbitraries.of("LATEST", "TRIM_HORIZON", "AT_TIMESTAMP", "my-function",
                        ApiFixture.CLUSTER_ARN, "orders", "127.0.0.1:9092", "command", "lambda", "java"),
                Arbitraries.of(true, false)).injectNull(0.1);
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.frequencyOf(Tuple.of(5, leaf),
                Tuple.of(1, value(depth - 1).list().ofMaxSize(4).map(l -> l)),
                Tuple.of(2, object(depth - 1)));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
