package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.runtime.failure.RetryBackoff;
import io.triggerlab.engine.runtime.report.PollerObserver;
import io.triggerlab.engine.runtime.batch.BatchPolicy;
import io.triggerlab.engine.runtime.payload.EventSource;
import io.triggerlab.engine.observe.history.HistoryRetention;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.history.JdbcInvocationHistory;
import io.triggerlab.engine.infra.store.Database;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A failing poll reports AWS's words for its cause, and the first healthy poll afterwards reports OK again. */
class PollingProblemsTest {

    private static final TopicPartition P0 = new TopicPartition("orders", 0);

    private Database database;
    private MockConsumer<byte[], byte[]> consumer;
    private MappingPoller poller;
    private final List<String> results = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        database = Database.inMemory("problems-" + UUID.randomUUID());
        consumer = new MockConsumer<>("earliest");
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        poller.requestStop();
        poller.awaitStopped(Duration.ofSeconds(10));
        database.close();
    }

    private void start() {
        PollerConfig config = new PollerConfig("00000000-0000-0000-0000-000000000002", "orders", "g",
                new InitialPosition.Earliest(), BatchPolicy.of(10, Duration.ZERO), EventSource.selfManaged("b:9092"),
                Map.of("bootstrap.servers", "b:9092"), Duration.ofSeconds(3), RetryBackoff.DEFAULT);
        poller = new MappingPoller(config, consumer, new ScriptedInvoker(),
                new JdbcInvocationHistory(database.dataSource(), HistoryRetention.defaults()), new Results(), Clock.systemUTC());
        new Thread(poller, "test-poller").start();
    }

    private void failFirstPollWith(org.apache.kafka.common.KafkaException error) {
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0));
            consumer.updateBeginningOffsets(Map.of(P0, 0L));
        });
        consumer.setPollException(error);
    }

    @Test
    void reportsSaslAuthenticationFailed_thenOk_whenPollingRecovers() {
        failFirstPollWith(new SaslAuthenticationException("Authentication failed during authentication due to "
                + "invalid credentials with SASL mechanism SCRAM-SHA-512"));
        start();
        await().untilAsserted(() -> assertThat(results).containsExactly("PROBLEM: SASL authentication failed.", "OK"));
    }

    @Test
    void reportsClusterFailedToAuthorize_forAMissingGroupAcl() {
        failFirstPollWith(new GroupAuthorizationException("Not authorized to access group: g"));
        start();
        await().untilAsserted(() -> assertThat(results).startsWith("PROBLEM: Cluster failed to authorize Lambda."));
    }

    private final class Results implements PollerObserver {
        @Override public void polled(int records, long bytes) { }
        @Override public void invoked(InvocationRecord record) { }
        @Override public void committed(Map<TopicPartition, OffsetAndMetadata> offsets, int records) { }
        @Override public void processingResult(String lastProcessingResult) { results.add(lastProcessingResult); }
        @Override public void pollingError(Exception error) { }
        @Override public void commitError(Exception error) { }
        @Override public void assignmentChanged(Set<TopicPartition> assignment) { }
    }
}
