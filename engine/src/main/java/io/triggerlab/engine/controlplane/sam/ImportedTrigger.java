package io.triggerlab.engine.controlplane.sam;

import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;

import java.util.Objects;

/**
 * A Kafka trigger of the template: an {@code MSK} or {@code SelfManagedKafka} event of a function, or an
 * {@code AWS::Lambda::EventSourceMapping}, as the engine's CreateEventSourceMapping request. For MSK the request's
 * {@code EventSourceArn} is still the template's; the applier maps it to a registered cluster.
 *
 * @param resource the logical ID, {@code Function.Events.Name} for a SAM event
 * @param line     the event's or resource's line
 * @param request  the request, {@code FunctionName} being the imported function's name
 */
public record ImportedTrigger(String resource, int line, CreateEventSourceMappingRequest request) {

    public ImportedTrigger {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(request, "request");
    }

    /** True for an MSK source (it names a cluster by ARN), false for self-managed Kafka. */
    public boolean isMsk() {
        return request.eventSourceArn() != null;
    }

    /** The one topic this trigger reads (the first when a template lists more; the engine refuses more than one). */
    public String topic() {
        return request.topics() == null || request.topics().isEmpty() ? "" : request.topics().get(0);
    }
}
