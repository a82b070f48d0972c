package io.triggerlab.engine.client;

import io.triggerlab.engine.infra.cluster.ClusterHealth;
import io.triggerlab.engine.infra.cluster.TopicCatalog;
import io.triggerlab.engine.infra.cluster.TopicInfo;

import java.util.List;

/**
 * The topics of the cluster in use as a person driving a trigger sees them: list, create, and whether the cluster
 * answers. Every call talks to the cluster and may block for up to its timeout (the engine throws
 * {@code ClusterUnavailableException} when it does not answer), so callers keep it off UI threads.
 */
public interface ClusterTopics {

    /** Bootstrap servers of the cluster in use. */
    String bootstrapServers();

    /** The user topics, sorted by name. */
    List<TopicInfo> listTopics();

    /** Creates a topic with replication factor 1; an invalid or taken name is an {@link IllegalArgumentException}. */
    TopicInfo createTopic(String name, int partitions);

    /** Asks the cluster who its brokers are: the console's health indicator. */
    ClusterHealth checkHealth();

    /** The engine's topic catalog. */
    static ClusterTopics of(TopicCatalog catalog) {
        return new ClusterTopics() {
            @Override
            public String bootstrapServers() {
                return catalog.bootstrapServers();
            }

            @Override
            public List<TopicInfo> listTopics() {
                return catalog.listTopics();
            }

            @Override
            public TopicInfo createTopic(String name, int partitions) {
                return catalog.createTopic(name, partitions);
            }

            @Override
            public ClusterHealth checkHealth() {
                return catalog.checkHealth();
            }
        };
    }
}
