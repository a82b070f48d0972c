package io.triggerlab.engine.controlplane.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.DeleteEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.EndPointType;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceInUseException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.SelfManagedEventSource;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real AWS SDK for Java v2 {@code LambdaClient}, which nobody here wrote, against the server: it must serialize
 * our requests, parse our responses and map our errors to its typed exceptions unchanged.
 */
class LambdaSdkContractTest {

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

    private CreateEventSourceMappingRequest.Builder msk() {
        return CreateEventSourceMappingRequest.builder()
                .functionName(ApiFixture.FUNCTION)
                .eventSourceArn(ApiFixture.CLUSTER_ARN)
                .topics("orders")
                .startingPosition(EventSourcePosition.LATEST);
    }

    @Test
    void createsMskMapping_andReturnsAwsConfiguration() {
        CreateEventSourceMappingResponse created = lambda.createEventSourceMapping(msk()
                .batchSize(50).tags(Map.of("team", "payments")).build());

        assertThat(created.sdkHttpResponse().statusCode()).isEqualTo(202);
        assertThat(created.uuid()).hasSize(36);
        assertThat(created.state()).isEqualTo("Creating");
        assertThat(created.stateTransitionReason()).isEqualTo("USER_INITIATED");
        assertThat(created.lastProcessingResult()).isEqualTo("No records processed");
        assertThat(created.functionArn()).isEqualTo(ApiFixture.FUNCTION_ARN);
        assertThat(created.eventSourceArn()).isEqualTo(ApiFixture.CLUSTER_ARN);
        assertThat(created.topics()).containsExactly("orders");
        assertThat(created.startingPosition()).isEqualTo(EventSourcePosition.LATEST);
        assertThat(created.batchSize()).isEqualTo(50);
        assertThat(created.maximumBatchingWindowInSeconds()).as("500 ms default is omitted").isNull();
        assertThat(created.lastModified()).isEqualTo(ApiFixture.NOW);
        assertThat(created.amazonManagedKafkaEventSourceConfig().consumerGroupId()).isEqualTo(created.uuid());
        assertThat(created.selfManagedKafkaEventSourceConfig()).isNull();
        assertThat(created.eventSourceMappingArn())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:event-source-mapping:" + created.uuid());
        assertThat(created.responseMetadata().requestId()).hasSize(36);

        GetEventSourceMappingResponse got = lambda.getEventSourceMapping(b -> b.uuid(created.uuid()));
        assertThat(got.sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThat(got.state()).isEqualTo("Enabled");
        assertThat(got.batchSize()).isEqualTo(50);
    }

    @Test
    void createsSelfManagedMapping_atTimestamp_withCustomConsumerGroup() {
        Instant from = Instant.parse("2026-02-01T08:30:00.250Z");
        CreateEventSourceMappingResponse created = lambda.createEventSourceMapping(b -> b
                .functionName(ApiFixture.FUNCTION_ARN)
                .selfManagedEventSource(SelfManagedEventSource.builder()
                        .endpoints(Map.of(EndPointType.KAFKA_BOOTSTRAP_SERVERS,
                                List.of("broker-1.example.com:9092", "broker-2.example.com:9092")))
                        .build())
                .topics("payments")
                .startingPosition(EventSourcePosition.AT_TIMESTAMP)
                .startingPositionTimestamp(from)
                .selfManagedKafkaEventSourceConfig(c -> c.consumerGroupId("payments-consumers"))
                .enabled(false));

        assertThat(created.eventSourceArn()).isNull();
        assertThat(created.selfManagedEventSource().endpoints().get(EndPointType.KAFKA_BOOTSTRAP_SERVERS))
                .containsExactly("broker-1.example.com:9092", "broker-2.example.com:9092");
        assertThat(created.startingPosition()).isEqualTo(EventSourcePosition.AT_TIMESTAMP);
        assertThat(created.startingPositionTimestamp()).isEqualTo(from);
        assertThat(created.selfManagedKafkaEventSourceConfig().consumerGroupId()).isEqualTo("payments-consumers");
        assertThat(created.amazonManagedKafkaEventSourceConfig()).isNull();
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(created.uuid())).state()).isEqualTo("Disabled");
    }

    @Test
    void listPaginator_returnsEveryMapping_inPagesOfAtMost100() {
        fixture.registerFunction("busy-function");
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 120; i++) {
            int n = i;
            created.add(lambda.createEventSourceMapping(msk().functionName("busy-function").topics("t-" + n).build())
                    .uuid());
        }
        lambda.createEventSourceMapping(msk().build()); // another function's mapping, filtered out

        List<Integer> pageSizes = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        for (ListEventSourceMappingsResponse page
                : lambda.listEventSourceMappingsPaginator(b -> b.functionName("busy-function"))) {
            pageSizes.add(page.eventSourceMappings().size());
            page.eventSourceMappings().stream().map(EventSourceMappingConfiguration::uuid).forEach(listed::add);
        }

        assertThat(pageSizes).containsExactly(100, 20);
        assertThat(listed).hasSize(120).doesNotHaveDuplicates();
        assertThat(new HashSet<>(listed)).isEqualTo(created);

        ListEventSourceMappingsResponse first = lambda.listEventSourceMappings(b -> b
                .functionName("busy-function").maxItems(50));
        assertThat(first.eventSourceMappings()).hasSize(50);
        assertThat(first.nextMarker()).isNotBlank();
        assertThat(lambda.listEventSourceMappings(b -> b.eventSourceArn(ApiFixture.CLUSTER_ARN)
                .functionName(ApiFixture.FUNCTION)).eventSourceMappings()).hasSize(1);
    }

    @Test
    void updatesBatchSize_andDeletes() {
        String uuid = lambda.createEventSourceMapping(msk().build()).uuid();

        UpdateEventSourceMappingResponse updated = lambda.updateEventSourceMapping(b -> b.uuid(uuid).batchSize(250));
        assertThat(updated.sdkHttpResponse().statusCode()).isEqualTo(202);
        assertThat(updated.state()).isEqualTo("Updating");
        assertThat(updated.batchSize()).isEqualTo(250);
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).batchSize()).isEqualTo(250);

        DeleteEventSourceMappingResponse deleted = lambda.deleteEventSourceMapping(b -> b.uuid(uuid));
        assertThat(deleted.sdkHttpResponse().statusCode()).isEqualTo(202);
        assertThat(deleted.state()).isEqualTo("Deleting");
        assertThatThrownBy(() -> lambda.getEventSourceMapping(b -> b.uuid(uuid)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void batchSizeOutOfRange_isValidationException() {
        // ValidationException is not among Lambda's modelled errors, so the SDK raises its service base exception.
        assertThatThrownBy(() -> lambda.createEventSourceMapping(msk().batchSize(20000).build()))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value "
                            + "'20000' at 'batchSize' failed to satisfy constraint: Member must have value less than or "
                            + "equal to 10000");
                    assertThat(e.requestId()).hasSize(36);
                });
        assertThat(fixture.mappingCount()).isZero();
    }

    @Test
    void memberForAnotherSourceType_isRefusedWithAwsMessage() {
        assertThatThrownBy(() -> lambda.createEventSourceMapping(msk().parallelizationFactor(2).build()))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith("Unsupported 'parallelizationFactor' parameter for given event source mapping type.");
    }

    @Test
    void duplicateMapping_isResourceConflictException_namingTheExistingMapping() {
        String existing = lambda.createEventSourceMapping(msk().build()).uuid();

        assertThatThrownBy(() -> lambda.createEventSourceMapping(msk().batchSize(10).build()))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("An event source mapping with event "
                            + "source arn (\"" + ApiFixture.CLUSTER_ARN + "\"), function (\"" + ApiFixture.FUNCTION_ARN
                            + "\") and topics (\"orders\") already exists. Please update or delete the existing mapping "
                            + "with UUID " + existing);
                });
        assertThat(fixture.mappingCount()).isEqualTo(1);
    }

    @Test
    void unknownUuid_isResourceNotFoundException() {
        String unknown = "0a1b2c3d-0000-4000-8000-000000000000";
        assertThatThrownBy(() -> lambda.getEventSourceMapping(b -> b.uuid(unknown)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The resource you requested does not exist.");
                });
        assertThatThrownBy(() -> lambda.updateEventSourceMapping(b -> b.uuid(unknown).batchSize(5)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.deleteEventSourceMapping(b -> b.uuid(unknown)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void updateWhileCreating_andDeleteWhileUpdating_areResourceInUseException() {
        fixture.settle.set(false);
        String uuid = lambda.createEventSourceMapping(msk().build()).uuid();

        assertThatThrownBy(() -> lambda.updateEventSourceMapping(b -> b.uuid(uuid).batchSize(5)))
                .isInstanceOfSatisfying(ResourceInUseException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cannot update the event source mapping "
                            + uuid + " while it is Creating: try again when it is Enabled or Disabled");
                });

        fixture.mappings.markState(uuid, io.triggerlab.engine.controlplane.mapping.MappingState.ENABLED, "USER_INITIATED");
        lambda.updateEventSourceMapping(b -> b.uuid(uuid).batchSize(5));
        assertThatThrownBy(() -> lambda.deleteEventSourceMapping(b -> b.uuid(uuid)))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageContaining("while it is Updating");
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).batchSize()).isEqualTo(5);
    }
}
