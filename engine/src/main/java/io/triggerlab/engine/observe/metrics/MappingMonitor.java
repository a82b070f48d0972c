package io.triggerlab.engine.observe.metrics;

import io.triggerlab.engine.infra.store.MetricStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Samples one running mapping every interval: reads the counters' increase and the lag, stores the sample and
 * announces it. Runs on the sampler thread only.
 */
final class MappingMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MappingMonitor.class);

    private final MonitoredMapping mapping;
    private final MappingCounters counters;
    private final PollerGroup pollers;
    private final Supplier<LagSampler> lagSamplers;
    private LagSampler lagSampler;
    private final LagHistory lagHistory;
    private final MetricStore store;
    private final MetricsListener events;
    private final MetricsSettings settings;
    private final Clock clock;
    private Instant previous;
    private boolean lagFailing;
    private LagStatus lagStatus = LagStatus.UNREADABLE;
    private volatile MetricsSnapshot latest;
    private volatile long lastSampleNanos;

    /**
     * @param lagSamplers makes the broker clients; called on the sampler thread at the first sample and again after a
     *                    failure (so fresh secrets are read), never on the thread that starts the mapping
     */
    MappingMonitor(MonitoredMapping mapping, MappingCounters counters, PollerGroup pollers, Supplier<LagSampler> lagSamplers,
                   LagHistory lagHistory, MetricStore store, MetricsListener events, MetricsSettings settings, Clock clock) {
        this.mapping = mapping;
        this.counters = counters;
        this.pollers = pollers;
        this.lagSamplers = lagSamplers;
        this.lagHistory = lagHistory;
        this.store = store;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.previous = clock.instant();
    }

    MetricsSnapshot sample() {
        long started = System.nanoTime();
        LagReading lag = readLag();
        Instant at = clock.instant();
        MappingCounters.IntervalReading interval = counters.readInterval();
        Map<EsmMetric, Double> values = new EnumMap<>(EsmMetric.class);
        interval.deltas().forEach((metric, delta) -> values.put(metric, (double) delta));
        values.put(EsmMetric.CONCURRENT_EXECUTIONS, (double) interval.peakConcurrency());
        values.put(EsmMetric.DURATION_P50, interval.p50Millis());
        values.put(EsmMetric.DURATION_P90, interval.p90Millis());
        values.put(EsmMetric.DURATION_P99, interval.p99Millis());
        int running = pollers.pollerCount();
        values.put(EsmMetric.POLLERS, (double) running);
        provisionedMode(values, running, previous, at);
        LagTrend trend = LagTrend.STEADY;
        List<PartitionLag> partitions = List.of();
        if (lag != null) {
            values.put(EsmMetric.OFFSET_LAG, (double) lag.offsetLag());
            values.put(EsmMetric.MAX_OFFSET_LAG, (double) lag.maxOffsetLag());
            values.put(EsmMetric.SUM_OFFSET_LAG, (double) lag.sumOffsetLag());
            lag.timeLagMillis().ifPresent(ms -> values.put(EsmMetric.TIME_LAG, (double) ms));
            lagHistory.add(lag.at(), lag.sumOffsetLag(), lag.partitionCount());
            trend = LagTrend.of(lagHistory.since(lag.at().minus(settings.trendWindow())));
            partitions = lag.partitions();
        }
        MetricsSnapshot snapshot = new MetricsSnapshot(mapping.mappingUuid(), at, Duration.between(previous, at),
                values, partitions, trend, counters.totals(), lag != null ? LagStatus.READ : lagStatus);
        previous = at;
        store.write(snapshot);
        latest = snapshot;
        lastSampleNanos = System.nanoTime() - started;
        events.sampled(at, snapshot);
        return snapshot;
    }

    /**
     * AWS publishes {@code ProvisionedPollers}, {@code EventPollerUnit} and {@code EventPollerThroughputInBytes} only
     * for a mapping in provisioned mode; an on-demand mapping's sample carries none of them.
     */
    private void provisionedMode(Map<EsmMetric, Double> values, int running, Instant from, Instant to) {
        if (mapping.provisioned() == null) {
            values.remove(EsmMetric.EVENT_POLLER_THROUGHPUT_IN_BYTES);
            return;
        }
        long bytes = values.getOrDefault(EsmMetric.EVENT_POLLER_THROUGHPUT_IN_BYTES, 0.0).longValue();
        String group = mapping.provisioned().pollerGroupName();
        values.put(EsmMetric.PROVISIONED_POLLERS, (double) running);
        values.put(EsmMetric.EVENT_POLLER_UNIT, EventPollerUnits.of(running, bytes, Duration.between(from, to),
                group != null && !group.isEmpty()));
    }

    private LagReading readLag() {
        try {
            if (lagSampler == null) {
                lagSampler = lagSamplers.get();
            }
            LagReading reading = lagSampler.read();
            if (lagFailing) {
                log.info("Lag of mapping {} can be read again", mapping.mappingUuid());
                lagFailing = false;
            }
            return reading;
        } catch (LagUnavailableException e) {
            return lagUnavailable(e, e.status());
        } catch (RuntimeException e) {
            return lagUnavailable(e, LagStatus.UNREADABLE);
        }
    }

    /**
     * Unreachable cluster, failed authentication, unusable security settings: the pollers report those as
     * LastProcessingResult; here the sample only goes without lag, and the clients are made anew next time. A topic
     * still being created is said so, not reported as a broker that cannot be read.
     */
    private LagReading lagUnavailable(RuntimeException e, LagStatus status) {
        lagStatus = status;
        if (!lagFailing) {
            if (status == LagStatus.TOPIC_NOT_READY) {
                log.info("Topic {} of mapping {} is not ready yet (being created); samples carry no lag until it is",
                        mapping.topic(), mapping.mappingUuid());
            } else {
                log.warn("{}; samples carry no lag until it can be read again", e.getMessage());
            }
            lagFailing = true;
        }
        closeLagSampler();
        return null;
    }

    MetricsSnapshot latest() {
        return latest;
    }

    /** Wall time the last sample took (broker round trips and the database write). */
    Duration lastSampleCost() {
        return Duration.ofNanos(lastSampleNanos);
    }

    private void closeLagSampler() {
        if (lagSampler != null) {
            try {
                lagSampler.close();
            } catch (RuntimeException e) {
                log.debug("Closing the lag sampler failed: {}", e.toString());
            }
            lagSampler = null;
        }
    }

    @Override
    public void close() {
        closeLagSampler();
    }
}
