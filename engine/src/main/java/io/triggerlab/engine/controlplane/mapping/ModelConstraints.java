package io.triggerlab.engine.controlplane.mapping;

import io.triggerlab.engine.invoke.function.FunctionReference;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The model constraints of the Lambda API (docs/aws-behaviour.md#api-members) (lengths, ranges, patterns, enums) for the Kafka members, reported in
 * AWS's {@code N validation error(s) detected} form. Semantic rules live in {@link KafkaSourceRules} and
 * {@link ProcessingRules}.
 */
final class ModelConstraints {

    static final Pattern FUNCTION_NAME = Pattern.compile(FunctionReference.AWS_PATTERN);
    static final Pattern EVENT_SOURCE_ARN = Pattern.compile(
            "arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)");
    static final Pattern ENDPOINT = Pattern.compile("(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9\\-]*[a-zA-Z0-9])\\.)*"
            + "([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9\\-]*[A-Za-z0-9]):[0-9]{1,5}");
    static final Pattern TOPIC = Pattern.compile("[^.]([a-zA-Z0-9\\-_.]+)");
    static final Pattern URI = Pattern.compile("[ a-zA-Z0-9-\\/*:_+=.@-]*");
    static final Pattern KMS_KEY_ARN = Pattern.compile("(arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|()");
    static final Pattern DESTINATION = Pattern.compile("$|kafka://([^.]([a-zA-Z0-9\\-_.]{0,248}))|arn:(aws[a-zA-Z0-9-]*):"
            + "([a-zA-Z0-9\\-])+:((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)");
    static final Pattern POLLER_GROUP_NAME = Pattern.compile("[a-zA-Z0-9-_]*");
    static final Pattern TAG = Pattern.compile("([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)");

    static final List<String> STARTING_POSITIONS =
            Arrays.stream(StartingPosition.values()).map(Enum::name).toList();
    static final List<String> ACCESS_TYPES = Arrays.stream(SourceAccessType.values()).map(Enum::name).toList();
    static final List<String> METRICS = List.of("EventCount", "ErrorCount", "KafkaMetrics");
    static final List<String> LOG_LEVELS = List.of("DEBUG", "INFO", "WARN");

    private ModelConstraints() {
    }

    static void check(MappingRequest c, Violations v) {
        functionName(c.functionName(), v);
        v.text("eventSourceArn", c.eventSourceArn(), 12, 10000, EVENT_SOURCE_ARN);
        selfManagedEventSource(c.selfManagedEventSource(), v);
        list(v, "topics", c.topics(), 1, 1, (member, topic) -> v.text(member, topic, 1, 249, TOPIC));
        v.oneOf("startingPosition", c.startingPosition(), STARTING_POSITIONS);
        v.range("batchSize", c.batchSize(), 1, 10000);
        v.range("maximumBatchingWindowInSeconds", c.maximumBatchingWindowInSeconds(), 0, 300);
        list(v, "sourceAccessConfigurations", c.sourceAccessConfigurations(), 0, 23, (member, sac) -> {
            v.notNull(member + ".type", sac.type());
            v.oneOf(member + ".type", sac.type(), ACCESS_TYPES);
            v.notNull(member + ".uRI", sac.uri());
            v.text(member + ".uRI", sac.uri(), 1, 200, URI);
        });
        kafkaConfig("amazonManagedKafkaEventSourceConfig", c.amazonManagedKafkaEventSourceConfig(), v);
        kafkaConfig("selfManagedKafkaEventSourceConfig", c.selfManagedKafkaEventSourceConfig(), v);
        if (c.filterCriteria() != null) {
            list(v, "filterCriteria.filters", c.filterCriteria().filters(), 0, Integer.MAX_VALUE,
                    (member, f) -> v.length(member + ".pattern", f.pattern(), 0, 4096));
        }
        v.text("kMSKeyArn", c.kmsKeyArn(), 0, 10000, KMS_KEY_ARN);
        destination(c.destinationConfig(), v);
        v.range("maximumRetryAttempts", c.maximumRetryAttempts(), -1, 10000);
        v.range("maximumRecordAgeInSeconds", c.maximumRecordAgeInSeconds(), -1, 604800);
        list(v, "functionResponseTypes", c.functionResponseTypes(), 0, 1,
                (member, t) -> v.oneOf(member, t, List.of(EventSourceMapping.REPORT_BATCH_ITEM_FAILURES)));
        pollers(c.provisionedPollerConfig(), v);
        if (c.metricsConfig() != null) {
            list(v, "metricsConfig.metrics", c.metricsConfig().metrics(), 0, 3, (member, m) -> v.oneOf(member, m, METRICS));
        }
        if (c.loggingConfig() != null) {
            v.oneOf("loggingConfig.systemLogLevel", c.loggingConfig().systemLogLevel(), LOG_LEVELS);
        }
        tags(c.tags(), v);
    }

    static void functionName(String name, Violations v) {
        v.text("functionName", name, 1, 256, FUNCTION_NAME);
        // The 256 limit is for ARNs; the function's own name is limited to 64 characters in every form.
        if (name != null && name.length() <= 256) {
            FunctionReference.parse(name).filter(ref -> ref.name().length() > 64)
                    .ifPresent(ref -> v.add("functionName", name, "Member must have length less than or equal to 64"));
        }
    }

    private static void selfManagedEventSource(SelfManagedEventSource source, Violations v) {
        if (source == null) {
            return;
        }
        Map<String, List<String>> endpoints = source.endpoints();
        v.notNull("selfManagedEventSource.endpoints", endpoints);
        v.size("selfManagedEventSource.endpoints", endpoints, 1, 2);
        if (endpoints == null) {
            return;
        }
        endpoints.forEach((type, servers) -> {
            if (!SelfManagedEventSource.KAFKA_BOOTSTRAP_SERVERS.equals(type)) {
                v.add("selfManagedEventSource.endpoints", type, "Map keys must satisfy constraint: "
                        + "[Member must satisfy enum value set: [" + SelfManagedEventSource.KAFKA_BOOTSTRAP_SERVERS + "]]");
            }
            v.notNull("selfManagedEventSource.endpoints." + type, servers);
            list(v, "selfManagedEventSource.endpoints." + type, servers, 1, 10,
                    (member, server) -> v.text(member, server, 1, 300, ENDPOINT));
        });
    }

    private static void kafkaConfig(String member, KafkaEventSourceConfig config, Violations v) {
        if (config == null) {
            return;
        }
        v.text(member + ".consumerGroupId", config.consumerGroupId(), 1, 200, URI);
        SchemaRegistryConfig registry = config.schemaRegistryConfig();
        if (registry != null) {
            String path = member + ".schemaRegistryConfig";
            v.notNull(path + ".schemaRegistryURI", registry.schemaRegistryUri());
            v.length(path + ".schemaRegistryURI", registry.schemaRegistryUri(), 1, 10000);
            v.oneOf(path + ".eventRecordFormat", registry.eventRecordFormat(), List.of("JSON", "SOURCE"));
            list(v, path + ".accessConfigs", registry.accessConfigs(), 0, Integer.MAX_VALUE, (m, a) -> {
                v.oneOf(m + ".type", a.type(), List.of("BASIC_AUTH", "CLIENT_CERTIFICATE_TLS_AUTH", "SERVER_ROOT_CA_CERTIFICATE"));
                v.length(m + ".uRI", a.uri(), 1, 10000);
            });
            list(v, path + ".schemaValidationConfigs", registry.schemaValidationConfigs(), 0, Integer.MAX_VALUE,
                    (m, a) -> v.oneOf(m + ".attribute", a.attribute(), List.of("KEY", "VALUE")));
        }
    }

    private static void destination(DestinationConfig config, Violations v) {
        if (config != null && config.onFailure() != null) {
            v.text("destinationConfig.onFailure.destination", config.onFailure().destination(), 0, 350, DESTINATION);
        }
    }

    private static void pollers(ProvisionedPollerConfig config, Violations v) {
        if (config == null) {
            return;
        }
        v.range("provisionedPollerConfig.minimumPollers", config.minimumPollers(), 1, 200);
        v.range("provisionedPollerConfig.maximumPollers", config.maximumPollers(), 1, 10000);
        v.text("provisionedPollerConfig.pollerGroupName", config.pollerGroupName(), 0, 128, POLLER_GROUP_NAME);
    }

    private static void tags(Map<String, String> tags, Violations v) {
        if (tags == null) {
            return;
        }
        tags.forEach((key, value) -> {
            checkTagPart(v, key, 1, 128, "Map keys");
            checkTagPart(v, value, 0, 256, "Map values");
        });
    }

    private static void checkTagPart(Violations v, String text, int min, int max, String what) {
        if (text == null || text.length() < min) {
            v.add("tags", text, what + " must satisfy constraint: [Member must have length greater than or equal to " + min + "]");
        } else if (text.length() > max) {
            v.add("tags", text, what + " must satisfy constraint: [Member must have length less than or equal to " + max + "]");
        } else if (!TAG.matcher(text).matches()) {
            v.add("tags", text, what + " must satisfy constraint: [Member must satisfy regular expression pattern: "
                    + TAG.pattern() + "]");
        }
    }

    /** Size of the list, then each member as {@code <member>.<n>.member} (1-based, as AWS numbers them). */
    private static <T> void list(Violations v, String member, List<T> list, int min, int max, MemberCheck<T> each) {
        if (list == null) {
            return;
        }
        v.size(member, list, min, max);
        for (int i = 0; i < list.size(); i++) {
            String path = member + "." + (i + 1) + ".member";
            if (list.get(i) == null) {
                v.notNull(path, null);
            } else {
                each.check(path, list.get(i));
            }
        }
    }

    @FunctionalInterface
    private interface MemberCheck<T> {
        void check(String member, T value);
    }
}
