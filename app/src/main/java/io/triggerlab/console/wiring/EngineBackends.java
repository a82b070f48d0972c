package io.triggerlab.console.wiring;

import io.triggerlab.console.awscheck.AwsCheckBackend;
import io.triggerlab.console.browser.TopicBrowserBackend;
import io.triggerlab.console.browser.TriggerChoice;
import io.triggerlab.console.triggers.TriggerRow;
import io.triggerlab.console.faults.FaultSwitch;
import io.triggerlab.console.inspector.InvocationReplayer;
import io.triggerlab.console.lag.LagBackend;
import io.triggerlab.console.step.StepModeBackend;
import io.triggerlab.console.trigger.OffsetResetBackend;
import io.triggerlab.console.trigger.TriggerPageBackend;
import io.triggerlab.console.wizard.WizardBackend;
import io.triggerlab.engine.client.EngineClient;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.cluster.RecordQuery;
import io.triggerlab.engine.infra.cluster.StoredRecord;
import io.triggerlab.engine.observe.history.InvocationRecord;
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
import io.triggerlab.engine.runtime.step.StepMode;

import java.util.List;
import java.util.Optional;

/** Adapts the running engine's {@link EngineClient} to the narrow ports the screens declare, so each screen is tested with a fake. */
final class EngineBackends {

    private EngineBackends() {
    }

    static TopicBrowserBackend topicBrowser(EngineClient engine) {
        return new TopicBrowserBackend() {
            @Override
            public List<TopicInfo> topics() {
                return engine.topics().listTopics();
            }

            @Override
            public List<StoredRecord> read(RecordQuery query) {
                return engine.readRecords(query);
            }

            @Override
            public List<TriggerChoice> triggersReading(String topic) {
                return engine.mappings().stream().filter(m -> m.topic().equals(topic))
                        .map(m -> new TriggerChoice(m.uuid(), TriggerRow.functionNameOf(m.functionArn()))).toList();
            }

            @Override
            public InvocationRecord sendToFunction(String mappingUuid, StoredRecord record) {
                return engine.sendRecordToFunction(mappingUuid, record);
            }
        };
    }

    static WizardBackend wizard(EngineClient engine) {
        return new WizardBackend() {
            @Override
            public List<KafkaCluster> clusters() {
                return engine.clusters();
            }

            @Override
            public List<FunctionDefinition> functions() {
                return engine.functions();
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
                return engine.secrets().stream().map(SecretMetadata::arn).sorted().toList();
            }

            @Override
            public List<StoredRecord> newestRecords(String topic, int limit) {
                return engine.readRecords(RecordQuery.newest(topic, limit));
            }

            @Override
            public List<Boolean> tryFilters(List<String> patterns, List<StoredRecord> records) {
                return engine.tryFilters(patterns, records);
            }

            @Override
            public String apiEndpoint() {
                return engine.apiEndpoint().toString();
            }

            @Override
            public EventSourceMapping create(CreateEventSourceMappingRequest request) {
                return engine.createMapping(request);
            }

            @Override
            public EventSourceMapping update(String uuid, UpdateEventSourceMappingRequest request) {
                return engine.updateMapping(uuid, request);
            }
        };
    }

    static TriggerPageBackend triggerPage(EngineClient engine) {
        return new TriggerPageBackend() {
            @Override
            public EventSourceMapping get(String uuid) {
                return engine.mapping(uuid);
            }

            @Override
            public EventSourceMapping update(String uuid, UpdateEventSourceMappingRequest request) {
                return engine.updateMapping(uuid, request);
            }

            @Override
            public EventSourceMapping delete(String uuid) {
                return engine.deleteMapping(uuid);
            }

            @Override
            public int pollerCount(String uuid) {
                return engine.pollerCount(uuid);
            }
        };
    }

    static LagBackend lag(EngineClient engine) {
        return new LagBackend() {
            @Override
            public MetricSeries series(MetricQuery query) {
                return engine.metricSeries(query);
            }

            @Override
            public List<ScalingDecision> scalingDecisions(String mappingUuid, int limit) {
                return engine.scalingDecisions(mappingUuid, limit);
            }

            @Override
            public Optional<MetricsSnapshot> latest(String mappingUuid) {
                return engine.latestMetrics(mappingUuid);
            }
        };
    }

    static OffsetResetBackend offsetReset(EngineClient engine) {
        return (uuid, target) -> engine.resetOffsets(uuid, target);
    }

    static InvocationReplayer replayer(EngineClient engine) {
        return engine::replay;
    }
    static AwsCheckBackend awsCheck(EngineClient engine) {
        return uuid -> engine.awsCheck(uuid);
    }

    static FaultSwitch faults(EngineClient engine) {
        return new FaultSwitch() {
            @Override
            public String functionNameOf(String functionArn) {
                return engine.function(functionArn).map(FunctionDefinition::name)
                        .orElseThrow(() -> new IllegalArgumentException("Function " + functionArn + " is not "
                                + "registered, so no faults can be injected into it: register it in Settings › Functions."));
            }

            @Override
            public Optional<FaultPlan> plan(String functionName) {
                return engine.faultPlan(functionName);
            }

            @Override
            public FaultPlan arm(String functionName, FaultKind kind, int count) {
                return engine.armFault(functionName, kind, count);
            }

            @Override
            public Optional<FaultPlan> clear(String functionName) {
                return engine.clearFault(functionName);
            }
        };
    }

    static StepModeBackend stepMode(EngineClient engine) {
        return new StepModeBackend() {
            @Override
            public StepMode.Status status(String mappingUuid) {
                return engine.stepMode(mappingUuid);
            }

            @Override
            public StepMode.Status set(String mappingUuid, boolean enabled) {
                return engine.setStepMode(mappingUuid, enabled);
            }

            @Override
            public StepMode.Status deliverNext(String mappingUuid) {
                return engine.deliverNextBatch(mappingUuid);
            }
        };
    }
}
