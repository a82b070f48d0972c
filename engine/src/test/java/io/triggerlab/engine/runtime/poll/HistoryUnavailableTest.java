package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.runtime.failure.RetryBackoff;
import io.triggerlab.engine.runtime.report.AttemptRecorder;
import io.triggerlab.engine.runtime.report.PollerObserver;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.triggerlab.engine.runtime.batch.BatchPolicy;
import io.triggerlab.engine.runtime.payload.EventSource;
import io.triggerlab.engine.observe.history.HistoryQuery;
import io.triggerlab.engine.observe.history.HistoryRetention;
import io.triggerlab.engine.observe.history.HistoryStats;
import io.triggerlab.engine.observe.history.HistoryStoreException;
import io.triggerlab.engine.observe.history.InvocationHistory;
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
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A history that cannot be written (the disk is full) must not stop delivery: the poller keeps invoking and committing,
 * says so in the log and to its observer, and records again once the history recovers.
 */
class HistoryUnavailableTest {

    private static final String TOPIC = "orders";
    private static final String MAPPING = "00000000-0000-0000-0000-0000000000fd";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

    private Database database;
    private FullDiskHistory history;
    private MockConsumer<byte[], byte[]> consumer;
    private MappingPoller poller;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger recorderLog = (Logger) LoggerFactory.getLogger(AttemptRecorder.class);
    private final AtomicInteger reported = new AtomicInteger();

    /** The real H2 history, whose appends fail like a full disk while {@link #full} is set. */
    private static final class FullDiskHistory implements InvocationHistory {
        private final InvocationHistory real;
        volatile boolean full = true;

        FullDiskHistory(InvocationHistory real) {
            this.real = real;
        }

        @Override
        public InvocationRecord append(InvocationRecord invocation) {
            if (full) {
                throw new HistoryStoreException("Cannot append invocation " + invocation.requestId(),
                        new SQLException("No space left on device", "HY000"));
            }
            return real.append(invocation);
        }

        @Override public List<InvocationSummary> list(HistoryQuery query) { return real.list(query); }
        @Override public Optional<InvocationRecord> get(long id) { return real.get(id); }
        @Override public List<InvocationSummary> attemptsOf(String batchId) { return real.attemptsOf(batchId); }
        @Override public long count(String mappingUuid) { return real.count(mappingUuid); }
        @Override public int deleteMapping(String mappingUuid) { return real.deleteMapping(mappingUuid); }
        @Override public HistoryStats stats() { return real.stats(); }
    }

    @BeforeEach
    void setUp() {
        database = Database.inMemory("history-full-" + UUID.randomUUID());
        history = new FullDiskHistory(new JdbcInvocationHistory(database.dataSource(), HistoryRetention.defaults()));
        consumer = new MockConsumer<>("earliest");
        logs.start();
        recorderLog.addAppender(logs);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        poller.requestStop();
        poller.awaitStopped(Duration.ofSeconds(10));
        recorderLog.detachAppender(logs);
        database.close();
    }

    private void start(ScriptedInvoker invoker) {
        PollerConfig config = new PollerConfig(MAPPING, TOPIC, "g1", new InitialPosition.Earliest(),
                BatchPolicy.of(2, Duration.ZERO), EventSource.selfManaged("localhost:9092"),
                Map.of("bootstrap.servers", "localhost:9092"), Duration.ofSeconds(3),
                new RetryBackoff(Duration.ZERO, Duration.ZERO));
        PollerObserver observer = new PollerObserver() {
            @Override public void polled(int records, long bytes) { }
            @Override public void invoked(InvocationRecord record) { }
            @Override public void committed(Map<TopicPartition, OffsetAndMetadata> offsets, int records) { }
            @Override public void processingResult(String lastProcessingResult) { }
            @Override public void pollingError(Exception error) { }
            @Override public void commitError(Exception error) { }
            @Override public void assignmentChanged(Set<TopicPartition> assignment) { }
            @Override public void historyUnavailable(Exception error) {
                reported.incrementAndGet();
            }
        };
        poller = new MappingPoller(config, consumer, invoker, history, observer, Clock.systemUTC());
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0));
            consumer.updateBeginningOffsets(Map.of(P0, 0L));
            consumer.seek(P0, 0);
        });
        new Thread(poller, "test-poller-history-full").start();
    }

    private void produce(long firstOffset, String... values) {
        consumer.schedulePollTask(() -> {
            for (int i = 0; i < values.length; i++) {
                consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, firstOffset + i, null, values[i].getBytes()));
            }
        });
    }

    private long committed() {
        OffsetAndMetadata offset = consumer.committed(Set.of(P0)).get(P0);
        return offset == null ? -1 : offset.offset();
    }

    @Test
    void deliversAndCommitsEachBatchOnce_andSaysSo_whileTheHistoryCannotBeWritten() {
        ScriptedInvoker invoker = new ScriptedInvoker();
        start(invoker);
        produce(0, "a", "b", "c", "d");

        await().until(() -> committed() == 4);
        assertThat(invoker.payloads()).as("each batch delivered once, not retried because of the history")
                .hasSize(2);
        assertThat(history.count(MAPPING)).isZero();
        assertThat(reported.get()).isEqualTo(2);
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                .extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("The invocation history cannot be written (io.triggerlab.engine.observe.history.HistoryStoreException")
                .contains("1 attempt(s) of mapping " + MAPPING + " not recorded so far")
                .contains("Delivery and offset commits go on. Free disk space in the data directory");
    }

    @Test
    void recordsAgain_andSaysSo_onceTheHistoryRecovers() {
        ScriptedInvoker invoker = new ScriptedInvoker();
        start(invoker);
        produce(0, "a", "b");
        await().until(() -> committed() == 2);

        history.full = false;
        produce(2, "c", "d");

        await().until(() -> committed() == 4);
        await().until(() -> history.count(MAPPING) == 1);
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.INFO)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("The invocation history of mapping " + MAPPING + " is written again; 1 attempt(s)"
                        + " before this one were not recorded");
    }
}
