package io.triggerlab.console.producer;

import io.triggerlab.engine.client.ClusterTopics;
import io.triggerlab.engine.infra.cluster.ClusterHealth;
import io.triggerlab.engine.infra.cluster.TopicInfo;

import java.time.Duration;
import java.util.List;

/** A cluster with one topic, for the producer's tests: lists it, "creates" any, and is always healthy. */
public final class FixedTopics implements ClusterTopics {

    private final TopicInfo topic;

    public FixedTopics(String name, int partitions) {
        this.topic = new TopicInfo(name, partitions);
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:9092";
    }

    @Override
    public List<TopicInfo> listTopics() {
        return List.of(topic);
    }

    @Override
    public TopicInfo createTopic(String name, int partitions) {
        return new TopicInfo(name, partitions);
    }

    @Override
    public ClusterHealth checkHealth() {
        return new ClusterHealth("id", 1, Duration.ZERO);
    }
}
