package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.triggerlab.engine.controlplane.mapping.ResourceTagging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TagResource, UntagResource and ListTags on the wire, one test per operation and per error type: status,
 * {@code X-Amzn-ErrorType}, {@code Type} and the message text (docs/aws-behaviour.md#api-operations, botocore's tagging operations).
 */
class TagApiContractTest {

    private static final String ESM = "/2015-03-31/event-source-mappings";
    private static final String TAGS = "/2017-03-31/tags/";
    private static final String CREATE = "{\"FunctionName\":\"my-function\",\"EventSourceArn\":\"" + ApiFixture.CLUSTER_ARN
            + "\",\"Topics\":[\"orders\"],\"StartingPosition\":\"LATEST\",\"Tags\":{\"team\":\"payments\"}}";

    private ApiFixture fixture;
    private String mappingArn;

    @BeforeEach
    void start() {
        fixture = new ApiFixture();
        JsonNode created = fixture.json(fixture.postJson(ESM, CREATE));
        mappingArn = created.get("EventSourceMappingArn").asText();
        assertThat(created.has("Tags")).as("Tags are never returned by the mapping operations").isFalse();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static String path(String arn) {
        return TAGS + URLEncoder.encode(arn, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> tag(String arn, String body) {
        return fixture.send("POST", path(arn), body, "Content-Type", "application/json");
    }

    private JsonNode listTags(String arn) {
        HttpResponse<String> response = fixture.send("GET", path(arn), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return fixture.json(response).get("Tags");
    }

    private void assertError(HttpResponse<String> response, int status, String type, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValue(type);
        JsonNode body = fixture.json(response);
        assertThat(body.get("Type").asText()).isEqualTo("User");
        assertThat(body.get("message").asText()).isEqualTo(message);
        assertThat(body.get("Message").asText()).isEqualTo(message);
    }

    @Test
    void listTags_answersTheTagsGivenAtCreate() {
        assertThat(listTags(mappingArn).toString()).isEqualTo("{\"team\":\"payments\"}");
    }

    @Test
    void tagResource_answers204WithoutBody_andMergesTags() {
        HttpResponse<String> response = tag(mappingArn, "{\"Tags\":{\"team\":\"risk\",\"env\":\"dev\"}}");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(listTags(mappingArn).toString()).isEqualTo("{\"env\":\"dev\",\"team\":\"risk\"}");
    }

    @Test
    void untagResource_answers204_removesTheKeys_andIgnoresUnknownOnes() {
        tag(mappingArn, "{\"Tags\":{\"env\":\"dev\",\"owner\":\"ana\"}}");

        HttpResponse<String> response = fixture.send("DELETE", path(mappingArn) + "?tagKeys=team&tagKeys=owner&tagKeys=ghost", null);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(listTags(mappingArn).toString()).isEqualTo("{\"env\":\"dev\"}");
    }

    @Test
    void tags_ofAKnownFunction_workAsOnLambda_andNotOnAVersion() {
        assertThat(listTags(ApiFixture.FUNCTION_ARN).toString()).isEqualTo("{}");
        assertThat(tag(ApiFixture.FUNCTION_ARN, "{\"Tags\":{\"app\":\"shop\"}}").statusCode()).isEqualTo(204);
        assertThat(listTags(ApiFixture.FUNCTION_ARN).toString()).isEqualTo("{\"app\":\"shop\"}");
        assertThat(listTags(mappingArn).toString()).as("tags stay with their resource").isEqualTo("{\"team\":\"payments\"}");

        assertError(fixture.send("GET", path(ApiFixture.FUNCTION_ARN + ":live"), null), 400,
                "InvalidParameterValueException", "Tags apply to the function, not to a version or alias: use "
                        + ApiFixture.FUNCTION_ARN + " (Lambda does not support adding tags to function aliases or versions)");
    }

    @Test
    void deletedMapping_takesItsTagsWithIt() {
        String uuid = mappingArn.substring(mappingArn.lastIndexOf(':') + 1);
        fixture.send("DELETE", ESM + "/" + uuid, null);
        fixture.mappings.completeDeletion(uuid);

        assertError(fixture.send("GET", path(mappingArn), null), 404, "ResourceNotFoundException",
                "The resource you requested does not exist.");
    }

    @Test
    void unknownMapping_isResourceNotFound() {
        String unknown = "arn:aws:lambda:us-east-1:123456789012:event-source-mapping:a1b2c3d4-0000-4000-8000-000000000099";
        assertError(fixture.send("GET", path(unknown), null), 404, "ResourceNotFoundException",
                "The resource you requested does not exist.");
        assertError(tag(unknown, "{\"Tags\":{\"a\":\"b\"}}"), 404, "ResourceNotFoundException",
                "The resource you requested does not exist.");
        assertError(fixture.send("DELETE", path(unknown) + "?tagKeys=a", null), 404, "ResourceNotFoundException",
                "The resource you requested does not exist.");
    }

    @Test
    void unknownFunction_isResourceNotFound_withLambdasFunctionNotFoundText() {
        String ghost = "arn:aws:lambda:us-east-1:123456789012:function:ghost";
        assertError(fixture.send("GET", path(ghost), null), 404, "ResourceNotFoundException",
                "Function not found: " + ghost);
    }

    @Test
    void anArnThatIsNotTaggable_isValidationException() {
        String bad = "arn:aws:sqs:us-east-1:123456789012:queue";
        assertError(fixture.send("GET", path(bad), null), 400, "ValidationException",
                "1 validation error detected: Value '" + bad + "' at 'resource' failed to satisfy constraint: Member "
                        + "must satisfy regular expression pattern: " + ResourceTagging.TAGGABLE_RESOURCE_PATTERN);
    }

    @Test
    void tagsBreakingTheModel_areValidationException_andChangeNothing() {
        assertError(tag(mappingArn, "{\"Tags\":{\"a|b\":\"x\"}}"), 400, "ValidationException",
                "1 validation error detected: Value '{a|b=x}' at 'tags' failed to satisfy constraint: Map keys must "
                        + "satisfy constraint: [Member must have length less than or equal to 128, Member must have "
                        + "length greater than or equal to 1, Member must satisfy regular expression pattern: "
                        + "([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)]");
        assertError(tag(mappingArn, "{}"), 400, "ValidationException",
                "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null");
        assertError(fixture.send("DELETE", path(mappingArn), null), 400, "ValidationException",
                "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null");
        assertError(fixture.send("DELETE", path(mappingArn) + "?tagKeys=" + "k".repeat(129), null), 400,
                "ValidationException", "1 validation error detected: Value '" + "k".repeat(129) + "' at "
                        + "'tagKeys.1.member' failed to satisfy constraint: Member must have length less than or equal to 128");
        assertThat(listTags(mappingArn).toString()).isEqualTo("{\"team\":\"payments\"}");
    }

    @Test
    void moreThan50Tags_isInvalidParameterValue_andChangesNothing() {
        String fifty = IntStream.range(0, 50).mapToObj(i -> "\"k" + i + "\":\"v\"").collect(Collectors.joining(","));

        assertError(tag(mappingArn, "{\"Tags\":{" + fifty + "}}"), 400, "InvalidParameterValueException",
                "The resource " + mappingArn + " would have 51 tags: at most 50 tags are allowed per resource. Remove "
                        + "tags with UntagResource first");
        assertThat(listTags(mappingArn).size()).isEqualTo(1);
    }

    @Test
    void tagsOnCreate_breakingTheModel_areValidationException() {
        String body = CREATE.replace("\"team\":\"payments\"", "\"team\":\"" + "v".repeat(257) + "\"");
        HttpResponse<String> response = fixture.postJson(ESM, body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValue("ValidationException");
        assertThat(fixture.json(response).get("message").asText()).contains("at 'tags' failed to satisfy constraint: "
                + "Map value must satisfy constraint: [Member must have length less than or equal to 256");
    }

    @Test
    void otherMethods_areMethodNotAllowed() {
        HttpResponse<String> response = fixture.send("PUT", path(mappingArn), "{}", "Content-Type", "application/json");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET,POST,DELETE");
    }
}
