package io.triggerlab.engine.controlplane.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ListTagsResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TagResourceResponse;
import software.amazon.awssdk.services.lambda.model.UntagResourceResponse;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The AWS SDK for Java v2 drives every operation issue 17 added — Tags on Create, TagResource, UntagResource,
 * ListTags — and the new error types, against the real server: the SDK's own serializers (it percent-encodes the ARN
 * in the path) and its exception mapping decide whether TriggerLab speaks Lambda's protocol.
 */
class TaggingSdkIT {

    private ApiFixture fixture;
    private LambdaClient lambda;

    @BeforeEach
    void start() {
        fixture = new ApiFixture();
        lambda = LambdaClient.builder()
                .endpointOverride(fixture.server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stop() {
        lambda.close();
        fixture.close();
    }

    private CreateEventSourceMappingResponse create(Map<String, String> tags) {
        return lambda.createEventSourceMapping(b -> b.functionName(ApiFixture.FUNCTION)
                .eventSourceArn(ApiFixture.CLUSTER_ARN).topics("orders")
                .startingPosition(EventSourcePosition.LATEST).tags(tags));
    }

    @Test
    void tagsOnCreate_thenTagUntagAndList_throughTheSdk() {
        String arn = create(Map.of("team", "payments")).eventSourceMappingArn();

        ListTagsResponse initial = lambda.listTags(b -> b.resource(arn));
        assertThat(initial.sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThat(initial.tags()).containsExactly(Map.entry("team", "payments"));

        TagResourceResponse tagged = lambda.tagResource(b -> b.resource(arn).tags(Map.of("env", "dev", "team", "risk")));
        assertThat(tagged.sdkHttpResponse().statusCode()).isEqualTo(204);
        assertThat(lambda.listTags(b -> b.resource(arn)).tags()).isEqualTo(Map.of("env", "dev", "team", "risk"));

        UntagResourceResponse untagged = lambda.untagResource(b -> b.resource(arn).tagKeys("team", "missing"));
        assertThat(untagged.sdkHttpResponse().statusCode()).isEqualTo(204);
        assertThat(lambda.listTags(b -> b.resource(arn)).tags()).isEqualTo(Map.of("env", "dev"));
    }

    @Test
    void functionTags_throughTheSdk() {
        lambda.tagResource(b -> b.resource(ApiFixture.FUNCTION_ARN).tags(Map.of("app", "shop")));
        assertThat(lambda.listTags(b -> b.resource(ApiFixture.FUNCTION_ARN)).tags()).isEqualTo(Map.of("app", "shop"));

        String ghost = "arn:aws:lambda:us-east-1:123456789012:function:ghost";
        assertThatThrownBy(() -> lambda.listTags(b -> b.resource(ghost)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Function not found: " + ghost);
                });
    }

    @Test
    void errors_mapToTheSdksExceptions() {
        String arn = create(Map.of()).eventSourceMappingArn();
        Map<String, String> tooMany = IntStream.range(0, 51).boxed()
                .collect(Collectors.toMap(i -> "k" + i, i -> "v"));

        assertThatThrownBy(() -> lambda.tagResource(b -> b.resource(arn).tags(tooMany)))
                .isInstanceOfSatisfying(InvalidParameterValueException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("at most 50 tags"));
        assertThatThrownBy(() -> lambda.tagResource(b -> b.resource(arn).tags(Map.of("bad|key", "v"))))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("1 validation error detected: Value "
                            + "'{bad|key=v}' at 'tags' failed to satisfy constraint: Map keys must satisfy constraint");
                });
        assertThatThrownBy(() -> lambda.getEventSourceMapping(b -> b.uuid("too-short")))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value "
                            + "'too-short' at 'uUID' failed to satisfy constraint: Member must have length greater "
                            + "than or equal to 36");
                });
    }
}
