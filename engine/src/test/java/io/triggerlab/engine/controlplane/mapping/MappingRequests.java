package io.triggerlab.engine.controlplane.mapping;

import java.util.List;

/** Valid requests to start tests from. */
final class MappingRequests {

    static final String CLUSTER_ARN = "arn:aws:kafka:us-east-1:123456789012:cluster/orders-cluster/6f2a-11ee-b962-0242ac120002-1";

    private MappingRequests() {
    }

    static CreateEventSourceMappingRequest.Builder msk() {
        return CreateEventSourceMappingRequest.builder()
                .functionName("my-function")
                .eventSourceArn(CLUSTER_ARN)
                .topics(List.of("orders"))
                .startingPosition("LATEST");
    }

    static CreateEventSourceMappingRequest.Builder selfManaged() {
        return CreateEventSourceMappingRequest.builder()
                .functionName("my-function")
                .selfManagedEventSource(SelfManagedEventSource.ofBootstrapServers(List.of("broker-1.example.com:9092")))
                .topics(List.of("orders"))
                .startingPosition("TRIM_HORIZON");
    }
}
