package io.triggerlab.engine.controlplane.mapping;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a request member, which tells the HTTP layer how to read it and what to say when the caller sent
 * the wrong JSON type. One shape per distinct member type, so a new member of an existing type needs no reader code.
 */
public enum MemberShape {
    STRING(String.class),
    INTEGER(Integer.class),
    BOOLEAN(Boolean.class),
    /** rest-json timestamp: epoch seconds */
    TIMESTAMP(Instant.class),
    STRING_LIST(List.class),
    STRING_MAP(Map.class),
    /** any JSON object, for members read only to be refused */
    ANY_OBJECT(Map.class),
    SELF_MANAGED_EVENT_SOURCE(SelfManagedEventSource.class),
    SOURCE_ACCESS_CONFIGURATIONS(List.class),
    KAFKA_EVENT_SOURCE_CONFIG(KafkaEventSourceConfig.class),
    FILTER_CRITERIA(FilterCriteria.class),
    DESTINATION_CONFIG(DestinationConfig.class),
    PROVISIONED_POLLER_CONFIG(ProvisionedPollerConfig.class),
    METRICS_CONFIG(MetricsConfig.class),
    LOGGING_CONFIG(LoggingConfig.class);

    private final Class<?> javaType;

    MemberShape(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The Java type a value of this shape has once read. */
    public Class<?> javaType() {
        return javaType;
    }
}
