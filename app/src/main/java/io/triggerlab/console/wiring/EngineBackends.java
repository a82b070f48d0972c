package io.triggerlab.console.wiring;

import io.triggerlab.console.awscheck.AwsCheckBackend;
import io.triggerlab.console.faults.FaultSwitch;
import io.triggerlab.console.inspector.InvocationReplayer;
import io.triggerlab.console.lag.LagBackend;
import io.triggerlab.console.trigger.OffsetResetBackend;
import io.triggerlab.console.trigger.TriggerPageBackend;
import io.triggerlab.console.wizard.WizardBackend;
import io.triggerlab.engine.Engine;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.cluster.KafkaRecordReader;
import io.triggerlab.engine.infra.cluster.RecordQuery;
import io.triggerlab.engine.infra.cluster.StoredRecord;
import io.triggerlab.engine.infra.cluster.TopicInfo;
import io.triggerlab.engine.infra.secrets.SecretMetadata;
import io.triggerlab.engine.invoke.faults.FaultKind;
import io.triggerlab.engine.invoke.faults.FaultPlan;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;
import io.triggerlab.engine.observe.metrics.MetricQuery;
import io.triggerlab.engine.observe.metrics.MetricSeries;
import io.triggerlab.engine.observe.metrics.MetricsSnapshot;
import io.triggerlab.engine.observe.metrics.ScalingDecision;

import java.util.List;
import java.util.Optional;

/** Adapts the real {@link Engine} to the narrow ports the screens declare, so each screen is tested with a fake. */
final class EngineBackends {

    private EngineBackends() {
    }

    static WizardBackend wizard(Engine engine) {
        return new WizardBackend() {
            @Override
            public List<KafkaCluster> clusters() {
                return engine.clusters().list();
            }

            @Override
            public List<FunctionDefinition> functions() {
                return engine.functions().list();
            }

            @Override
            public List<TopicInfo> topics() {
                return engine.topics().listTopics();
            }

            @Override
            public String clusterInUseBootstrap() {
                return engine.bootstrapServers();
            }

            @Override
            public List<String> secretArns() {
                return engine.vault().list().stream().map(SecretMetadata::arn).sorted().toList();
            }

            @Override
            public List<StoredRecord> newestRecords(String topic, int limit) {
                return new KafkaRecordReader(engine.topics().bootstrapServers()).read(RecordQuery.newest(topic, limit));
            }

            @Override
            public String apiEndpoint() {
                return engine.apiEndpoint().toString();
            }

            @Override
            public EventSourceMapping create(CreateEventSourceMappingRequest request) {
                return engine.mappings().create(request);
            }

            @Override
            public EventSourceMapping update(String uuid, UpdateEventSourceMappingRequest request) {
                return engine.mappings().update(uuid, request);
            }
        };
    }

    static TriggerPageBackend triggerPage(Engine engine) {
        return new TriggerPageBackend() {
            @Override
            public EventSourceMapping get(String uuid) {
                return engine.mappings().get(uuid);
            }

            @Override
            public EventSourceMapping update(String uuid, UpdateEventSourceMappingRequest request) {
                return engine.mappings().update(uuid, request);
            }

            @Override
            public EventSourceMapping delete(String uuid) {
                return engine.mappings().delete(uuid);
            }

            @Override
            public int pollerCount(String uuid) {
                return engine.pollerCount(uuid);
            }
        };
    }

    static LagBackend lag(Engine engine) {
        return new LagBackend() {
            @Override
            public MetricSeries series(MetricQuery query) {
                return engine.metrics().series(query);
            }

            @Override
            public List<ScalingDecision> scalingDecisions(String mappingUuid, int limit) {
                return engine.metrics().scalingDecisions(mappingUuid, limit);
            }

            @Override
            public Optional<MetricsSnapshot> latest(String mappingUuid) {
                return engine.metrics().latest(mappingUuid);
            }
        };
    }

    static OffsetResetBackend offsetReset(Engine engine) {
        return (uuid, target) -> engine.mappings().resetOffsets(uuid, target);
    }

    static InvocationReplayer replayer(Engine engine) {
        return engine::replay;
    }
    static AwsCheckBackend awsCheck(Engine engine) {
        return uuid -> engine.awsCheck().check(uuid);
    }

    static FaultSwitch faults(Engine engine) {
        return new FaultSwitch() {
            @Override
            public String functionNameOf(String functionArn) {
                return engine.functions().find(functionArn).map(FunctionDefinition::name)
                        .orElseThrow(() -> new IllegalArgumentException("Function " + functionArn + " is not "
                                + "registered, so no faults can be injected into it: register it in Settings › Functions."));
            }

            @Override
            public Optional<FaultPlan> plan(String functionName) {
                return engine.faults().plan(functionName);
            }

            @Override
            public FaultPlan arm(String functionName, FaultKind kind, int count) {
                return engine.faults().arm(functionName, kind, count);
            }

            @Override
            public Optional<FaultPlan> clear(String functionName) {
                return engine.faults().clear(functionName);
            }
        };
    }
}
