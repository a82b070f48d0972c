package io.triggerlab.engine.controlplane.awscheck;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MetricsConfig;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import io.triggerlab.engine.controlplane.mapping.SelfManagedEventSource;
import io.triggerlab.engine.controlplane.mapping.StartingPosition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AwsPublishedMetricsTest {

    private static EventSourceMapping.Builder mapping() {
        return EventSourceMapping.builder().uuid("00000000-0000-0000-0000-000000000009")
                .functionArn("arn:aws:lambda:us-east-1:123456789012:function:fn")
                .selfManagedEventSource(SelfManagedEventSource.ofBootstrapServers(List.of("h:9092")))
                .topics(List.of("orders")).startingPosition(StartingPosition.LATEST)
                .lastModified(Instant.EPOCH).eventSourceMappingArn("arn:aws:lambda:us-east-1:123456789012:event-source-mapping:x");
    }

    @Test
    void withoutMetricsConfig_awsPublishesOnlyOffsetLag() {
        assertThat(AwsPublishedMetrics.of(mapping().build())).containsExactly("OffsetLag");
    }

    @Test
    void eachOptedInGroupAddsItsMetrics_andProvisionedModeAddsThePollerMetrics() {
        EventSourceMapping m = mapping().metricsConfig(new MetricsConfig(List.of("ErrorCount", "KafkaMetrics")))
                .provisionedPollerConfig(new ProvisionedPollerConfig(1, 5, null)).build();

        assertThat(AwsPublishedMetrics.of(m)).containsExactly("PollingErrorCount", "InvokeErrorCount",
                "CommitErrorCount", "OnFailureDestinationDeliveryErrorCount", "OffsetLag", "MaxOffsetLag",
                "SumOffsetLag", "ProvisionedPollers", "EventPollerUnit", "EventPollerThroughputInBytes");
    }

    @Test
    void eventCount_addsTheSevenEventCounters() {
        EventSourceMapping m = mapping().metricsConfig(new MetricsConfig(List.of("EventCount"))).build();

        assertThat(AwsPublishedMetrics.of(m)).containsExactly("PolledEventCount", "FilteredOutEventCount",
                "InvokedEventCount", "FailedInvokeEventCount", "DroppedEventCount",
                "OnFailureDestinationDeliveredEventCount", "CommittedEventCount", "OffsetLag");
    }
}
