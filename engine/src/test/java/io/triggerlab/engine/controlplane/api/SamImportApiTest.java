package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SamImportApiTest {

    private static final String IMPORT = "/triggerlab/v1/sam/import";

    private final ApiFixture fixture = new ApiFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void importsATemplateAndReportsWhatItCouldNotMap() {
        HttpResponse<String> response = fixture.postJson(IMPORT, "{\"template\":\"" + template("globals-params.yaml")
                + "\",\"parameters\":{\"TopicName\":\"orders-v2\"}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = fixture.json(response);
        assertThat(body.path("functions")).extracting(f -> f.path("name").asText() + " " + f.path("outcome").asText())
                .containsExactly("OrdersFunction CREATED", "audit-dev CREATED");
        JsonNode trigger = body.path("triggers").get(0);
        assertThat(trigger.path("resource").asText()).isEqualTo("OrdersFunction.Events.OrdersTopic");
        assertThat(trigger.path("detail").asText()).isEqualTo("OrdersFunction ← orders-v2 on cluster orders-cluster");
        assertThat(fixture.mappings.get(trigger.path("name").asText()).eventSourceArn()).isEqualTo(ApiFixture.CLUSTER_ARN);
        JsonNode problem = body.path("problems").get(0);
        assertThat(problem.path("resource").asText()).isEqualTo("AuditFunction");
        assertThat(problem.path("line").asInt()).isEqualTo(68);

        HttpResponse<String> again = fixture.postJson(IMPORT, "{\"template\":\"" + template("globals-params.yaml")
                + "\",\"parameters\":{\"TopicName\":\"orders-v2\"}}");
        assertThat(fixture.json(again).path("triggers").get(0).path("outcome").asText()).isEqualTo("UNCHANGED");
    }

    @Test
    void anUnreadableTemplateIsABadRequestNamingTheLine() {
        HttpResponse<String> response = fixture.postJson(IMPORT, "{\"template\":\"" + template("bad-yaml.yaml") + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValue("InvalidParameterValueException");
        assertThat(fixture.json(response).path("message").asText()).startsWith("bad-yaml.yaml line 6: not valid YAML");
    }

    @Test
    void aMissingTemplateIsABadRequest() {
        HttpResponse<String> response = fixture.postJson(IMPORT, "{\"template\":\"/no/such/template.yaml\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fixture.json(response).path("message").asText())
                .isEqualTo("Template /no/such/template.yaml does not exist or is not a file");
    }

    private static String template(String name) {
        try {
            return Path.of(SamImportApiTest.class.getResource("/sam/" + name).toURI()).toString().replace("\\", "\\\\");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
