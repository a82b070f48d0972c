package io.triggerlab.junit;

/**
 * A trigger (event source mapping) a test created: what the waits and assertions name.
 *
 * @param uuid            the mapping's UUID, as the Lambda API returns it
 * @param topic           the topic it polls
 * @param functionName    the function it invokes
 * @param consumerGroupId the consumer group whose committed offsets {@link TriggerLab#awaitCommitted} reads
 */
public record Trigger(String uuid, String topic, String functionName, String consumerGroupId) {
}
