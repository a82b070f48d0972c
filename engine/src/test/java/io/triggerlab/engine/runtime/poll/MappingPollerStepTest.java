package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.infra.store.Database;
import io.triggerlab.engine.runtime.poll.MappingPoller.RunState;
import io.triggerlab.engine.runtime.report.PollerObserver;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poll loop one iteration at a time: {@link MappingPoller#runOnce()} called by the test on its own thread, against
 * Kafka's {@link MockConsumer} and a fixed clock, so each step's effect is asserted before the next one runs. Attempts
 * run on the caller's thread here; {@link MappingPollerPipelineTest} covers the worker thread.
 */
class MappingPollerStepTest {

    private static final String TOPIC = "orders";
    private static final String MAPPING = "00000000-0000-0000-0000-000000000002";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

    private Database database;
    private MockConsumer<byte[], byte[]> consumer;
    private ScriptedInvoker invoker;
    private MappingPoller poller;

    @BeforeEach
    void setUp() {
        database = Database.inMemory("poller-step-" + UUID.randomUUID());
        consumer = new MockConsumer<>("earliest");
        invoker = new ScriptedInvoker();
        poller = SteppedPollers.started(MAPPING, P0, consumer, invoker, database, PollerObserver.NONE,
                AttemptWorker.onCallerThread());
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private void produce(long offset, String value) {
        consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, null, value.getBytes()));
    }

    private OffsetAndMetadata committed() {
        return consumer.committed(Set.of(P0)).get(P0);
    }

    @Test
    void pollAssemblesAFullBatch_thenOneIterationInvokesAndCommits() {
        produce(0, "a");
        assertThat(poller.runOnce()).as("one record of two: the batch waits for its window").isEqualTo(RunState.POLLING);
        produce(1, "b");
        assertThat(poller.runOnce()).as("a full batch is ready").isEqualTo(RunState.INVOKING);
        assertThat(invoker.payloads()).isEmpty();
        assertThat(committed()).isNull();

        assertThat(poller.runOnce()).isEqualTo(RunState.POLLING);

        assertThat(invoker.payloads()).hasSize(1);
        assertThat(new String(invoker.payloads().get(0))).contains("\"offset\":0").contains("\"offset\":1");
        assertThat(committed().offset()).isEqualTo(2);
        assertThat(consumer.paused()).isEmpty();
    }

    @Test
    void failedBatch_pausesEveryPartition_andRetriesTheSameBytes_beforeCommitting() {
        invoker.thenFail(1);
        produce(0, "a");
        produce(1, "b");
        assertThat(poller.runOnce()).isEqualTo(RunState.INVOKING);

        assertThat(poller.runOnce()).as("the function failed").isEqualTo(RunState.RETRYING);
        assertThat(consumer.paused()).containsExactly(P0);
        assertThat(committed()).isNull();

        produce(2, "c");
        assertThat(poller.runOnce()).as("a poll keeps the group membership; the paused partition returns nothing")
                .isEqualTo(RunState.RETRYING);
        assertThat(poller.runOnce()).as("the backoff (zero) is over").isEqualTo(RunState.INVOKING);
        assertThat(invoker.payloads()).hasSize(1);

        assertThat(poller.runOnce()).isEqualTo(RunState.POLLING);
        assertThat(invoker.payloads()).hasSize(2);
        assertThat(invoker.payloads().get(1)).isEqualTo(invoker.payloads().get(0));
        assertThat(committed().offset()).isEqualTo(2);
        assertThat(consumer.paused()).as("resumed once the batch is done").isEmpty();
    }

    @Test
    void stopWakesTheConsumer_soAPollInProgressEnds_andTheLoopStops() {
        produce(0, "a");
        // The stop arrives while the poller's thread is inside poll(): the consumer is woken and the poll throws.
        consumer.schedulePollTask(poller::requestStop);

        assertThat(poller.runOnce()).isEqualTo(RunState.STOPPING);
        assertThat(poller.runOnce()).isEqualTo(RunState.STOPPING);
        assertThat(invoker.payloads()).isEmpty();
        assertThat(committed()).isNull();
    }

    @Test
    void stopBetweenIterations_sendsNothingMore_andClosesTheConsumer() {
        produce(0, "a");
        produce(1, "b");
        assertThat(poller.runOnce()).isEqualTo(RunState.INVOKING);
        poller.requestStop();

        assertThat(poller.runOnce()).isEqualTo(RunState.STOPPING);
        assertThat(invoker.payloads()).as("the batch was not sent: it is polled again after a restart").isEmpty();
        assertThat(committed()).isNull();
        poller.stop();

        assertThat(poller.state()).isEqualTo(RunState.STOPPED);
        assertThat(consumer.closed()).isTrue();
    }
}
