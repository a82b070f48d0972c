package io.triggerlab.junit;

import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.DestinationConfig;
import io.triggerlab.engine.controlplane.mapping.FilterCriteria;
import io.triggerlab.engine.controlplane.mapping.SourceAccessConfiguration;
import io.triggerlab.engine.controlplane.mapping.SourceAccessType;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link TriggerLab#trigger} creates, in the words of CreateEventSourceMapping. Unset fields keep AWS's defaults;
 * the engine validates the request exactly as its Lambda API does, so a bad value fails with the API's message.
 */
public final class TriggerSpec {

    private String function;
    private String topic;
    private Integer batchSize;
    private String startingPosition = "TRIM_HORIZON";
    private Integer batchingWindowSeconds;
    private Integer retries;
    private Boolean bisect;
    private String onFailure;
    private final List<String> filters = new ArrayList<>();
    private final List<SourceAccessConfiguration> access = new ArrayList<>();
    private boolean reportBatchItemFailures;
    private boolean secured;

    TriggerSpec() {
    }

    /** The function to invoke, by the name given to {@link TriggerLab#function}. */
    public TriggerSpec function(String name) {
        this.function = name;
        return this;
    }

    public TriggerSpec topic(String name) {
        this.topic = name;
        return this;
    }

    public TriggerSpec batchSize(int size) {
        this.batchSize = size;
        return this;
    }

    /** TRIM_HORIZON (the default here, so a test sees what it produced before creating the trigger) or LATEST. */
    public TriggerSpec startingPosition(String position) {
        this.startingPosition = position;
        return this;
    }

    /** MaximumBatchingWindowInSeconds; Kafka triggers wait 500 ms when it is unset. */
    public TriggerSpec batchingWindowSeconds(int seconds) {
        this.batchingWindowSeconds = seconds;
        return this;
    }

    /** MaximumRetryAttempts: -1 retries until the records expire. */
    public TriggerSpec retries(int attempts) {
        this.retries = attempts;
        return this;
    }

    /** BisectBatchOnFunctionError. */
    public TriggerSpec bisect(boolean split) {
        this.bisect = split;
        return this;
    }

    /** The on-failure destination: {@code kafka://<topic>} on the same cluster, or an SQS/SNS/S3 ARN. */
    public TriggerSpec destination(String onFailureDestination) {
        this.onFailure = onFailureDestination;
        return this;
    }

    /** One FilterCriteria pattern, e.g. {@code {"value":{"type":["order"]}}}; call again for more. */
    public TriggerSpec filter(String pattern) {
        filters.add(pattern);
        return this;
    }

    /** FunctionResponseTypes ReportBatchItemFailures. */
    public TriggerSpec reportBatchItemFailures() {
        this.reportBatchItemFailures = true;
        return this;
    }

    /**
     * Polls the secured sandbox's SASL/SCRAM-512 listener with the credentials in this secret (see
     * {@link TriggerLab#scramUser}); needs {@code @TriggerLabTest(securedSandbox = true)}.
     */
    public TriggerSpec saslScram512(String secretArn) {
        this.secured = true;
        access.add(new SourceAccessConfiguration(SourceAccessType.SASL_SCRAM_512_AUTH.name(), secretArn));
        return this;
    }

    String topic() {
        return topic;
    }

    String function() {
        return function;
    }

    boolean secured() {
        return secured;
    }

    CreateEventSourceMappingRequest toRequest(String eventSourceArn) {
        CreateEventSourceMappingRequest.Builder request = CreateEventSourceMappingRequest.builder()
                .functionName(function)
                .eventSourceArn(eventSourceArn)
                .topics(topic == null ? null : List.of(topic))
                .startingPosition(startingPosition)
                .batchSize(batchSize)
                .maximumBatchingWindowInSeconds(batchingWindowSeconds)
                .maximumRetryAttempts(retries)
                .bisectBatchOnFunctionError(bisect);
        if (onFailure != null) {
            request.destinationConfig(DestinationConfig.onFailure(onFailure));
        }
        if (!filters.isEmpty()) {
            request.filterCriteria(FilterCriteria.of(filters.toArray(String[]::new)));
        }
        if (!access.isEmpty()) {
            request.sourceAccessConfigurations(List.copyOf(access));
        }
        if (reportBatchItemFailures) {
            request.functionResponseTypes(List.of("ReportBatchItemFailures"));
        }
        return request.build();
    }
}
