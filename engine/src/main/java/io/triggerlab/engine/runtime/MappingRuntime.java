package io.triggerlab.engine.runtime;

import io.triggerlab.engine.runtime.poll.ConsumerFactory;
import io.triggerlab.engine.runtime.poll.ConsumerProperties;
import io.triggerlab.engine.runtime.poll.MappingPoller;
import io.triggerlab.engine.runtime.poll.PollerConfig;
import io.triggerlab.engine.runtime.report.PollerObserver;
import io.triggerlab.engine.observe.history.InvocationHistory;
import io.triggerlab.engine.invoke.FunctionInvoker;
import io.triggerlab.engine.observe.metrics.PollerGroup;
import io.triggerlab.engine.observe.systemlog.MappingSystemLog;
import io.triggerlab.engine.runtime.report.SystemLogReporter;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The running side of one enabled mapping: its pollers, each a Kafka consumer in the mapping's group on its own named
 * thread ({@code esm-<uuid>-poller-<n>}). Kafka's group protocol spreads the partitions; never two consumers on one.
 */
public final class MappingRuntime implements PollerGroup, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MappingRuntime.class);

    private final PollerConfig config;
    private final ConsumerFactory consumers;
    private final FunctionInvoker invoker;
    private final InvocationHistory history;
    private final PollerObserver observer;
    private final Clock clock;
    /** {@code null} without a LoggingConfig: the pollers report to {@link #observer} alone. */
    private final MappingSystemLog systemLog;
    private final Duration statusInterval;
    private final List<RunningPoller> pollers = new ArrayList<>();
    private int nextIndex;
    /** Read without the lock: the sampler must not wait while a scale-down waits for a batch in flight. */
    private volatile int count;
    private boolean closed;

    private record RunningPoller(MappingPoller poller, Thread thread) {
    }

    public MappingRuntime(PollerConfig config, ConsumerFactory consumers, FunctionInvoker invoker,
                          InvocationHistory history, PollerObserver observer, Clock clock) {
        this(config, consumers, invoker, history, observer, clock, null, Duration.ofMinutes(1));
    }

    /**
     * @param systemLog      the mapping's system log ({@code LoggingConfig}), or {@code null} for none
     * @param statusInterval how often a DEBUG system log reports the partitions' offsets (AWS: every minute)
     */
    public MappingRuntime(PollerConfig config, ConsumerFactory consumers, FunctionInvoker invoker,
                          InvocationHistory history, PollerObserver observer, Clock clock,
                          MappingSystemLog systemLog, Duration statusInterval) {
        this.systemLog = systemLog;
        this.statusInterval = statusInterval;
        this.config = config;
        this.consumers = consumers;
        this.invoker = invoker;
        this.history = history;
        this.observer = observer;
        this.clock = clock;
    }

    public PollerConfig config() {
        return config;
    }

    /**
     * Starts pollers until there are {@code count}, or stops the newest ones until there are that many. A stopping
     * poller finishes (and commits) its batch in flight first, so a partition changes hands only between batches.
     * Does nothing once the runtime is closed (the autoscaler may still hold it).
     */
    @Override
    public synchronized void scaleTo(int count) {
        if (closed) {
            return;
        }
        while (pollers.size() < count) {
            int index = nextIndex++;
            Map<String, Object> properties = ConsumerProperties.forPoller(config, index);
            Consumer<byte[], byte[]> consumer = consumers.create(properties);
            MappingPoller poller = new MappingPoller(config, consumer, invoker, history,
                    observerOf(index, consumer, properties), clock);
            Thread thread = new Thread(poller, "esm-" + config.mappingUuid() + "-poller-" + index);
            thread.setDaemon(true);
            pollers.add(new RunningPoller(poller, thread));
            thread.start();
            this.count = pollers.size();
        }
        while (pollers.size() > count) {
            stop(pollers.remove(pollers.size() - 1));
            this.count = pollers.size();
        }
    }

    private PollerObserver observerOf(int index, Consumer<byte[], byte[]> consumer, Map<String, Object> properties) {
        if (systemLog == null) {
            return observer;
        }
        var identity = new SystemLogReporter.PollerIdentity(index,
                String.valueOf(properties.get(ConsumerConfig.CLIENT_ID_CONFIG)), config.topic(), config.groupId(),
                config.clientProperties());
        return new SystemLogReporter(observer, systemLog, identity, consumer, clock, statusInterval);
    }

    @Override
    public int pollerCount() {
        return count;
    }

    @Override
    public synchronized void close() {
        closed = true;
        pollers.forEach(p -> p.poller().requestStop());
        while (!pollers.isEmpty()) {
            stop(pollers.remove(pollers.size() - 1));
        }
        count = 0;
        invoker.close();
    }

    private void stop(RunningPoller running) {
        running.poller().requestStop();
        // An invocation in flight finishes (or times out) before its poller can stop.
        Duration patience = config.functionTimeout().plusSeconds(15);
        try {
            if (!running.poller().awaitStopped(patience)) {
                log.warn("Poller thread {} did not stop within {} s", running.thread().getName(), patience.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
