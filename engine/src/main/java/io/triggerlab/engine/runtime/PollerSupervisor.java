package io.triggerlab.engine.runtime;

import io.triggerlab.engine.runtime.failure.RetryBackoff;
import io.triggerlab.engine.runtime.poll.ConsumerFactory;
import io.triggerlab.engine.runtime.schema.SchemaRegistryAccess;
import io.triggerlab.engine.runtime.poll.PollerConfig;
import io.triggerlab.engine.infra.secrets.AwsDestinationSettings;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.observe.events.EngineEvent;
import io.triggerlab.engine.observe.events.EngineEventBus;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.FunctionRegistry;
import io.triggerlab.engine.observe.history.InvocationHistory;
import io.triggerlab.engine.invoke.FunctionInvokerFactory;
import io.triggerlab.engine.runtime.step.StepMode;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingLifecycle;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.MappingStatus;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import io.triggerlab.engine.observe.metrics.CountingInvoker;
import io.triggerlab.engine.observe.metrics.MappingCounters;
import io.triggerlab.engine.observe.metrics.MetricsService;
import io.triggerlab.engine.observe.metrics.MonitoredMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.triggerlab.engine.observe.systemlog.MappingSystemLog;
import io.triggerlab.engine.observe.systemlog.SystemLogs;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Starts, restarts and stops each mapping's pollers as the control plane changes it, and walks the mapping through
 * AWS's states (Creating → Enabling → Enabled, Updating → Enabled/Disabled, Disabling → Disabled, Deleting → gone).
 * Every transition runs on one named thread, in the order the API calls came, so the API returns at once like AWS.
 */
