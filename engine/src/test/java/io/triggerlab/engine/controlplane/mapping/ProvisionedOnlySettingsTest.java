package io.triggerlab.engine.controlplane.mapping;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProvisionedOnlySettingsTest {

    private static EventSourceMapping.Builder mapping() {
        return EventSourceMapping.builder().uuid("00000000-0000-0000-0000-000000000009")
                .functionArn("arn:aws:lambda:us-east-1:123456789012:function:fn")
                .selfManagedEventSource(SelfManagedEventSource.ofBootstrapServers(List.of("h:9092")))
                .topics(List.of("orders")).startingPosition(StartingPosition.LATEST)
                .lastModified(Instant.EPOCH).eventSourceMappingArn("arn:aws:lambda:us-east-1:123456789012:event-source-mapping:x");
    }

    @Test
    void listsEveryProvisionedOnlySetting_ofAnOnDemandMapping() {
        EventSourceMapping onDemand = mapping().maximumRetryAttempts(3).maximumRecordAgeInSeconds(60)
                .bisectBatchOnFunctionError(true).functionResponseTypes(List.of("ReportBatchItemFailures"))
                .destinationConfig(DestinationConfig.onFailure("kafka://dlq")).build();
        assertThat(ProvisionedOnlySettings.usedInOnDemandMode(onDemand)).containsExactly(
                "MaximumRetryAttempts 3 is available only in provisioned mode (set ProvisionedPollerConfig)",
                "MaximumRecordAgeInSeconds 60 is available only in provisioned mode (set ProvisionedPollerConfig)",
                "BisectBatchOnFunctionError is available only in provisioned mode (set ProvisionedPollerConfig)",
                "FunctionResponseTypes ReportBatchItemFailures is available only in provisioned mode (set ProvisionedPollerConfig)",
                "The Kafka topic on-failure destination kafka://dlq is available only in provisioned mode (set ProvisionedPollerConfig)");
    }

    @Test
    void listsNothing_forProvisionedMappings_orPlainOnDemandOnes_orAnSqsDestination() {
        assertThat(ProvisionedOnlySettings.usedInOnDemandMode(mapping().maximumRetryAttempts(3)
                .provisionedPollerConfig(new ProvisionedPollerConfig(1, 200, null)).build())).isEmpty();
        assertThat(ProvisionedOnlySettings.usedInOnDemandMode(mapping()
                .destinationConfig(DestinationConfig.onFailure("arn:aws:sqs:us-east-1:123456789012:q")).build())).isEmpty();
    }
}
