package io.triggerlab.engine.controlplane.awscheck;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;

import java.util.OptionalLong;

/** Reads the mapping's topic's {@code max.message.bytes}; empty when the cluster cannot be asked right now. */
@FunctionalInterface
public interface TopicLimits {

    /** No cluster access: the topic limit is not checked. */
    TopicLimits UNKNOWN = mapping -> OptionalLong.empty();

    OptionalLong maxMessageBytes(EventSourceMapping mapping);
}
