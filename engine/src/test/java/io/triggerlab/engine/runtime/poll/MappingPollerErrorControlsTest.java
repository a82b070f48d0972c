package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.runtime.failure.DeliveryRules;
import io.triggerlab.engine.runtime.failure.RetryBackoff;
import io.triggerlab.engine.runtime.report.PollerObserver;
import io.triggerlab.engine.runtime.batch.BatchPolicy;
import io.triggerlab.engine.runtime.payload.EventSource;
import io.triggerlab.engine.runtime.filter.RecordFilter;
import io.triggerlab.engine.observe.history.HistoryQuery;
import io.triggerlab.engine.observe.history.HistoryRetention;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The poller's filtering and give-up paths against Kafka's MockConsumer, with exact observer counts. */
class MappingPollerErrorControlsTest {

    private static final String UUID_1 = "00000000-0000-0000-0000-000000000002";
    private static final TopicPartition P0 = new TopicPartition("orders", 0);

    private final AtomicInteger filteredOut = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private Database database;
    private JdbcInvocationHistory history;
    private MockConsumer<byte[], byte[]> consumer;
    private MappingPoller poller;

    private final PollerObserver counting = new PollerObserver() {
        @Override public void polled(int records, long bytes) { }
        @Override public void invoked(InvocationRecord record) { }
        @Override public void committed(Map<TopicPartition, OffsetAndMetadata> offsets, int records) { }
        @Override public void processingResult(String lastProcessingResult) { }
        @Override public void pollingError(Exception error) { }
        @Override public void commitError(Exception error) { }
        @Override public void assignmentChanged(Set<TopicPartition> assignment) { }
        @Override public void filteredOut(int records) { filteredOut.addAndGet(records); }
        @Override public void dropped(int records) { dropped.addAndGet(records); }
        @Override public void sentToDestination(int records) { sent.addAndGet(records); }
    };

    @BeforeEach
    void setUp() {
        database = Database.inMemory("poller-ec-" + UUID.randomUUID());
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

    private void start(ScriptedInvoker invoker, DeliveryRules rules, String... values) {
        PollerConfig config = new PollerConfig(UUID_1, "orders", "g1", new InitialPosition.Earliest(),
                BatchPolicy.of(10, Duration.ZERO), EventSource.selfManaged("localhost:9092"),
                Map.of("bootstrap.servers", "localhost:9092"), Duration.ofSeconds(3),
                new RetryBackoff(Duration.ZERO, Duration.ZERO), rules);
        poller = new MappingPoller(config, consumer, invoker, history, counting, Clock.systemUTC());
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0));
            consumer.updateBeginningOffsets(Map.of(P0, 0L));
            consumer.seek(P0, 0);
            for (int i = 0; i < values.length; i++) {
                consumer.addRecord(new ConsumerRecord<>("orders", 0, i, null, values[i].getBytes()));
            }
        });
        new Thread(poller, "test-poller").start();
    }

    private long committed() {
        OffsetAndMetadata offset = consumer.committed(Set.of(P0)).get(P0);
        return offset == null ? -1 : offset.offset();
    }

    private List<InvocationOutcome> outcomes() {
        return history.list(HistoryQuery.ofMapping(UUID_1, 100)).stream().map(InvocationSummary::outcome).toList();
    }

    @Test
    void countsFilteredOutRecords_andCommitsPastThem_withTheInvoke() {
        ScriptedInvoker invoker = new ScriptedInvoker();
        start(invoker, DeliveryRules.of(RecordFilter.of(List.of("{\"value\":[\"keep\"]}")), -1, -1, false, false, null, null),
                "keep", "drop", "keep", "drop");

        await().until(() -> committed() == 4);
        assertThat(filteredOut.get()).isEqualTo(2);
        assertThat(invoker.payloads()).hasSize(1);
        assertThat(new String(invoker.payloads().get(0))).contains("\"offset\":0,").contains("\"offset\":2,")
                .doesNotContain("\"offset\":1,").doesNotContain("\"offset\":3,");
    }

    @Test
    void countsDroppedRecords_whenRetriesAreUsedUp_withoutADestination() {
        ScriptedInvoker invoker = new ScriptedInvoker().thenFail(2);
        start(invoker, DeliveryRules.of(RecordFilter.NONE, 1, -1, false, false, null, null), "a", "b", "c");

        await().until(() -> committed() == 3);
        assertThat(dropped.get()).isEqualTo(3);
        assertThat(sent.get()).isZero();
        assertThat(invoker.payloads()).hasSize(2);
        assertThat(outcomes()).containsExactly(InvocationOutcome.DROPPED, InvocationOutcome.FUNCTION_ERROR,
                InvocationOutcome.FUNCTION_ERROR);
    }

    @Test
    void countsRecordsSentToTheDestination_andDropsNone() {
        ScriptedInvoker invoker = new ScriptedInvoker().thenFail(1);
        start(invoker, DeliveryRules.of(RecordFilter.NONE, 0, -1, false, false,
                "arn:aws:sns:us-east-1:123456789012:failures", "arn:aws:lambda:us-east-1:123456789012:function:fn"),
                "a", "b");

        await().until(() -> committed() == 2);
        assertThat(sent.get()).isEqualTo(2);
        assertThat(dropped.get()).isZero();
        assertThat(outcomes()).containsExactly(InvocationOutcome.SENT_TO_DESTINATION, InvocationOutcome.FUNCTION_ERROR);
    }
}
