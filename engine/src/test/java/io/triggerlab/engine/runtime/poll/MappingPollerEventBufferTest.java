package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.runtime.failure.RetryBackoff;
import io.triggerlab.engine.runtime.report.PollerObserver;
import io.triggerlab.engine.runtime.batch.BatchPolicy;
import io.triggerlab.engine.runtime.payload.EventSource;
import io.triggerlab.engine.runtime.payload.KafkaEventWriter;
import io.triggerlab.engine.observe.history.HistoryQuery;
import io.triggerlab.engine.observe.history.HistoryRetention;
import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.observe.history.JdbcInvocationHistory;
import io.triggerlab.engine.invoke.EventPayload;
import io.triggerlab.engine.invoke.FunctionInvoker;
import io.triggerlab.engine.invoke.InvocationRequest;
import io.triggerlab.engine.invoke.InvocationResult;
import io.triggerlab.engine.infra.store.Database;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The poller builds every event into one reused buffer: each invocation and each kept history body stays right. */
class MappingPollerEventBufferTest {

    private static final String TOPIC = "orders";
    private static final String MAPPING = "00000000-0000-0000-0000-000000000002";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final EventSource SOURCE = EventSource.selfManaged("localhost:9092");

    private Database database;
    private JdbcInvocationHistory history;
    private MockConsumer<byte[], byte[]> consumer;
    private MappingPoller poller;

    @BeforeEach
    void setUp() {
        database = Database.inMemory("buffer-" + UUID.randomUUID());
        history = new JdbcInvocationHistory(database.dataSource(), HistoryRetention.defaults());
        consumer = new MockConsumer<>("earliest");
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (poller != null) {
            poller.requestStop();
            poller.awaitStopped(Duration.ofSeconds(10));
        }
        database.close();
    }

    @Test
    void deliversEachBatchsOwnBytes_andKeepsTheFirstInTheHistory_whenTheSecondBatchIsShorter() {
        CapturingInvoker invoker = new CapturingInvoker();
        start(invoker);
        // Over 256 KB, so the history keeps the first body on its background writer, after the call returned.
        List<ConsumerRecord<byte[], byte[]>> first = records(0, "a-long-first-value-".repeat(16_000), "second", "third");
        List<ConsumerRecord<byte[], byte[]>> second = records(3, "x");
        produce(first);
        await().until(() -> invoker.copies.size() == 1);
        produce(second);
        await().untilAsserted(() -> assertThat(consumer.committed(java.util.Set.of(P0)).get(P0))
                .extracting(OffsetAndMetadata::offset).isEqualTo(4L));

        KafkaEventWriter writer = new KafkaEventWriter(SOURCE);
        assertThat(invoker.copies).containsExactly(writer.write(first), writer.write(second));
        List<InvocationSummary> rows = history.list(HistoryQuery.ofMapping(MAPPING, 10));
        assertThat(rows).hasSize(2);
        InvocationSummary older = rows.get(1);
        assertThat(older.payloadBytes()).isEqualTo(writer.write(first).length);
        await().untilAsserted(() -> assertThat(history.get(older.id()).orElseThrow().payload())
                .isEqualTo(writer.write(first)));
        assertThat(history.get(rows.get(0).id()).orElseThrow().payload()).isEqualTo(writer.write(second));
    }

    @Test
    void leavesATimedOutFunctionItsEvent_whileTheNextEventsAreBuilt() {
        CapturingInvoker invoker = new CapturingInvoker();
        invoker.script.add(new InvocationResult.TimedOut("Task timed out after 3.00 seconds", "", Duration.ofSeconds(3)));
        start(invoker);
        List<ConsumerRecord<byte[], byte[]>> first = records(0, "first-value-".repeat(40));
        produce(first);
        await().until(() -> invoker.copies.size() == 2); // timed out, then retried and succeeded
        produce(records(1, "y"));
        await().until(() -> invoker.copies.size() == 3);

        // The view handed to the timed-out call still shows its event: the poller built the next ones elsewhere.
        assertThat(invoker.views.get(0).copy()).isEqualTo(new KafkaEventWriter(SOURCE).write(first));
    }

    private void start(FunctionInvoker invoker) {
        PollerConfig config = new PollerConfig(MAPPING, TOPIC, "g1", new InitialPosition.Earliest(),
                BatchPolicy.of(10, Duration.ZERO), SOURCE, Map.of("bootstrap.servers", "localhost:9092"),
                Duration.ofSeconds(3), new RetryBackoff(Duration.ZERO, Duration.ZERO));
        poller = new MappingPoller(config, consumer, invoker, history, PollerObserver.NONE, Clock.systemUTC());
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0));
            consumer.updateBeginningOffsets(Map.of(P0, 0L));
            consumer.seek(P0, 0);
        });
        new Thread(poller, "test-poller").start();
    }

    private static List<ConsumerRecord<byte[], byte[]>> records(long firstOffset, String... values) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord<>(TOPIC, 0, firstOffset + i, null, values[i].getBytes()));
        }
        return records;
    }

    /** Makes the records available together, to the same poll. */
    private void produce(List<ConsumerRecord<byte[], byte[]>> records) {
        consumer.schedulePollTask(() -> records.forEach(consumer::addRecord));
    }

    /** Keeps a copy of each event as it was during the call, and the view itself. */
    private static final class CapturingInvoker implements FunctionInvoker {
        final List<byte[]> copies = new CopyOnWriteArrayList<>();
        final List<EventPayload> views = new CopyOnWriteArrayList<>();
        final Deque<InvocationResult> script = new ArrayDeque<>();

        @Override
        public synchronized InvocationResult invoke(InvocationRequest request) {
            copies.add(request.payload().copy());
            views.add(request.payload());
            InvocationResult next = script.poll();
            return next != null ? next : new InvocationResult.Success("null".getBytes(), "$LATEST", "", Duration.ofMillis(1));
        }

        @Override
        public void close() {
        }
    }
}
