package io.triggerlab.console.wizard;

import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.cluster.StoredRecord;
import io.triggerlab.engine.infra.cluster.TopicInfo;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;

import java.util.List;

/** What the wizard asks of the engine. Every call may block; the ViewModel makes them in the background. */
public interface WizardBackend {

    /** The clusters an MSK trigger can name, the sandbox first. */
    List<KafkaCluster> clusters();

    /** The registered functions, by name. */
    List<FunctionDefinition> functions();

    /** The topics of the cluster in use, for suggestions. */
    List<TopicInfo> topics();

    /** Bootstrap servers of the cluster in use: the default for a self-managed trigger. */
    String clusterInUseBootstrap();

    /** The ARNs of the secrets in the local vault, for the Authentication step. */
    List<String> secretArns();

    /** The newest records of a topic of the cluster in use, newest first, for the filter tester. */
    List<StoredRecord> newestRecords(String topic, int limit);

    /** For each record, whether the FilterCriteria patterns would send it, as a poller judges it. */
    List<Boolean> tryFilters(List<String> patterns, List<StoredRecord> records);

    /** The engine's Lambda API endpoint (http://127.0.0.1:PORT), for the Review step's AWS CLI command. */
    String apiEndpoint();

    /** CreateEventSourceMapping. */
    EventSourceMapping create(CreateEventSourceMappingRequest request);

    /** UpdateEventSourceMapping. */
    EventSourceMapping update(String uuid, UpdateEventSourceMappingRequest request);
}
