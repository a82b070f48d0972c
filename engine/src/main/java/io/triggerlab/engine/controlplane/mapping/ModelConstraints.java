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
    static final Pattern SCHEMA_REGISTRY_URI = Pattern.compile("[a-zA-Z0-9-\\/*:_+=.@-]*");
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

    /** Every member's constraints, in the order the members are declared in the service model's request shape. */
    static void check(MappingRequest c, Violations v) {
        v.text("eventSourceArn", c.eventSourceArn(), 0, 10000, EVENT_SOURCE_ARN);
        functionName(c.functionName(), v);
        v.range("batchSize", c.batchSize(), 1, 10000);
        if (c.filterCriteria() != null) {
            list(v, "filterCriteria.filters", c.filterCriteria().filters(), 0, Integer.MAX_VALUE,
                    (member, f) -> v.length(member + ".pattern", f.pattern(), 0, 4096));
        }
        v.text("kMSKeyArn", c.kmsKeyArn(), 0, 10000, KMS_KEY_ARN);
        if (c.metricsConfig() != null) {
            list(v, "metricsConfig.metrics", c.metricsConfig().metrics(), 0, 3, (member, m) -> v.oneOf(member, m, METRICS));
        }
        if (c.loggingConfig() != null) {
            v.oneOf("loggingConfig.systemLogLevel", c.loggingConfig().systemLogLevel(), LOG_LEVELS);
        }
        v.range("maximumBatchingWindowInSeconds", c.maximumBatchingWindowInSeconds(), 0, 300);
        v.range("parallelizationFactor", c.parallelizationFactor(), 1, 10);
        v.oneOf("startingPosition", c.startingPosition(), STARTING_POSITIONS);
        destination(c.destinationConfig(), v);
        v.range("maximumRecordAgeInSeconds", c.maximumRecordAgeInSeconds(), -1, 604800);
        v.range("maximumRetryAttempts", c.maximumRetryAttempts(), -1, 10000);
        tags(c.tags(), v);
        v.range("tumblingWindowInSeconds", c.tumblingWindowInSeconds(), 0, 900);
        list(v, "topics", c.topics(), 1, 1, (member, topic) -> v.text(member, topic, 1, 249, TOPIC));
        list(v, "queues", c.queues(), 1, 1, (member, q) -> v.length(member, q, 1, 1000));
        list(v, "sourceAccessConfigurations", c.sourceAccessConfigurations(), 0, 23, (member, sac) -> {
            v.notNull(member + ".type", sac.type());
            v.oneOf(member + ".type", sac.type(), ACCESS_TYPES);
            v.notNull(member + ".uRI", sac.uri());
            v.text(member + ".uRI", sac.uri(), 1, 200, URI);
        });
        selfManagedEventSource(c.selfManagedEventSource(), v);
        list(v, "functionResponseTypes", c.functionResponseTypes(), 0, 1,
                (member, t) -> v.oneOf(member, t, List.of(EventSourceMapping.REPORT_BATCH_ITEM_FAILURES)));
        kafkaConfig("amazonManagedKafkaEventSourceConfig", c.amazonManagedKafkaEventSourceConfig(), v);
        kafkaConfig("selfManagedKafkaEventSourceConfig", c.selfManagedKafkaEventSourceConfig(), v);
        pollers(c.provisionedPollerConfig(), v);
    }

    static void functionName(String name, Violations v) {
        v.text("functionName", name, 1, 256, FUNCTION_NAME);
    }

    /**
     * The 256 limit of the model is for ARNs; the function's own name is limited to 64 characters in every form.
     * Lambda checks that itself, after the model: the same validation text, but as InvalidParameterValueException
     * (a real answer quoted in aws/aws-cdk#13264: "… Member must have length less than or equal to 64 (… Error Code:
     * InvalidParameterValueException …)").
     */
    static void functionNameLength(String name) {
        if (name == null || name.length() > 256 || !FUNCTION_NAME.matcher(name).matches()) {
            return;
        }
        FunctionReference.parse(name).filter(ref -> ref.name().length() > 64).ifPresent(ref -> {
            Violations v = new Violations();
            v.add("functionName", name, "Member must have length less than or equal to 64");
            throw new InvalidParameterValueException(v.text());
        });
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
            v.text(path + ".schemaRegistryURI", registry.schemaRegistryUri(), 1, 10000, SCHEMA_REGISTRY_URI);
            v.oneOf(path + ".eventRecordFormat", registry.eventRecordFormat(), List.of("JSON", "SOURCE"));
            list(v, path + ".accessConfigs", registry.accessConfigs(), 0, Integer.MAX_VALUE, (m, a) -> {
                v.oneOf(m + ".type", a.type(), List.of("BASIC_AUTH", "CLIENT_CERTIFICATE_TLS_AUTH", "SERVER_ROOT_CA_CERTIFICATE"));
                v.text(m + ".uRI", a.uri(), 0, 10000, EVENT_SOURCE_ARN);
            });
            list(v, path + ".schemaValidationConfigs", registry.schemaValidationConfigs(), 0, Integer.MAX_VALUE,
                    (m, a) -> v.oneOf(m + ".attribute", a.attribute(), List.of("KEY", "VALUE")));
        }
    }

    private static void destination(DestinationConfig config, Violations v) {
        if (config != null && config.onSuccess() != null) {
            v.text("destinationConfig.onSuccess.destination", config.onSuccess().destination(), 0, 350, DESTINATION);
        }
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

    /**
     * A map's keys (and its values) are one constraint each: the error shows the whole map and lists every constraint
     * of the key (value) shape, as in a real answer quoted in GorillaStack/auto-tag#77: {@code Value '{k=v, …}' at
     * 'tags' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or
     * equal to 256, Member must have length greater than or equal to 0, Member must satisfy regular expression
     * pattern: …]}.
     */
    static void tags(String member, Map<String, String> tags, Violations v) {
        if (tags == null) {
            return;
        }
        if (tags.keySet().stream().anyMatch(k -> !fits(k, 1, 128))) {
            v.add(member, tags, "Map keys must satisfy constraint: [Member must have length less than or equal to 128,"
                    + " Member must have length greater than or equal to 1, Member must satisfy regular expression"
                    + " pattern: " + TAG.pattern() + "]");
        }
        if (tags.values().stream().anyMatch(value -> !fits(value, 0, 256))) {
            v.add(member, tags, "Map value must satisfy constraint: [Member must have length less than or equal to 256,"
                    + " Member must have length greater than or equal to 0, Member must satisfy regular expression"
                    + " pattern: " + TAG.pattern() + "]");
        }
    }

    private static void tags(Map<String, String> tags, Violations v) {
        tags("tags", tags, v);
    }

    private static boolean fits(String text, int min, int max) {
        return text != null && text.length() >= min && text.length() <= max && TAG.matcher(text).matches();
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
