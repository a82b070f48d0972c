package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.infra.store.Database;
import io.triggerlab.engine.invoke.FunctionInvoker;
import io.triggerlab.engine.observe.history.HistoryRetention;
import io.triggerlab.engine.observe.history.JdbcInvocationHistory;
import io.triggerlab.engine.runtime.batch.BatchPolicy;
import io.triggerlab.engine.runtime.failure.RetryBackoff;
import io.triggerlab.engine.runtime.payload.EventSource;
import io.triggerlab.engine.runtime.report.PollerObserver;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A started poller for tests that step its loop: a {@link MockConsumer} owning one partition read from offset 0,
 * BatchSize 2 with a 500 ms window under a fixed clock (so only a full batch is ever ready), no retry backoff.
 */
final class SteppedPollers {

    static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private SteppedPollers() {
    }

    static MappingPoller started(String mapping, TopicPartition partition, MockConsumer<byte[], byte[]> consumer,
                                 FunctionInvoker invoker, Database database, PollerObserver observer,
                                 AttemptWorker worker) {
        PollerConfig config = new PollerConfig(mapping, partition.topic(), "g1", new InitialPosition.Earliest(),
                BatchPolicy.of(2, Duration.ofMillis(500)), EventSource.selfManaged("localhost:9092"),
                Map.of("bootstrap.servers", "localhost:9092"), Duration.ofSeconds(3),
                new RetryBackoff(Duration.ZERO, Duration.ZERO));
        MappingPoller poller = new MappingPoller(config, consumer, invoker,
                new JdbcInvocationHistory(database.dataSource(), HistoryRetention.defaults()), observer, FIXED, worker);
        poller.start();
        consumer.rebalance(List.of(partition));
        consumer.updateBeginningOffsets(Map.of(partition, 0L));
        consumer.seek(partition, 0);
        return poller;
    }
}
