package io.triggerlab.engine.infra.cluster;

import java.util.List;

/**
 * What the console and CLI need to know about the topics of the cluster in use, without holding Kafka code
 * themselves: list them (with partition counts), create one, and check that the cluster answers at all.
 * Every call talks to the cluster and may block for up to its timeout, so callers keep it off UI threads.
 */
public interface TopicCatalog {

    /** Bootstrap servers of the cluster this catalog talks to. */
    String bootstrapServers();

    /**
     * The user topics (internal ones such as {@code __consumer_offsets} left out), sorted by name.
     *
     * @throws ClusterUnavailableException when the cluster does not answer in time
     */
    List<TopicInfo> listTopics();

    /**
     * Creates a topic with replication factor 1 (the sandbox has one broker).
     *
     * @throws IllegalArgumentException    when the name is not a valid Kafka topic name, the partition count is below
     *                                     1, or the topic already exists
     * @throws ClusterUnavailableException when the cluster does not answer in time
     */
    TopicInfo createTopic(String name, int partitions);

    /**
     * Asks the cluster who its brokers are: the console's health indicator.
     *
     * @throws ClusterUnavailableException when the cluster does not answer in time
     */
    ClusterHealth checkHealth();
}
