package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.runtime.failure.RetryBackoff;
import io.triggerlab.engine.runtime.report.PollerObserver;
import io.triggerlab.engine.runtime.batch.BatchPolicy;
import io.triggerlab.engine.runtime.payload.EventSource;
import io.triggerlab.engine.observe.history.HistoryQuery;
import io.triggerlab.engine.observe.history.HistoryRetention;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.observe.history.JdbcInvocationHistory;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MappingPollerTest {

    private static final String TOPIC = "orders";
    private static final String MAPPING = "00000000-0000-0000-0000-000000000001";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private Database database;
    private JdbcInvocationHistory history;
    private MockConsumer<byte[], byte[]> consumer;
    private Thread thread;
    private MappingPoller poller;

    @BeforeEach
    void setUp() {
        database = Database.inMemory("poller-" + UUID.randomUUID());
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

    private void start(ScriptedInvoker invoker, int batchSize) {
        PollerConfig config = new PollerConfig(MAPPING, TOPIC, "g1",
                new InitialPosition.Earliest(), BatchPolicy.of(batchSize, Duration.ZERO),
                EventSource.selfManaged("localhost:9092"), Map.of("bootstrap.servers", "localhost:9092"),
                Duration.ofSeconds(3), new RetryBackoff(Duration.ZERO, Duration.ZERO));
        poller = new MappingPoller(config, consumer, invoker, history, PollerObserver.NONE, Clock.systemUTC());
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0, P1));
            Map<TopicPartition, Long> begin = new HashMap<>();
            begin.put(P0, 0L);
            begin.put(P1, 0L);
            consumer.updateBeginningOffsets(begin);
            consumer.seek(P0, 0);
            consumer.seek(P1, 0);
        });
        thread = new Thread(poller, "test-poller");
        thread.start();
    }

    /** Makes the records available together, to the same poll. */
    private void produce(TopicPartition tp, long firstOffset, String... values) {
        consumer.schedulePollTask(() -> {
            for (int i = 0; i < values.length; i++) {
                consumer.addRecord(new ConsumerRecord<>(tp.topic(), tp.partition(), firstOffset + i, null, values[i].getBytes()));
            }
        });
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() {
        return consumer.committed(Set.of(P0, P1));
    }

    @Test
    void commitsOffsetPlusOne_afterTheFunctionSucceeds() {
        ScriptedInvoker invoker = new ScriptedInvoker();
        start(invoker, 10);
        produce(P0, 0, "a", "b");
        produce(P1, 0, "c");

        await().untilAsserted(() -> {
            // Each partition's commit may come with another poll: wait for both, an absent one is not yet a failure.
            assertThat(committed().get(P0)).isNotNull();
            assertThat(committed().get(P1)).isNotNull();
            assertThat(committed().get(P0).offset()).isEqualTo(2);
            assertThat(committed().get(P1).offset()).isEqualTo(1);
        });
        assertThat(history.list(HistoryQuery.ofMapping(MAPPING, 100)))
                .allMatch(s -> s.outcome() == InvocationOutcome.SUCCESS);
    }

    @Test
    void retriesTheSameBatch_andCommitsOnlyAfterSuccess_whenTheFunctionFailsTwice() {
        ScriptedInvoker invoker = new ScriptedInvoker().thenFail(2);
        start(invoker, 10);
        produce(P0, 0, "a", "b");

        await().until(() -> invoker.payloads().size() >= 3);
        await().untilAsserted(() -> assertThat(committed().get(P0)).isNotNull());
        assertThat(invoker.payloads().get(1)).isEqualTo(invoker.payloads().get(0));
        assertThat(invoker.payloads().get(2)).isEqualTo(invoker.payloads().get(0));
        assertThat(committed().get(P0).offset()).isEqualTo(2);

        List<InvocationSummary> attempts = history.list(HistoryQuery.ofMapping(MAPPING, 100));
        assertThat(attempts).extracting(InvocationSummary::outcome).containsExactly(
                InvocationOutcome.SUCCESS, InvocationOutcome.FUNCTION_ERROR, InvocationOutcome.FUNCTION_ERROR);
        assertThat(attempts).extracting(InvocationSummary::attempt).containsExactly(3, 2, 1);
        assertThat(attempts).extracting(InvocationSummary::batchId).containsOnly(attempts.get(0).batchId());
    }

    @Test
    void commitsNothing_whileTheFunctionKeepsFailing() {
        ScriptedInvoker invoker = new ScriptedInvoker().failUntilFixed();
        start(invoker, 10);
        produce(P0, 0, "a");

        await().until(() -> invoker.payloads().size() >= 20);
        assertThat(committed().get(P0)).isNull();
        assertThat(poller.state()).isIn(MappingPoller.RunState.INVOKING, MappingPoller.RunState.RETRYING);
    }

    @Test
    void dropsRecordsThatFellOutOfTheLog_whileTheirBatchWasRetried_andMovesOn() {
        ScriptedInvoker invoker = new ScriptedInvoker().failUntilFixed();
        start(invoker, 10);
        produce(P0, 0, "a", "b", "c");
        await().until(() -> invoker.payloads().size() >= 2);

        // Retention removes offsets 0 and 1 while the batch is failing; the function is then fixed.
        consumer.schedulePollTask(() -> consumer.updateBeginningOffsets(Map.of(P0, 2L)));
        await().until(() -> !history.list(HistoryQuery.ofMapping(MAPPING, 1)
                .withOutcome(InvocationOutcome.RECORDS_EXPIRED)).isEmpty());
        invoker.succeedFromNowOn();

        await().untilAsserted(() -> assertThat(committed().get(P0)).isNotNull()
                .extracting(OffsetAndMetadata::offset).isEqualTo(3L));
        InvocationSummary expired = history.list(HistoryQuery.ofMapping(MAPPING, 100).withOutcome(InvocationOutcome.RECORDS_EXPIRED)).get(0);
        assertThat(expired.partitions()).singleElement().satisfies(range -> {
            assertThat(range.firstOffset()).isZero();
            assertThat(range.lastOffset()).isEqualTo(1);
        });
        byte[] last = invoker.payloads().get(invoker.payloads().size() - 1);
        assertThat(new String(last)).contains("\"offset\":2").doesNotContain("\"offset\":0").doesNotContain("\"offset\":1");
    }
}
