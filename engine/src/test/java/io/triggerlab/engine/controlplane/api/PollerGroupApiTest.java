package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** PollerGroupName: at most 100 mappings and 2,000 MaximumPollers per group, on Create and Update. */
class PollerGroupApiTest {

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

    private HttpResponse<String> create(String topic, String pollerConfig) {
        return fixture.postJson(ESM, "{\"FunctionName\":\"my-function\",\"EventSourceArn\":\"" + ApiFixture.CLUSTER_ARN
                + "\",\"Topics\":[\"" + topic + "\"],\"StartingPosition\":\"LATEST\",\"ProvisionedPollerConfig\":"
                + pollerConfig + "}");
    }

    private void assertRefused(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValue("InvalidParameterValueException");
        JsonNode body = fixture.json(response);
        assertThat(body.get("Type").asText()).isEqualTo("User");
        assertThat(body.get("message").asText()).isEqualTo(message);
    }

    @Test
    void pollerGroupName_isAcceptedAndEchoed() {
        JsonNode created = fixture.json(create("t1", "{\"MinimumPollers\":1,\"MaximumPollers\":5,\"PollerGroupName\":\"team-a\"}"));

        assertThat(created.get("ProvisionedPollerConfig").get("PollerGroupName").asText()).isEqualTo("team-a");
        assertThat(fixture.json(fixture.send("GET", ESM + "/" + created.get("UUID").asText(), null))
                .get("ProvisionedPollerConfig").get("PollerGroupName").asText()).isEqualTo("team-a");
    }

    @Test
    void aGroupsMaximumPollers_addUpToAtMost2000_onCreateAndUpdate() {
        assertThat(create("t1", "{\"MaximumPollers\":1000,\"PollerGroupName\":\"g\"}").statusCode()).isEqualTo(202);
        assertThat(create("t2", "{\"MaximumPollers\":1000,\"PollerGroupName\":\"g\"}").statusCode()).isEqualTo(202);

        assertRefused(create("t3", "{\"MaximumPollers\":1,\"PollerGroupName\":\"g\"}"), "Poller group g would have 2001 "
                + "MaximumPollers in total: the MaximumPollers of all event source mappings in a poller group cannot "
                + "exceed 2000. Lower MaximumPollers, or use another PollerGroupName");
        assertThat(create("t3", "{\"MaximumPollers\":1,\"PollerGroupName\":\"\"}").statusCode())
                .as("an empty name is no group").isEqualTo(202);
        String other = fixture.json(create("t4", "{\"MaximumPollers\":10,\"PollerGroupName\":\"h\"}")).get("UUID").asText();
        HttpResponse<String> moved = fixture.send("PUT", ESM + "/" + other,
                "{\"ProvisionedPollerConfig\":{\"MaximumPollers\":10,\"PollerGroupName\":\"g\"}}",
                "Content-Type", "application/json");
        assertRefused(moved, "Poller group g would have 2010 MaximumPollers in total: the MaximumPollers of all event "
                + "source mappings in a poller group cannot exceed 2000. Lower MaximumPollers, or use another "
                + "PollerGroupName");
    }

    @Test
    void aGroupHoldsAtMost100Mappings() {
        for (int i = 0; i < 100; i++) {
            assertThat(create("t" + i, "{\"MaximumPollers\":1,\"PollerGroupName\":\"big\"}").statusCode()).isEqualTo(202);
        }
        assertRefused(create("t100", "{\"MaximumPollers\":1,\"PollerGroupName\":\"big\"}"), "Poller group big already "
                + "has 100 event source mappings: a poller group holds at most 100. Use another PollerGroupName, or none");
        assertThat(fixture.mappingCount()).isEqualTo(100);
    }
}
