package io.triggerlab.engine.controlplane.sam;

import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;

/** Copies of a CreateEventSourceMapping request with one member changed. */
final class Requests {

    private Requests() {
    }

    static CreateEventSourceMappingRequest withEventSourceArn(CreateEventSourceMappingRequest r, String arn) {
        return new CreateEventSourceMappingRequest(r.functionName(), arn, r.selfManagedEventSource(), r.topics(),
                r.startingPosition(), r.startingPositionTimestamp(), r.enabled(), r.batchSize(),
                r.maximumBatchingWindowInSeconds(), r.sourceAccessConfigurations(),
                r.amazonManagedKafkaEventSourceConfig(), r.selfManagedKafkaEventSourceConfig(), r.filterCriteria(),
                r.kmsKeyArn(), r.destinationConfig(), r.maximumRetryAttempts(), r.maximumRecordAgeInSeconds(),
                r.bisectBatchOnFunctionError(), r.functionResponseTypes(), r.provisionedPollerConfig(),
                r.metricsConfig(), r.loggingConfig(), r.tags(), r.parallelizationFactor(), r.tumblingWindowInSeconds(),
                r.scalingConfig(), r.queues(), r.documentDBEventSourceConfig());
    }
}
