package io.triggerlab.console.triggers;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.StartingPosition;

import java.time.Instant;
import java.util.List;

/** Mappings as the engine returns them, for ViewModel tests. */
public final class TestMappings {

    public static final String SANDBOX_ARN = "arn:aws:kafka:us-east-1:000000000000:cluster/triggerlab-sandbox/abc-1";

    private TestMappings() {
    }

    public static EventSourceMapping mapping(String uuid, String function, String topic, MappingState state,
                                             String lastProcessingResult) {
        return EventSourceMapping.builder().uuid(uuid)
                .functionArn("arn:aws:lambda:us-east-1:000000000000:function:" + function)
                .eventSourceArn(SANDBOX_ARN).topics(List.of(topic)).startingPosition(StartingPosition.LATEST)
                .state(state).enabled(state != MappingState.DISABLED).lastProcessingResult(lastProcessingResult)
                .lastModified(Instant.parse("2026-01-31T09:30:00Z"))
                .eventSourceMappingArn("arn:aws:lambda:us-east-1:000000000000:event-source-mapping:" + uuid)
                .build();
    }
}
