package io.triggerlab.engine.controlplane.mapping;

import io.triggerlab.engine.infra.store.MappingRepository;

import io.triggerlab.engine.infra.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.triggerlab.engine.controlplane.mapping.MappingRequests.msk;
import static io.triggerlab.engine.controlplane.mapping.MappingRequests.selfManaged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappingServiceTest {

    private final ServiceFixture fx = new ServiceFixture(Database.inMemory("mappings-" + UUID.randomUUID())).withDefaults();
    private final MappingService service = fx.service;

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void createsMappingInCreatingState_withAwsDefaults() {
        EventSourceMapping m = service.create(msk().build());

        assertThat(m.state()).isEqualTo(MappingState.CREATING);
        assertThat(m.stateTransitionReason()).isEqualTo("USER_INITIATED");
        assertThat(m.lastProcessingResult()).isEqualTo("No records processed");
        assertThat(m.lastModified()).isEqualTo(fx.clock.instant());
        assertThat(m.eventSourceMappingArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:event-source-mapping:" + m.uuid());
        assertThat(m.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:my-function");
        assertThat(m.batchSize()).isEqualTo(100);
        assertThat(m.maximumBatchingWindowInSeconds()).isNull();
        assertThat(m.batchingWindow()).isEqualTo(Duration.ofMillis(500));
        assertThat(m.maximumRetryAttempts()).isEqualTo(-1);
        assertThat(m.maximumRecordAgeInSeconds()).isEqualTo(-1);
        assertThat(m.bisectBatchOnFunctionError()).isFalse();
        assertThat(m.enabled()).isTrue();
        assertThat(m.isMsk()).isTrue();
        assertThat(m.consumerGroupId()).isEqualTo(m.uuid());
        assertThat(service.get(m.uuid())).isEqualTo(m);
    }

    @Test
    void qualifiesFunctionArn_whenFunctionNameHasQualifier() {
        EventSourceMapping m = service.create(msk().functionName("my-function:PROD").build());

        assertThat(m.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:my-function:PROD");
    }

    @Test
    void usesCustomConsumerGroup_andRefusesItForASecondMapping() {
        EventSourceMapping m = service.create(msk().amazonManagedKafkaEventSourceConfig(
                new KafkaEventSourceConfig("billing-group", null)).build());
        fx.registerFunction("other");

        assertThat(m.consumerGroupId()).isEqualTo("billing-group");
        assertThatThrownBy(() -> service.create(selfManaged().functionName("other").selfManagedKafkaEventSourceConfig(
                new KafkaEventSourceConfig("billing-group", null)).build()))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessage("ConsumerGroupId billing-group is already used by event source mapping " + m.uuid()
                        + ": it must be unique among all your Kafka event sources");
    }

    @Test
    void refusesUnknownFunction_asAwsDoes() {
        assertThatThrownBy(() -> service.create(msk().functionName("ghost").build()))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessage("Function does not exist");
    }

    @Test
    void refusesUnknownCluster_butNeedsNoClusterForSelfManaged() {
        String unknown = "arn:aws:kafka:us-east-1:123456789012:cluster/missing/abcd-1";

        assertThatThrownBy(() -> service.create(msk().eventSourceArn(unknown).build()))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith("Cluster not found: " + unknown + ". TriggerLab only knows the MSK clusters");
        assertThat(service.create(selfManaged().build()).isMsk()).isFalse();
    }

    @Test
    void refusesSameSourceFunctionAndTopic_withAwsConflictMessage() {
        EventSourceMapping first = service.create(msk().build());

        assertThatThrownBy(() -> service.create(msk().batchSize(5).build()))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessage("An event source mapping with event source arn (\"" + MappingRequests.CLUSTER_ARN
                        + "\"), function (\"arn:aws:lambda:us-east-1:123456789012:function:my-function\") and topics "
                        + "(\"orders\") already exists. Please update or delete the existing mapping with UUID " + first.uuid())
                .satisfies(e -> assertThat(((LambdaApiException) e).httpStatus()).isEqualTo(409));
        assertThat(service.create(msk().topics(List.of("payments")).build()).topic()).isEqualTo("payments");
    }

    @Test
    void pagesOf100_withWorkingNextMarker_evenWhenMaxItemsIsLarger() {
        for (int i = 0; i < 250; i++) {
            service.create(msk().topics(List.of("topic-" + i)).build());
        }

        MappingPage p1 = service.list(null, null, null, 1000);
        MappingPage p2 = service.list(null, null, p1.nextMarker(), 1000);
        MappingPage p3 = service.list(null, null, p2.nextMarker(), 1000);

        assertThat(p1.eventSourceMappings()).hasSize(100);
        assertThat(p2.eventSourceMappings()).hasSize(100);
        assertThat(p3.eventSourceMappings()).hasSize(50);
        assertThat(p3.nextMarker()).isNull();
        assertThat(p1.eventSourceMappings().get(0).topic()).isEqualTo("topic-0");
        assertThat(p2.eventSourceMappings().get(0).topic()).isEqualTo("topic-100");
        assertThat(p3.eventSourceMappings().get(49).topic()).isEqualTo("topic-249");
        assertThat(service.list(null, null, null, 7).eventSourceMappings()).hasSize(7);
    }

    @Test
    void filtersListByEventSourceAndFunction_inAnyNameForm() {
        EventSourceMapping a = service.create(msk().build());
        EventSourceMapping b = service.create(msk().functionName("my-function:live").build());
        EventSourceMapping c = service.create(selfManaged().build());

        assertThat(service.list(MappingRequests.CLUSTER_ARN, null, null, null).eventSourceMappings()).containsExactly(a, b);
        assertThat(service.list(null, "my-function", null, null).eventSourceMappings()).containsExactly(a, b, c);
        assertThat(service.list(null, "my-function:live", null, null).eventSourceMappings()).containsExactly(b);
        assertThat(service.list(null, "arn:aws:lambda:us-east-1:123456789012:function:my-function", null, null)
                .eventSourceMappings()).hasSize(3);
        assertThat(service.list(null, "someone-else", null, null).eventSourceMappings()).isEmpty();
    }

    @Test
    void refusesBadListParameters() {
        assertThatThrownBy(() -> service.list(null, null, null, 0))
                .hasMessage("1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
        assertThatThrownBy(() -> service.list(null, null, "garbage!", null))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith("Marker 'garbage!' is not valid");
    }

    @Test
    void updatesPresentMembersOnly_intoUpdatingState() {
        EventSourceMapping created = service.create(msk().maximumRetryAttempts(3).build());
        service.markState(created.uuid(), MappingState.ENABLED, "USER_INITIATED");
        fx.clock.advanceSeconds(10);

        EventSourceMapping updated = service.update(created.uuid(), UpdateEventSourceMappingRequest.builder()
                .batchSize(500).maximumBatchingWindowInSeconds(0).enabled(false).build());

        assertThat(updated.state()).isEqualTo(MappingState.UPDATING);
        assertThat(updated.batchSize()).isEqualTo(500);
        assertThat(updated.batchingWindow()).isEqualTo(Duration.ZERO);
        assertThat(updated.enabled()).isFalse();
        assertThat(updated.maximumRetryAttempts()).isEqualTo(3);
        assertThat(updated.lastModified()).isEqualTo(fx.clock.instant());
        assertThat(service.get(created.uuid())).isEqualTo(updated);
    }

    @Test
    void removesFiltersDestinationAndProvisionedMode_withEmptyValues() {
        EventSourceMapping created = service.create(msk().filterCriteria(FilterCriteria.of("{\"value\":{\"a\":[1]}}"))
                .destinationConfig(DestinationConfig.onFailure("kafka://dlq")).kmsKeyArn("arn:aws:kms:us-east-1:123456789012:key/k")
                .provisionedPollerConfig(new ProvisionedPollerConfig(null, null, "g1")).build());
        assertThat(created.provisionedPollerConfig()).isEqualTo(new ProvisionedPollerConfig(1, 200, "g1"));
        service.markState(created.uuid(), MappingState.ENABLED, "USER_INITIATED");

        EventSourceMapping updated = service.update(created.uuid(), UpdateEventSourceMappingRequest.builder()
                .filterCriteria(new FilterCriteria(null)).destinationConfig(DestinationConfig.onFailure(""))
                .kmsKeyArn("").provisionedPollerConfig(new ProvisionedPollerConfig(null, null, null)).build());

        assertThat(updated.filterCriteria()).isNull();
        assertThat(updated.destinationConfig()).isNull();
        assertThat(updated.kmsKeyArn()).isNull();
        assertThat(updated.isProvisioned()).isFalse();
    }

    @Test
    void refusesUpdateWhileCreating_andDeleteWhileUpdating() {
        EventSourceMapping m = service.create(msk().build());

        assertThatThrownBy(() -> service.update(m.uuid(), UpdateEventSourceMappingRequest.builder().batchSize(5).build()))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessage("Cannot update the event source mapping " + m.uuid()
                        + " while it is Creating: try again when it is Enabled or Disabled");
        service.markState(m.uuid(), MappingState.ENABLED, "USER_INITIATED");
        service.update(m.uuid(), UpdateEventSourceMappingRequest.builder().batchSize(5).build());
        assertThatThrownBy(() -> service.delete(m.uuid()))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageContaining("while it is Updating");
    }

    @Test
    void refusesUpdateToAFunctionThatWouldConflict() {
        fx.registerFunction("other");
        EventSourceMapping mine = service.create(msk().build());
        EventSourceMapping theirs = service.create(msk().functionName("other").build());
        service.markState(mine.uuid(), MappingState.ENABLED, "USER_INITIATED");

        assertThatThrownBy(() -> service.update(mine.uuid(), UpdateEventSourceMappingRequest.builder().functionName("other").build()))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessageEndingWith("Please update or delete the existing mapping with UUID " + theirs.uuid());
    }

    @Test
    void deletesInTwoSteps_deletingThenCompleteDeletion() {
        EventSourceMapping m = service.create(msk().build());
        service.markState(m.uuid(), MappingState.ENABLED, "USER_INITIATED");

        EventSourceMapping deleting = service.delete(m.uuid());

        assertThat(deleting.state()).isEqualTo(MappingState.DELETING);
        assertThat(service.get(m.uuid()).state()).isEqualTo(MappingState.DELETING);
        assertThat(service.delete(m.uuid())).isEqualTo(deleting);
        assertThat(service.completeDeletion(m.uuid())).isTrue();
        assertThatThrownBy(() -> service.get(m.uuid())).isInstanceOf(ResourceNotFoundException.class);
        assertThat(service.completeDeletion(m.uuid())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a1b2c3d4-0000-4000-8000-000000000099", "a1b2c3d4-0000-4000-8000-00000000009x"})
    void answersResourceNotFound_forUnknownOrMalformed36CharacterUuid(String uuid) {
        assertThatThrownBy(() -> service.get(uuid))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("The resource you requested does not exist.")
                .satisfies(e -> assertThat(((LambdaApiException) e).httpStatus()).isEqualTo(404));
        assertThatThrownBy(() -> service.update(uuid, UpdateEventSourceMappingRequest.builder().build()))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> service.delete(uuid)).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> service.markState(uuid, MappingState.ENABLED, "x")).isInstanceOf(ResourceNotFoundException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "", "A1B2C3D4-0000-4000-8000-00000000009"})
    void answersValidationException_forAUuidThatIsNot36Characters(String uuid) {
        String message = "1 validation error detected: Value '" + uuid + "' at 'uUID' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 36";
        assertThatThrownBy(() -> service.get(uuid)).isInstanceOf(ValidationException.class).hasMessage(message);
        assertThatThrownBy(() -> service.update(uuid, UpdateEventSourceMappingRequest.builder().build()))
                .isInstanceOf(ValidationException.class).hasMessage(message);
        assertThatThrownBy(() -> service.delete(uuid)).isInstanceOf(ValidationException.class).hasMessage(message);
    }

    @Test
    void recordsRuntimeStateAndProcessingResult() {
        EventSourceMapping m = service.create(msk().build());
        fx.clock.advanceSeconds(5);

        EventSourceMapping enabled = service.markState(m.uuid(), MappingState.ENABLED, "USER_INITIATED");
        EventSourceMapping problem = service.recordProcessingResult(m.uuid(),
                "PROBLEM: Connection error. Please check your event source connection configuration.");

        assertThat(enabled.state()).isEqualTo(MappingState.ENABLED);
        assertThat(enabled.lastModified()).isEqualTo(fx.clock.instant());
        assertThat(problem.lastProcessingResult()).startsWith("PROBLEM: Connection error.");
        assertThat(service.get(m.uuid())).isEqualTo(problem);
    }

    @Test
    void notifiesLifecycle_onCreateUpdateAndDelete_notOnRuntimeCallbacks() {
        EventSourceMapping m = service.create(msk().build());
        service.markState(m.uuid(), MappingState.ENABLED, "USER_INITIATED");
        service.update(m.uuid(), UpdateEventSourceMappingRequest.builder().batchSize(42).build());
        service.markState(m.uuid(), MappingState.ENABLED, "USER_INITIATED");
        service.delete(m.uuid());
        service.completeDeletion(m.uuid());

        assertThat(fx.events).containsExactly(
                "created " + m.uuid() + " CREATING",
                "updated " + m.uuid() + " 100->42",
                "deleting " + m.uuid() + " DELETING");
    }

    @Test
    void keepsTheChange_whenTheLifecycleListenerFails() {
        MappingService failing = new MappingService(new MappingRepository(fx.database.dataSource()), fx.functions,
                fx.clusters, fx.clock, "us-east-1", "123456789012", new MappingLifecycle() {
            @Override
            public void created(EventSourceMapping mapping) {
                throw new IllegalStateException("poller runtime down");
            }
        });

        EventSourceMapping m = failing.create(msk().build());

        assertThat(failing.get(m.uuid()).state()).isEqualTo(MappingState.CREATING);
    }
}
