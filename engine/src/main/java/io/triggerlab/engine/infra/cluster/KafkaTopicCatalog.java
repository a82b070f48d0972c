package io.triggerlab.engine.infra.cluster;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.internals.Topic;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link TopicCatalog} over Kafka's Admin client. Each call opens and closes its own short-lived client: the console
 * asks rarely (opening the wizard or the producer panel, a health check every few seconds), and so nothing has to be
 * closed with the engine.
 */
public final class KafkaTopicCatalog implements TopicCatalog {

    private final ClusterEndpoint cluster;

    public KafkaTopicCatalog(ClusterEndpoint cluster) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public List<TopicInfo> listTopics() {
        return withAdmin("list the topics of", admin -> {
            List<String> names = await(admin.listTopics().names()).stream().filter(n -> !Topic.isInternal(n)).toList();
            if (names.isEmpty()) {
                return List.of();
            }
            Map<String, TopicDescription> described = await(admin.describeTopics(names).allTopicNames());
            return described.values().stream()
                    .map(d -> new TopicInfo(d.name(), d.partitions().size()))
                    .sorted(Comparator.comparing(TopicInfo::name))
                    .toList();
        });
    }

    @Override
    public TopicInfo createTopic(String name, int partitions) {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("Topic " + name + ": partition count " + partitions + " must be at least 1");
        }
        try {
            Topic.validate(name);
        } catch (InvalidTopicException e) {
            throw new IllegalArgumentException("Topic name '" + name + "' is not valid: " + e.getMessage(), e);
        }
        try {
            withAdmin("create the topic " + name + " on",
                    admin -> await(admin.createTopics(Set.of(new NewTopic(name, partitions, (short) 1))).all()));
        } catch (ClusterUnavailableException e) {
            if (e.getCause() instanceof TopicExistsException) {
                throw new IllegalArgumentException("Topic " + name + " already exists on the cluster at "
                        + cluster.bootstrapServers() + ": choose another name, or use the existing topic", e.getCause());
            }
            if (e.getCause() instanceof InvalidPartitionsException || e.getCause() instanceof InvalidTopicException) {
                throw new IllegalArgumentException("The cluster at " + cluster.bootstrapServers() + " refused topic "
                        + name + ": " + e.getCause().getMessage(), e.getCause());
            }
            throw e;
        }
        return new TopicInfo(name, partitions);
    }

    @Override
    public ClusterHealth checkHealth() {
        long start = System.nanoTime();
        return withAdmin("reach", admin -> {
            DescribeClusterResult cluster = admin.describeCluster();
            String id = await(cluster.clusterId());
            int brokers = await(cluster.nodes()).size();
            return new ClusterHealth(id == null ? "unknown" : id, brokers, Duration.ofNanos(System.nanoTime() - start));
        });
    }

    /** One Admin session; {@link #await} inside it turns Kafka's failures into {@link AdminFailure}. */
    private <T> T withAdmin(String what, AdminWork<T> work) {
        Admin admin = Admin.create(cluster.adminProperties("triggerlab-topic-catalog"));
        try {
            return work.run(admin);
        } catch (AdminFailure e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new ClusterUnavailableException("Cannot " + what + " the cluster at " + cluster.bootstrapServers()
                        + ": it did not answer within " + cluster.timeout().toSeconds()
                        + " s. Is it running and reachable?", cause);
            }
            throw new ClusterUnavailableException("Cannot " + what + " the cluster at " + cluster.bootstrapServers()
                    + ": " + cause.getMessage(), cause);
        } finally {
            admin.close(Duration.ofSeconds(2));
        }
    }

    private <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(cluster.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AdminFailure(e.getCause());
        } catch (TimeoutException e) {
            throw new AdminFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminFailure(e);
        }
    }

    @FunctionalInterface
    private interface AdminWork<T> {
        T run(Admin admin);
    }

    /** Carries a Kafka failure out of an {@link AdminWork} to {@link #withAdmin}, which words it for people. */
    private static final class AdminFailure extends RuntimeException {
        AdminFailure(Throwable cause) {
            super(cause);
        }
    }
}
