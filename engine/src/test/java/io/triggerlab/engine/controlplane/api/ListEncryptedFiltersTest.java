package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * botocore documents {@code EventSourceMappingConfiguration.FilterCriteria}: "If filter criteria is encrypted, this
 * field shows up as null in the response of ListEventSourceMapping API calls" — Get and Delete still show it.
 */
class ListEncryptedFiltersTest {

    private static final String ESM = "/2015-03-31/event-source-mappings";
    private static final String BASE = "{\"FunctionName\":\"my-function\",\"EventSourceArn\":\"" + ApiFixture.CLUSTER_ARN
            + "\",\"StartingPosition\":\"LATEST\",\"FilterCriteria\":{\"Filters\":[{\"Pattern\":"
            + "\"{\\\"value\\\":{\\\"a\\\":[1]}}\"}]}";

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
    void listHidesFilterCriteria_onlyOfMappingsWithAKmsKey() {
        String encrypted = fixture.json(fixture.postJson(ESM, BASE + ",\"Topics\":[\"a1\"],\"KMSKeyArn\":"
                + "\"arn:aws:kms:us-east-1:123456789012:key/1234\"}")).get("UUID").asText();
        String plain = fixture.json(fixture.postJson(ESM, BASE + ",\"Topics\":[\"b1\"]}")).get("UUID").asText();

        JsonNode listed = fixture.json(fixture.send("GET", ESM, null)).get("EventSourceMappings");

        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("UUID").asText()).isEqualTo(encrypted);
        assertThat(listed.get(0).has("FilterCriteria")).isFalse();
        assertThat(listed.get(0).get("KMSKeyArn").asText()).isEqualTo("arn:aws:kms:us-east-1:123456789012:key/1234");
        assertThat(listed.get(1).get("UUID").asText()).isEqualTo(plain);
        assertThat(listed.get(1).get("FilterCriteria").get("Filters").get(0).get("Pattern").asText())
                .isEqualTo("{\"value\":{\"a\":[1]}}");
        assertThat(fixture.json(fixture.send("GET", ESM + "/" + encrypted, null)).get("FilterCriteria")
                .get("Filters").get(0).get("Pattern").asText()).isEqualTo("{\"value\":{\"a\":[1]}}");
    }
}
