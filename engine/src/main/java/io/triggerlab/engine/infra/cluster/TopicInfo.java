package io.triggerlab.engine.infra.cluster;

import java.util.Objects;

/**
 * One topic of the cluster in use.
 *
 * @param name       the topic name
 * @param partitions how many partitions it has (at least 1)
 */
public record TopicInfo(String name, int partitions) {

    public TopicInfo {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("Topic " + name + " has " + partitions + " partitions: must be at least 1");
        }
    }
}
