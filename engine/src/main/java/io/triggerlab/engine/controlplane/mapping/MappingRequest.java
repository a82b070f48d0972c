package io.triggerlab.engine.controlplane.mapping;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The members a {@code CreateEventSourceMapping} or {@code UpdateEventSourceMapping} body carries, declared once
 * (docs/aws-behaviour.md#api-members): {@link Member} is the table of every member with its AWS name, JSON shape and
 * scope, from which the HTTP reader, the create-only and not-for-Kafka refusals and the typed accessors below are
 * derived. {@code null} means the member was absent. Enum-valued members are text so that an invalid value can be
 * refused with AWS's message.
 *
 * <p>Create and Update carry the same members: an Update also holds the create-only members and the members that do
 * not apply to Kafka, only so that their presence can be refused with a clear message. The two requests are distinct
 * records (of the members present) so that a create cannot be passed where an update is meant.
 */
public sealed interface MappingRequest permits CreateEventSourceMappingRequest, UpdateEventSourceMappingRequest {

    /** Where a member may appear. */
    enum Scope {
        /** accepted by Create and Update */
        ANY,
        /** accepted by Create only; refused on Update */
        CREATE_ONLY,
        /** a member of other event source types, refused as AWS refuses it for Kafka */
        NOT_FOR_KAFKA
    }

    /** Every member, in the order AWS's API reference lists them for Create. */
    enum Member {
        FUNCTION_NAME("FunctionName", MemberShape.STRING, Scope.ANY),
        EVENT_SOURCE_ARN("EventSourceArn", MemberShape.STRING, Scope.CREATE_ONLY),
        SELF_MANAGED_EVENT_SOURCE("SelfManagedEventSource", MemberShape.SELF_MANAGED_EVENT_SOURCE, Scope.CREATE_ONLY),
        TOPICS("Topics", MemberShape.STRING_LIST, Scope.CREATE_ONLY),
        STARTING_POSITION("StartingPosition", MemberShape.STRING, Scope.CREATE_ONLY),
        STARTING_POSITION_TIMESTAMP("StartingPositionTimestamp", MemberShape.TIMESTAMP, Scope.CREATE_ONLY),
        ENABLED("Enabled", MemberShape.BOOLEAN, Scope.ANY),
        BATCH_SIZE("BatchSize", MemberShape.INTEGER, Scope.ANY),
        MAXIMUM_BATCHING_WINDOW_IN_SECONDS("MaximumBatchingWindowInSeconds", MemberShape.INTEGER, Scope.ANY),
        SOURCE_ACCESS_CONFIGURATIONS("SourceAccessConfigurations", MemberShape.SOURCE_ACCESS_CONFIGURATIONS, Scope.ANY),
        AMAZON_MANAGED_KAFKA_EVENT_SOURCE_CONFIG("AmazonManagedKafkaEventSourceConfig",
                MemberShape.KAFKA_EVENT_SOURCE_CONFIG, Scope.ANY),
        SELF_MANAGED_KAFKA_EVENT_SOURCE_CONFIG("SelfManagedKafkaEventSourceConfig",
                MemberShape.KAFKA_EVENT_SOURCE_CONFIG, Scope.ANY),
        FILTER_CRITERIA("FilterCriteria", MemberShape.FILTER_CRITERIA, Scope.ANY),
        KMS_KEY_ARN("KMSKeyArn", MemberShape.STRING, Scope.ANY),
        DESTINATION_CONFIG("DestinationConfig", MemberShape.DESTINATION_CONFIG, Scope.ANY),
        MAXIMUM_RETRY_ATTEMPTS("MaximumRetryAttempts", MemberShape.INTEGER, Scope.ANY),
        MAXIMUM_RECORD_AGE_IN_SECONDS("MaximumRecordAgeInSeconds", MemberShape.INTEGER, Scope.ANY),
        BISECT_BATCH_ON_FUNCTION_ERROR("BisectBatchOnFunctionError", MemberShape.BOOLEAN, Scope.ANY),
        FUNCTION_RESPONSE_TYPES("FunctionResponseTypes", MemberShape.STRING_LIST, Scope.ANY),
        PROVISIONED_POLLER_CONFIG("ProvisionedPollerConfig", MemberShape.PROVISIONED_POLLER_CONFIG, Scope.ANY),
        METRICS_CONFIG("MetricsConfig", MemberShape.METRICS_CONFIG, Scope.ANY),
        LOGGING_CONFIG("LoggingConfig", MemberShape.LOGGING_CONFIG, Scope.ANY),
        TAGS("Tags", MemberShape.STRING_MAP, Scope.CREATE_ONLY),
        PARALLELIZATION_FACTOR("ParallelizationFactor", MemberShape.INTEGER, Scope.NOT_FOR_KAFKA),
        TUMBLING_WINDOW_IN_SECONDS("TumblingWindowInSeconds", MemberShape.INTEGER, Scope.NOT_FOR_KAFKA),
        SCALING_CONFIG("ScalingConfig", MemberShape.ANY_OBJECT, Scope.NOT_FOR_KAFKA),
        QUEUES("Queues", MemberShape.STRING_LIST, Scope.NOT_FOR_KAFKA),
        DOCUMENT_DB_EVENT_SOURCE_CONFIG("DocumentDBEventSourceConfig", MemberShape.ANY_OBJECT, Scope.NOT_FOR_KAFKA);

        private final String awsName;
        private final MemberShape shape;
        private final Scope scope;

        Member(String awsName, MemberShape shape, Scope scope) {
            this.awsName = awsName;
            this.shape = shape;
            this.scope = scope;
        }

        /** The PascalCase name in the JSON body, e.g. {@code KMSKeyArn}. */
        public String awsName() {
            return awsName;
        }

        /**
         * The name AWS's validation messages use: the AWS name with its first letter lower-cased, e.g.
         * {@code kMSKeyArn}, {@code parallelizationFactor}.
         */
        public String validationName() {
            return awsName.substring(0, 1).toLowerCase(Locale.ROOT) + awsName.substring(1);
        }

        public MemberShape shape() {
            return shape;
        }

        public Scope scope() {
            return scope;
        }
    }

    /** The members present, each by its table entry; an absent member is not in the map. Unmodifiable. */
    Map<Member, Object> members();

    /** The member's value, or {@code null} when it was absent. */
    default Object value(Member member) {
        return members().get(member);
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Member member) {
        return (T) members().get(member);
    }

    /**
     * An unmodifiable copy of {@code members} for a request record: every value of its member's type, lists and maps
     * copied ({@code null} elements are kept, to be refused by validation with a message), {@code null} values dropped.
     *
     * @throws IllegalArgumentException when a value does not have its member's type
     */
    static Map<Member, Object> copyOf(Map<Member, Object> members) {
        Map<Member, Object> copy = new EnumMap<>(Member.class);
        members.forEach((member, value) -> {
            if (value != null) {
                copy.put(member, checked(member, value));
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Object checked(Member member, Object value) {
        if (!member.shape().javaType().isInstance(value)) {
            throw new IllegalArgumentException(member.awsName() + " takes a " + member.shape().javaType()
                    .getSimpleName() + ", not a " + value.getClass().getSimpleName());
        }
        if (value instanceof List<?> list) {
            return Nullables.copy(list);
        }
        return value instanceof Map<?, ?> map ? Nullables.copy(map) : value;
    }

    // Typed accessors: one line per member, so that callers read request.batchSize() as on a record.
    default String functionName() { return get(Member.FUNCTION_NAME); }
    default String eventSourceArn() { return get(Member.EVENT_SOURCE_ARN); }
    default SelfManagedEventSource selfManagedEventSource() { return get(Member.SELF_MANAGED_EVENT_SOURCE); }
    default List<String> topics() { return get(Member.TOPICS); }
    default String startingPosition() { return get(Member.STARTING_POSITION); }
    default Instant startingPositionTimestamp() { return get(Member.STARTING_POSITION_TIMESTAMP); }
    default Boolean enabled() { return get(Member.ENABLED); }
    default Integer batchSize() { return get(Member.BATCH_SIZE); }
    default Integer maximumBatchingWindowInSeconds() { return get(Member.MAXIMUM_BATCHING_WINDOW_IN_SECONDS); }
    default List<SourceAccessConfiguration> sourceAccessConfigurations() { return get(Member.SOURCE_ACCESS_CONFIGURATIONS); }
    default KafkaEventSourceConfig amazonManagedKafkaEventSourceConfig() { return get(Member.AMAZON_MANAGED_KAFKA_EVENT_SOURCE_CONFIG); }
    default KafkaEventSourceConfig selfManagedKafkaEventSourceConfig() { return get(Member.SELF_MANAGED_KAFKA_EVENT_SOURCE_CONFIG); }
    default FilterCriteria filterCriteria() { return get(Member.FILTER_CRITERIA); }
    default String kmsKeyArn() { return get(Member.KMS_KEY_ARN); }
    default DestinationConfig destinationConfig() { return get(Member.DESTINATION_CONFIG); }
    default Integer maximumRetryAttempts() { return get(Member.MAXIMUM_RETRY_ATTEMPTS); }
    default Integer maximumRecordAgeInSeconds() { return get(Member.MAXIMUM_RECORD_AGE_IN_SECONDS); }
    default Boolean bisectBatchOnFunctionError() { return get(Member.BISECT_BATCH_ON_FUNCTION_ERROR); }
    default List<String> functionResponseTypes() { return get(Member.FUNCTION_RESPONSE_TYPES); }
    default ProvisionedPollerConfig provisionedPollerConfig() { return get(Member.PROVISIONED_POLLER_CONFIG); }
    default MetricsConfig metricsConfig() { return get(Member.METRICS_CONFIG); }
    default LoggingConfig loggingConfig() { return get(Member.LOGGING_CONFIG); }
    default Map<String, String> tags() { return get(Member.TAGS); }
    default Integer parallelizationFactor() { return get(Member.PARALLELIZATION_FACTOR); }
    default Integer tumblingWindowInSeconds() { return get(Member.TUMBLING_WINDOW_IN_SECONDS); }
    default Map<String, Object> scalingConfig() { return get(Member.SCALING_CONFIG); }
    default List<String> queues() { return get(Member.QUEUES); }
    default Map<String, Object> documentDBEventSourceConfig() { return get(Member.DOCUMENT_DB_EVENT_SOURCE_CONFIG); }

    /**
     * The one builder of both requests: every member starts absent ({@code null}). Lists and maps are copied so the
     * request stays immutable; {@code null} elements are kept, to be refused by validation with a message.
     *
     * @param <B> the concrete builder, returned by every setter
     * @param <R> the request it builds
     */
    abstract sealed class Builder<B extends Builder<B, R>, R extends MappingRequest>
            permits CreateEventSourceMappingRequest.Builder, UpdateEventSourceMappingRequest.Builder {

        private final Map<Member, Object> values = new EnumMap<>(Member.class);

        Builder() {
        }

        public abstract R build();

        /** Sets a member from its table entry, as the HTTP reader does; {@code null} makes it absent. */
        public B set(Member member, Object value) {
            if (value == null) {
                values.remove(member);
            } else {
                values.put(member, checked(member, value));
            }
            @SuppressWarnings("unchecked")
            B self = (B) this;
            return self;
        }

        /** The members set so far, for {@link #build()}. */
        Map<Member, Object> members() {
            return values;
        }

        // Typed setters: one line per member, mirroring the accessors.
        public B functionName(String value) { return set(Member.FUNCTION_NAME, value); }
        public B eventSourceArn(String value) { return set(Member.EVENT_SOURCE_ARN, value); }
        public B selfManagedEventSource(SelfManagedEventSource value) { return set(Member.SELF_MANAGED_EVENT_SOURCE, value); }
        public B topics(List<String> value) { return set(Member.TOPICS, value); }
        public B startingPosition(String value) { return set(Member.STARTING_POSITION, value); }
        public B startingPositionTimestamp(Instant value) { return set(Member.STARTING_POSITION_TIMESTAMP, value); }
        public B enabled(Boolean value) { return set(Member.ENABLED, value); }
        public B batchSize(Integer value) { return set(Member.BATCH_SIZE, value); }
        public B maximumBatchingWindowInSeconds(Integer value) { return set(Member.MAXIMUM_BATCHING_WINDOW_IN_SECONDS, value); }
        public B sourceAccessConfigurations(List<SourceAccessConfiguration> value) { return set(Member.SOURCE_ACCESS_CONFIGURATIONS, value); }
        public B amazonManagedKafkaEventSourceConfig(KafkaEventSourceConfig value) { return set(Member.AMAZON_MANAGED_KAFKA_EVENT_SOURCE_CONFIG, value); }
        public B selfManagedKafkaEventSourceConfig(KafkaEventSourceConfig value) { return set(Member.SELF_MANAGED_KAFKA_EVENT_SOURCE_CONFIG, value); }
        public B filterCriteria(FilterCriteria value) { return set(Member.FILTER_CRITERIA, value); }
        public B kmsKeyArn(String value) { return set(Member.KMS_KEY_ARN, value); }
        public B destinationConfig(DestinationConfig value) { return set(Member.DESTINATION_CONFIG, value); }
        public B maximumRetryAttempts(Integer value) { return set(Member.MAXIMUM_RETRY_ATTEMPTS, value); }
        public B maximumRecordAgeInSeconds(Integer value) { return set(Member.MAXIMUM_RECORD_AGE_IN_SECONDS, value); }
        public B bisectBatchOnFunctionError(Boolean value) { return set(Member.BISECT_BATCH_ON_FUNCTION_ERROR, value); }
        public B functionResponseTypes(List<String> value) { return set(Member.FUNCTION_RESPONSE_TYPES, value); }
        public B provisionedPollerConfig(ProvisionedPollerConfig value) { return set(Member.PROVISIONED_POLLER_CONFIG, value); }
        public B metricsConfig(MetricsConfig value) { return set(Member.METRICS_CONFIG, value); }
        public B loggingConfig(LoggingConfig value) { return set(Member.LOGGING_CONFIG, value); }
        public B tags(Map<String, String> value) { return set(Member.TAGS, value); }
        public B parallelizationFactor(Integer value) { return set(Member.PARALLELIZATION_FACTOR, value); }
        public B tumblingWindowInSeconds(Integer value) { return set(Member.TUMBLING_WINDOW_IN_SECONDS, value); }
        public B scalingConfig(Map<String, Object> value) { return set(Member.SCALING_CONFIG, value); }
        public B queues(List<String> value) { return set(Member.QUEUES, value); }
        public B documentDBEventSourceConfig(Map<String, Object> value) { return set(Member.DOCUMENT_DB_EVENT_SOURCE_CONFIG, value); }
    }
}
