package io.triggerlab.console.wizard;

import io.triggerlab.engine.cluster.KafkaCluster;
import io.triggerlab.engine.cluster.TopicInfo;
import io.triggerlab.engine.function.FunctionDefinition;
import io.triggerlab.engine.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.mapping.EventSourceMapping;
import io.triggerlab.engine.mapping.UpdateEventSourceMappingRequest;

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

    /** CreateEventSourceMapping. */
    EventSourceMapping create(CreateEventSourceMappingRequest request);

    /** UpdateEventSourceMapping. */
    EventSourceMapping update(String uuid, UpdateEventSourceMappingRequest request);
}
