package io.triggerlab.engine.observe.metrics;

import io.triggerlab.engine.infra.store.MetricStore;
import io.triggerlab.engine.infra.store.ScalingDecisionLog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The engine's metrics: exact counters per mapping, a sampler that reads them and the lag every sample interval into
 * the time-series store and onto the event bus, and the autoscaler that evaluates each running mapping every
 * evaluation period. The supervisor {@link #attach attaches} each mapping while its pollers run.
 *
 * <p>Two named threads: {@code triggerlab-metrics-sampler} (samples, stores, prunes) and {@code triggerlab-autoscaler}
 * (evaluates and scales; scaling down waits for a poller's batch in flight, which must not delay samples).
 */
public final class MetricsService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MetricsService.class);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private final MetricsSettings settings;
    private final MetricStore store;
    private final ScalingDecisionLog decisions;
    private final MetricsListener events;
    private final Clock clock;
    private final ScheduledExecutorService sampler;
    private final ScheduledExecutorService autoscaler;
    private final Map<String, MappingCounters> counters = new ConcurrentHashMap<>();
    private final Map<String, Attachment> attached = new ConcurrentHashMap<>();
    private final UnaryOperator<Map<String, Object>> clientSecurity;
    private volatile Instant lastPrune;

    /** Metrics for clusters whose client properties need nothing added (no authentication). */
    public MetricsService(DataSource dataSource, MetricsSettings settings, MetricsListener events, Clock clock) {
        this(dataSource, settings, events, clock, UnaryOperator.identity());
    }

    /**
     * @param clientSecurity turns a mapping's client properties into ones a plain Kafka client can use (resolves the
     *                       cluster's authentication, as the pollers' consumer factory does); applied when sampling starts
     */
    public MetricsService(DataSource dataSource, MetricsSettings settings, MetricsListener events, Clock clock,
                          UnaryOperator<Map<String, Object>> clientSecurity) {
        this.clientSecurity = Objects.requireNonNull(clientSecurity, "clientSecurity");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = new MetricStore(dataSource, settings);
        this.decisions = new ScalingDecisionLog(dataSource);
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sampler = Executors.newSingleThreadScheduledExecutor(named("triggerlab-metrics-sampler"));
        this.autoscaler = Executors.newSingleThreadScheduledExecutor(named("triggerlab-autoscaler"));
        this.lastPrune = clock.instant();
        sampler.scheduleWithFixedDelay(this::pruneIfDue, PRUNE_EVERY.toMillis(), PRUNE_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public MetricsSettings settings() {
        return settings;
    }

    /** A mapping's counters, which its pollers feed; the same object for the mapping's whole life in this engine. */
    public MappingCounters counters(String mappingUuid) {
        return counters.computeIfAbsent(mappingUuid, MappingCounters::new);
    }

    /** The poller count a mapping starts with: one on demand (AWS: one consumer for all partitions), else MinimumPollers. */
    public static int initialPollers(MonitoredMapping mapping) {
        return ScalingPolicy.minimum(mapping.provisioned(), 0);
    }

    /**
     * Starts sampling a running mapping and scaling its pollers. Close the returned handle before stopping the
     * pollers: it stops both, after any evaluation in progress.
     */
    public AutoCloseable attach(MonitoredMapping mapping, PollerGroup pollers) {
        detach(mapping.mappingUuid());
        MappingCounters mappingCounters = counters(mapping.mappingUuid());
        Duration keep = max(settings.trendWindow(), settings.evaluationPeriod()).plus(settings.sampleInterval());
        LagHistory history = new LagHistory(keep);
        Duration brokerTimeout = max(Duration.ofSeconds(2), settings.sampleInterval());
        MappingMonitor monitor = new MappingMonitor(mapping, mappingCounters, pollers,
                () -> new LagSampler(mapping, clientSecurity.apply(mapping.clientProperties()), clock, brokerTimeout),
                history, store, events, settings, clock);
        ScalingController controller = new ScalingController(mapping, pollers, history, mappingCounters, settings,
                decisions, events, clock);
        long interval = settings.sampleInterval().toMillis();
        long period = settings.evaluationPeriod().toMillis();
        String uuid = mapping.mappingUuid();
        Attachment attachment = new Attachment(uuid, monitor,
                sampler.scheduleWithFixedDelay(() -> guarded(uuid, "sample", monitor::sample), 0, interval,
                        TimeUnit.MILLISECONDS),
                autoscaler.scheduleWithFixedDelay(() -> guarded(uuid, "scaling evaluation", controller::evaluate),
                        period, period, TimeUnit.MILLISECONDS));
        attached.put(uuid, attachment);
        return () -> detach(uuid);
    }

    private void detach(String uuid) {
        Attachment a = attached.remove(uuid);
        if (a != null) {
            a.stop(sampler, autoscaler);
        }
    }

    /** The mapping was deleted: its counters go (its stored series age out with the retention). */
    public void forget(String mappingUuid) {
        detach(mappingUuid);
        counters.remove(mappingUuid);
    }

    /** The latest sample of a running mapping. */
    public Optional<MetricsSnapshot> latest(String mappingUuid) {
        Attachment a = attached.get(mappingUuid);
        return a == null ? Optional.empty() : Optional.ofNullable(a.monitor().latest());
    }

    /** Exact counts since the engine started (all zero for a mapping that never ran). */
    public CounterTotals totals(String mappingUuid) {
        MappingCounters c = counters.get(mappingUuid);
        return c == null ? new MappingCounters(mappingUuid).totals() : c.totals();
    }

    /** A stored series: a metric of a mapping over a range, at a resolution. */
    public MetricSeries series(MetricQuery query) {
        return store.query(query, clock.instant());
    }

    /** The newest scaling decisions of a mapping, newest first. */
    public List<ScalingDecision> scalingDecisions(String mappingUuid, int limit) {
        return decisions.list(mappingUuid, limit);
    }

    /** How long the mapping's last sample took (broker round trips plus the database write); empty if not running. */
    public Optional<Duration> lastSampleCost(String mappingUuid) {
        Attachment a = attached.get(mappingUuid);
        return a == null ? Optional.empty() : Optional.of(a.monitor().lastSampleCost());
    }

    private void pruneIfDue() {
        Instant now = clock.instant();
        if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) < 0) {
            return;
        }
        lastPrune = now;
        try {
            int rows = store.prune(now) + decisions.prune(now.minus(settings.minuteRetention()));
            log.debug("Metrics retention removed {} rows", rows);
        } catch (MetricStoreException e) {
            log.warn("{}", e.getMessage());
        }
    }

    private static void guarded(String uuid, String what, Runnable task) {
        MDC.put("esm", uuid);
        try {
            task.run();
        } catch (RuntimeException e) {
            // One failed sample or evaluation must not end the schedule.
            log.warn("Metrics {} of mapping {} failed: {}", what, uuid, e.toString(), e);
        } finally {
            MDC.remove("esm");
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        List.copyOf(attached.keySet()).forEach(this::detach);
        sampler.shutdownNow();
        autoscaler.shutdownNow();
    }

    private record Attachment(String uuid, MappingMonitor monitor, ScheduledFuture<?> sampling,
                              ScheduledFuture<?> scaling) {

        /**
         * Cancels both schedules and waits for a run in progress on each thread (by running a no-op behind it), so no
         * sample or scaling touches the pollers once this returns; then closes the lag sampler on its own thread.
         */
        void stop(ScheduledExecutorService sampler, ScheduledExecutorService autoscaler) {
            sampling.cancel(false);
            scaling.cancel(false);
            awaitQuietly(autoscaler, () -> { });
            awaitQuietly(sampler, monitor::close);
        }

        private static void awaitQuietly(ScheduledExecutorService executor, Runnable last) {
            try {
                executor.submit(last).get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                last.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("Stopping the metrics of a mapping did not finish cleanly: {}", e.toString());
            }
        }
    }
}
