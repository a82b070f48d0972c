package io.triggerlab.engine.controlplane.awscheck;

import io.triggerlab.engine.infra.auth.MappingClusterAccess;
import io.triggerlab.engine.infra.auth.MskAccess;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** Asks the mapping's cluster, with the mapping's own security, for its topic's {@code max.message.bytes}. */
public final class KafkaTopicLimits implements TopicLimits {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopicLimits.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final MappingClusterAccess clusters;

    public KafkaTopicLimits(MappingClusterAccess clusters) {
        this.clusters = Objects.requireNonNull(clusters, "clusters");
    }

    @Override
    public OptionalLong maxMessageBytes(EventSourceMapping mapping) {
        try {
            // The pollers' access, the sandbox's own CA included, so the check reads the topic as the trigger would.
            MskAccess access = clusters.of(mapping).orElseThrow(
                    () -> new IllegalStateException("cluster " + mapping.eventSourceArn() + " is not registered"));
            Map<String, Object> props = clusters.adminProperties(access, "triggerlab-aws-check-" + mapping.uuid(),
                    TIMEOUT);
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, mapping.topic());
            try (Admin admin = Admin.create(props)) {
                Config config = admin.describeConfigs(List.of(topic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .get(topic);
                ConfigEntry entry = config == null ? null : config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                return entry == null || entry.value() == null
                        ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(entry.value()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        } catch (Exception e) {
            // The check is advice: an unreachable cluster leaves this one point unchecked rather than failing it all.
            log.info("AWS check of mapping {}: cannot read max.message.bytes of topic {} ({})", mapping.uuid(),
                    mapping.topic(), e.toString());
            return OptionalLong.empty();
        }
    }
}
