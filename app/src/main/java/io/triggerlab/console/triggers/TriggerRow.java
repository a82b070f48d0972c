package io.triggerlab.console.triggers;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;

import java.util.List;
import java.util.Objects;

/**
 * One trigger as the list shows it.
 *
 * @param uuid         the mapping's UUID
 * @param functionName the function's name (from its ARN), with the qualifier if any
 * @param topic        the topic it reads
 * @param badge        the state to show
 * @param source       where the topic lives: the MSK cluster's name or the bootstrap servers
 */
public record TriggerRow(String uuid, String functionName, String topic, StateBadge badge, String source) {

    public TriggerRow {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(badge, "badge");
        Objects.requireNonNull(source, "source");
    }

    public static TriggerRow of(EventSourceMapping mapping) {
        return new TriggerRow(mapping.uuid(), functionNameOf(mapping.functionArn()), mapping.topic(),
                StateBadge.of(mapping), sourceOf(mapping));
    }

    /**
     * "function · topic", and the UUID's first 8 characters when another row has the same function and topic (on
     * another cluster, or with another consumer group), so no two rows read alike.
     */
    public String title(List<TriggerRow> all) {
        return functionName + " · " + topicLine(all);
    }

    /** The row's second line: the topic, and the UUID's first 8 characters when {@link #title} needs them. */
    public String topicLine(List<TriggerRow> all) {
        boolean ambiguous = all.stream().anyMatch(r -> r != this && !r.uuid.equals(uuid)
                && r.functionName.equals(functionName) && r.topic.equals(topic));
        return ambiguous ? topic + " · " + uuid.substring(0, Math.min(8, uuid.length())) : topic;
    }

    /** {@code arn:aws:lambda:r:a:function:name[:qualifier]} → {@code name[:qualifier]}. */
    public static String functionNameOf(String functionArn) {
        int at = functionArn.indexOf(":function:");
        return at < 0 ? functionArn : functionArn.substring(at + ":function:".length());
    }

    /** The MSK cluster's name from its ARN, or the self-managed bootstrap servers. */
    public static String sourceOf(EventSourceMapping mapping) {
        if (mapping.isMsk()) {
            String[] parts = mapping.eventSourceArn().split("/");
            return parts.length >= 2 ? parts[1] : mapping.eventSourceArn();
        }
        return String.join(",", mapping.selfManagedEventSource().bootstrapServers());
    }
}
