package io.triggerlab.engine.controlplane.mapping;

import io.triggerlab.engine.runtime.filter.FilterPattern;
import io.triggerlab.engine.runtime.filter.InvalidFilterPatternException;

import java.util.List;

/**
 * The rules for the members that Create and Update share: members that do not apply to Kafka, filters, the
 * on-failure destination, record age, and provisioned pollers.
 */
final class ProcessingRules {

    static final int MAX_FILTERS = 5;
    static final int MAX_KAFKA_POLLERS = 2000;

    private ProcessingRules() {
    }

    /**
     * AWS's text for a member the event source type does not take, seen for {@code maximumRetryAttempts} and
     * {@code maximumBatchingWindowInSeconds} (aws-cdk#17934, pulumi-aws#1418; docs/aws-behaviour.md#api-errors).
     */
    static InvalidParameterValueException unsupported(String camelCaseName) {
        return new InvalidParameterValueException("Unsupported '" + camelCaseName
                + "' parameter for given event source mapping type.");
    }

    /** @param sourceTopic the mapping's topic, to refuse a {@code kafka://} destination that would loop */
    static void check(MappingRequest c, String sourceTopic) {
        notForKafka(c);
        filters(c.filterCriteria());
        destination(c.destinationConfig(), sourceTopic);
        recordAge(c.maximumRecordAgeInSeconds());
        pollers(c.provisionedPollerConfig());
    }

    private static void notForKafka(MappingRequest c) {
        for (MappingRequest.Member member : MappingRequest.Member.values()) {
            if (member.scope() == MappingRequest.Scope.NOT_FOR_KAFKA && c.value(member) != null) {
                throw unsupported(member.validationName());
            }
        }
    }

    private static void filters(FilterCriteria criteria) {
        if (criteria == null) {
            return;
        }
        List<FilterCriteria.Filter> filters = criteria.filters();
        if (filters.size() > MAX_FILTERS) {
            throw new InvalidParameterValueException("FilterCriteria has " + filters.size() + " filters: at most "
                    + MAX_FILTERS + " are allowed per event source mapping");
        }
        for (int i = 0; i < filters.size(); i++) {
            String pattern = filters.get(i) == null ? null : filters.get(i).pattern();
            String problem = patternProblem(pattern);
            if (problem != null) {
                // "Invalid filter pattern definition." is AWS's text (serverless/serverless#12131); the rest says where.
                throw new InvalidParameterValueException("Invalid filter pattern definition. Filter " + (i + 1)
                        + " of FilterCriteria: " + problem + ". A pattern is a JSON object such as "
                        + "{\"value\":{\"status\":[\"active\"]}}");
            }
        }
    }

    /** The parser's complaint about a pattern, or {@code null} when it parses (docs/aws-behaviour.md#filtering). */
    private static String patternProblem(String pattern) {
        try {
            FilterPattern.parse(pattern);
            return null;
        } catch (InvalidFilterPatternException e) {
            return e.getMessage();
        }
    }

    private static void destination(DestinationConfig config, String sourceTopic) {
        if (config == null) {
            return;
        }
        if (config.onSuccess() != null) {
            throw new InvalidParameterValueException("DestinationConfig.OnSuccess is not supported in "
                    + "CreateEventSourceMapping or UpdateEventSourceMapping: an event source mapping only takes an "
                    + "OnFailure destination");
        }
        String destination = config.onFailureDestination();
        if (destination != null && destination.startsWith("kafka://")
                && destination.substring("kafka://".length()).equals(sourceTopic)) {
            throw new InvalidParameterValueException("The OnFailure destination kafka://" + sourceTopic
                    + " is the mapping's source topic: Lambda prevents infinite loops by blocking configurations where "
                    + "the source and destination topics are the same. Choose another topic");
        }
    }

    private static void recordAge(Integer age) {
        if (age != null && age >= 0 && age < 60) {
            // AWS's text, observed on UpdateEventSourceMapping (hashicorp/terraform-provider-aws#16113).
            throw new InvalidParameterValueException(
                    "MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)");
        }
    }

    private static void pollers(ProvisionedPollerConfig config) {
        if (config == null || config.isEmpty()) {
            return;
        }
        Integer max = config.maximumPollers();
        if (max != null && max > MAX_KAFKA_POLLERS) {
            throw new InvalidParameterValueException("MaximumPollers " + max + " is out of range: must be 1.."
                    + MAX_KAFKA_POLLERS + " for a Kafka event source mapping");
        }
        int min = config.minimumPollers() == null ? ProvisionedPollerConfig.DEFAULT_MINIMUM_POLLERS : config.minimumPollers();
        int effectiveMax = max == null ? ProvisionedPollerConfig.DEFAULT_MAXIMUM_POLLERS : max;
        if (effectiveMax < min) {
            throw new InvalidParameterValueException("MaximumPollers (" + effectiveMax
                    + ") must be greater than or equal to MinimumPollers (" + min + ")");
        }
    }
}