public final class PollerSupervisor implements MappingLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PollerSupervisor.class);
    /** AWS's StateTransitionReason when the mapping's function cannot be used. */
    static final String FUNCTION_CONFIG_NOT_VALID = "FUNCTION_CONFIG_NOT_VALID";
    static final String ESM_CONFIG_NOT_VALID = "ESM_CONFIG_NOT_VALID";

    private final FunctionRegistry functions;
    private final PollerConfigs configs;
    private final FunctionInvokerFactory invokers;
    private final ConsumerFactory consumers;
    private final InvocationHistory history;
    private final EngineEventBus events;
    private final Clock clock;
    private final ExecutorService transitions;
    private final MetricsService metrics;
    private final Map<String, MappingRuntime> running = new HashMap<>();
    /** Per running mapping: its sampling and autoscaling, stopped before its pollers. */
    private final Map<String, AutoCloseable> monitored = new HashMap<>();
    /** Where the supervisor reports each mapping's state and processing result. */
    private final MappingStatus mappings;
    /** Step mode per trigger (a TriggerLab extra); in memory only. */
    private final StepMode steps = new StepMode();
    private final SystemLogs systemLogs;
    private final Duration statusInterval;

    public PollerSupervisor(MappingStatus mappings, FunctionRegistry functions, ClusterRegistry clusters,
                            FunctionInvokerFactory invokers, ConsumerFactory consumers, InvocationHistory history,
                            EngineEventBus events, Clock clock, MetricsService metrics) {
        this(mappings, functions, clusters, invokers, consumers, history, events, clock, metrics,
                AwsDestinationSettings.DISABLED);
    }

    /** @param awsDestinations whether SQS/SNS/S3 on-failure destinations reach the real service ({@code aws.properties}) */
    public PollerSupervisor(MappingStatus mappings, FunctionRegistry functions, ClusterRegistry clusters,
                            FunctionInvokerFactory invokers, ConsumerFactory consumers, InvocationHistory history,
                            EngineEventBus events, Clock clock, MetricsService metrics,
                            AwsDestinationSettings awsDestinations) {
        this(mappings, functions, clusters, invokers, consumers, history, events, clock, metrics, awsDestinations, null,
                RetryBackoff.DEFAULT);
    }

    /**
     * @param schemaRegistries how a mapping's SchemaRegistryConfig reaches its registry, or {@code null} to ignore it
     * @param backoff          the wait between attempts at a failing batch
     */
    public PollerSupervisor(MappingStatus mappings, FunctionRegistry functions, ClusterRegistry clusters,
                            FunctionInvokerFactory invokers, ConsumerFactory consumers, InvocationHistory history,
                            EngineEventBus events, Clock clock, MetricsService metrics,
                            AwsDestinationSettings awsDestinations, SchemaRegistryAccess schemaRegistries,
                            RetryBackoff backoff) {
        this(mappings, functions, clusters, invokers, consumers, history, events, clock, metrics, awsDestinations,
                schemaRegistries, backoff, null, Duration.ofMinutes(1));
    }

    /**
     * @param systemLogs     where mappings with a {@code LoggingConfig} write their system logs, or {@code null} to
     *                       write none
     * @param statusInterval how often a DEBUG system log reports the partitions' offsets (AWS: every minute)
     */
    public PollerSupervisor(MappingStatus mappings, FunctionRegistry functions, ClusterRegistry clusters,
                            FunctionInvokerFactory invokers, ConsumerFactory consumers, InvocationHistory history,
                            EngineEventBus events, Clock clock, MetricsService metrics,
                            AwsDestinationSettings awsDestinations, SchemaRegistryAccess schemaRegistries,
                            RetryBackoff backoff, SystemLogs systemLogs, Duration statusInterval) {
        this.systemLogs = systemLogs;
        this.statusInterval = statusInterval;
        this.mappings = mappings;
        this.functions = functions;
        this.metrics = metrics;
        this.configs = new PollerConfigs(clusters, awsDestinations, schemaRegistries, backoff);
        this.invokers = invokers;
        this.consumers = consumers;
        this.history = history;
        this.events = events;
        this.clock = clock;
        this.transitions = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "esm-supervisor");
            t.setDaemon(true);
            return t;
        });
    }

    /** After an engine restart: bring every mapping back in its last desired state, finish interrupted deletes. */
    public void recover() {
        for (EventSourceMapping mapping : mappings.all()) {
            if (mapping.state() == MappingState.DELETING) {
                deleting(mapping);
            } else {
                submit(mapping.uuid(), () -> settle(mapping, MappingState.ENABLING));
            }
        }
    }

    @Override
    public void created(EventSourceMapping mapping) {
        submit(mapping.uuid(), () -> settle(mapping, MappingState.ENABLING));
    }

    @Override
    public void updated(EventSourceMapping before, EventSourceMapping after) {
        submit(after.uuid(), () -> {
            stopRuntime(after.uuid());
            // Re-enabling walks through Enabling; a change to a running mapping stays Updating until it polls again.
            settle(after, before.enabled() ? MappingState.UPDATING : MappingState.ENABLING);
        });
    }

    @Override
    public void deleting(EventSourceMapping mapping) {
        submit(mapping.uuid(), () -> {
            stopRuntime(mapping.uuid());
            metrics.forget(mapping.uuid());
            steps.forget(mapping.uuid());
            mappings.completeDeletion(mapping.uuid());
            events.publish(new EngineEvent.MappingRemoved(clock.instant(), mapping.uuid()));
        });
    }

    /**
     * Starts or stops the pollers so they match {@code mapping.enabled()}, and records the resulting state;
     * {@code startingState} is what the mapping shows while its pollers start.
     */
    private void settle(EventSourceMapping mapping, MappingState startingState) {
        if (!mapping.enabled()) {
            if (running.containsKey(mapping.uuid())) {
                mark(mapping.uuid(), MappingState.DISABLING, EventSourceMapping.USER_INITIATED);
                stopRuntime(mapping.uuid());
            }
            mark(mapping.uuid(), MappingState.DISABLED, EventSourceMapping.USER_INITIATED);
            return;
        }
        mark(mapping.uuid(), startingState, EventSourceMapping.USER_INITIATED);
        FunctionDefinition function = functions.find(mapping.functionArn()).orElse(null);
        if (function == null) {
            log.warn("Mapping {} cannot start: function {} is not registered", mapping.uuid(), mapping.functionArn());
            stopNotValid(mapping.uuid(), FUNCTION_CONFIG_NOT_VALID, "PROBLEM: Function not found: "
                    + mapping.functionArn() + ". Register the function again, then enable the trigger "
                    + "(UpdateEventSourceMapping) to start it.");
            return;
        }
        try {
            PollerConfig config = configs.of(mapping, function);
            MappingCounters counters = metrics.counters(mapping.uuid());
            MappingRuntime runtime = new MappingRuntime(config, consumers,
                    new CountingInvoker(invokers.create(function), counters), history,
                    new MappingObserver(mapping.uuid(), mapping.lastProcessingResult(), mappings, events, clock, counters,
                            steps.gate(mapping.uuid())),
                    clock, MappingSystemLog.of(mapping, systemLogs, clock), statusInterval);
            MonitoredMapping watched = monitoredMapping(mapping, config);
            runtime.scaleTo(MetricsService.initialPollers(watched));
            running.put(mapping.uuid(), runtime);
            monitored.put(mapping.uuid(), metrics.attach(watched, runtime));
            mark(mapping.uuid(), MappingState.ENABLED, EventSourceMapping.USER_INITIATED);
        } catch (InvalidPollerConfigException e) {
            log.warn("Mapping {} cannot start: {}", mapping.uuid(), e.getMessage());
            stopNotValid(mapping.uuid(), ESM_CONFIG_NOT_VALID, "PROBLEM: The event source mapping configuration is "
                    + "not valid: " + sentence(e.getMessage()) + " Fix it, then enable the trigger (UpdateEventSourceMapping).");
        }
    }

    /**
     * Lambda stops a consumer it cannot run ("ESM_CONFIG_NOT_VALID", "FUNCTION_CONFIG_NOT_VALID"); TriggerLab's reading
     * (docs/aws-reading.md): the mapping goes to Disabled with that reason, a Lambda-initiated change, and its
     * LastProcessingResult says what is wrong. Nothing is polled, so no offset moves.
     */
    private void stopNotValid(String uuid, String reason, String lastProcessingResult) {
        mappings.recordProcessingResult(uuid, lastProcessingResult);
        mark(uuid, MappingState.DISABLED, reason);
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    private void mark(String uuid, MappingState state, String reason) {
        events.publish(new EngineEvent.MappingChanged(clock.instant(), mappings.markState(uuid, state, reason)));
    }

    private static MonitoredMapping monitoredMapping(EventSourceMapping mapping, PollerConfig config) {
        ProvisionedPollerConfig provisioned = mapping.provisionedPollerConfig();
        return new MonitoredMapping(mapping.uuid(), config.topic(), config.groupId(), config.clientProperties(),
                mapping.startingPosition(), mapping.startingPositionTimestamp(),
                provisioned == null || provisioned.isEmpty() ? null : provisioned);
    }

    private void stopRuntime(String uuid) {
        AutoCloseable watching = monitored.remove(uuid);
        if (watching != null) {
            try {
                watching.close();
            } catch (Exception e) {
                log.warn("Stopping the metrics of mapping {} failed: {}", uuid, e.toString());
            }
        }
        MappingRuntime runtime = running.remove(uuid);
        if (runtime != null) {
            runtime.close();
        }
    }

    /** Which triggers hold each batch for "Deliver next batch". */
    public StepMode stepMode() {
        return steps;
    }

    /** Pollers currently running for a mapping (0 when it is disabled). */
    public int pollerCount(String uuid) {
        try {
            return transitions.submit(() -> {
                MappingRuntime runtime = running.get(uuid);
                return runtime == null ? 0 : runtime.pollerCount();
            }).get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the poller count of " + uuid, e);
        }
    }

    private void submit(String uuid, Runnable transition) {
        transitions.execute(() -> {
            MDC.put("esm", uuid);
            try {
                transition.run();
            } catch (RuntimeException e) {
                log.error("State transition of mapping {} failed", uuid, e);
            } finally {
                MDC.remove("esm");
            }
        });
    }

    @Override
    public void close() {
        transitions.execute(() -> List.copyOf(running.keySet()).forEach(this::stopRuntime));
        transitions.shutdown();
        try {
            if (!transitions.awaitTermination(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Pollers did not stop within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
