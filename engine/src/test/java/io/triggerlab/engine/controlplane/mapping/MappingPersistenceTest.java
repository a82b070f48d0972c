package io.triggerlab.engine.controlplane.mapping;

import io.triggerlab.engine.infra.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MappingPersistenceTest {

    @Test
    void mappingSurvivesRestart_inItsLastState_withEveryMember(@TempDir Path dir) {
        EventSourceMapping stored;
        try (ServiceFixture fx = new ServiceFixture(Database.open(dir.resolve("engine"))).withDefaults()) {
            EventSourceMapping created = fx.service.create(MappingRequests.msk()
                    .startingPosition("AT_TIMESTAMP").startingPositionTimestamp(Instant.parse("2026-02-01T00:00:00Z"))
                    .batchSize(250).maximumBatchingWindowInSeconds(2)
                    .sourceAccessConfigurations(List.of(new SourceAccessConfiguration("SASL_SCRAM_512_AUTH",
                            "arn:aws:secretsmanager:us-east-1:123456789012:secret:AmazonMSK_user")))
                    .amazonManagedKafkaEventSourceConfig(new KafkaEventSourceConfig("group-1", new SchemaRegistryConfig(
                            "https://registry.example.com", "JSON", List.of(new SchemaRegistryConfig.AccessConfig("BASIC_AUTH",
                            "arn:aws:secretsmanager:us-east-1:123456789012:secret:reg")), null)))
                    .filterCriteria(FilterCriteria.of("{\"value\":{\"status\":[\"active\"]}}"))
                    .kmsKeyArn("arn:aws:kms:us-east-1:123456789012:key/k1")
                    .destinationConfig(DestinationConfig.onFailure("kafka://orders-dlq"))
                    .maximumRetryAttempts(5).maximumRecordAgeInSeconds(3600).bisectBatchOnFunctionError(true)
                    .functionResponseTypes(List.of("ReportBatchItemFailures"))
                    .provisionedPollerConfig(new ProvisionedPollerConfig(2, 10, "grp"))
                    .metricsConfig(new MetricsConfig(List.of("EventCount", "KafkaMetrics")))
                    .loggingConfig(new LoggingConfig("INFO"))
                    .tags(Map.of("team", "payments"))
                    .build());
            fx.service.markState(created.uuid(), MappingState.ENABLED, "USER_INITIATED");
            stored = fx.service.recordProcessingResult(created.uuid(), "OK");
        }

        try (ServiceFixture reopened = new ServiceFixture(Database.open(dir.resolve("engine")))) {
            assertThat(reopened.service.get(stored.uuid())).isEqualTo(stored);
            assertThat(reopened.service.all()).containsExactly(stored);
            EventSourceMapping back = reopened.service.get(stored.uuid());
            assertThat(back.state()).isEqualTo(MappingState.ENABLED);
            assertThat(back.lastProcessingResult()).isEqualTo("OK");
            assertThat(back.consumerGroupId()).isEqualTo("group-1");
            assertThat(back.tags()).containsEntry("team", "payments");
            assertThat(back.reportsBatchItemFailures()).isTrue();
        }
    }

    @Test
    void selfManagedMappingInDeletingState_survivesRestart(@TempDir Path dir) {
        EventSourceMapping deleting;
        try (ServiceFixture fx = new ServiceFixture(Database.open(dir.resolve("engine"))).withDefaults()) {
            EventSourceMapping m = fx.service.create(MappingRequests.selfManaged().build());
            fx.service.markState(m.uuid(), MappingState.DISABLED, "USER_INITIATED");
            deleting = fx.service.delete(m.uuid());
        }
        try (ServiceFixture reopened = new ServiceFixture(Database.open(dir.resolve("engine")))) {
            assertThat(reopened.service.all()).containsExactly(deleting);
            assertThat(deleting.selfManagedEventSource().bootstrapServers()).containsExactly("broker-1.example.com:9092");
        }
    }
}
