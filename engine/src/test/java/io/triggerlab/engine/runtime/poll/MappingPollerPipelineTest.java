package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.infra.store.Database;
import io.triggerlab.engine.invoke.FunctionInvoker;
import io.triggerlab.engine.invoke.InvocationRequest;
import io.triggerlab.engine.invoke.InvocationResult;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.runtime.poll.MappingPoller.RunState;
import io.triggerlab.engine.runtime.report.PollerObserver;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The poll loop with its attempts on the worker thread (docs/adr/0012): while an invocation runs, the poll thread polls
 * on and the next batch is assembled; nothing is committed before the function returned, and the next batch of the
 * partition is sent only after the previous one settled.
 */
class MappingPollerPipelineTest {

    private static final String TOPIC = "orders";
    private static final String MAPPING = "00000000-0000-0000-0000-000000000003";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

    private Database database;
    private MockConsumer<byte[], byte[]> consumer;
    private final HeldInvoker invoker = new HeldInvoker();
    private final AtomicInteger polled = new AtomicInteger();
    private final AtomicLong committedOnStop = new AtomicLong(-1);
    private MappingPoller poller;

    @BeforeEach
    void setUp() {
        database = Database.inMemory("poller-pipeline-" + UUID.randomUUID());
        consumer = new MockConsumer<>("earliest");
        poller = SteppedPollers.started(MAPPING, P0, consumer, invoker, database, new CountingPolls(), AttemptWorker.onOwnThread());
    }

    @AfterEach
    void tearDown() {
        invoker.release();
        if (poller.state() != RunState.STOPPED) {
            poller.stop();
        }
        database.close();
    }

    private void produce(long offset) {
        consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, null, ("v" + offset).getBytes()));
    }

    private OffsetAndMetadata committed() {
        return consumer.committed(Set.of(P0)).get(P0);
    }

    @Test
    void whileTheFunctionRuns_theNextBatchIsPolled_butNeitherSentNorCommittedBeforeTheFirstReturns() {
        produce(0);
        produce(1);
        assertThat(poller.runOnce()).isEqualTo(RunState.INVOKING);
        assertThat(poller.runOnce()).as("sent to the worker; the function holds it").isEqualTo(RunState.INVOKING);
        await().atMost(10, TimeUnit.SECONDS).until(() -> invoker.entered() == 1);

        produce(2);
        produce(3);
        await().atMost(10, TimeUnit.SECONDS).until(() -> {
            poller.runOnce();
            return polled.get() == 4;
        });
        assertThat(poller.state()).as("still waiting for the first invocation").isEqualTo(RunState.INVOKING);
        assertThat(invoker.entered()).as("the second batch waits for the first").isEqualTo(1);
        assertThat(committed()).as("nothing is committed while the function runs").isNull();
        assertThat(invoker.threads().get(0)).as("built and sent on the poller's worker").endsWith("-send");

        invoker.release();
        await().atMost(10, TimeUnit.SECONDS).until(() -> poller.runOnce() == RunState.POLLING);
        assertThat(committed().offset()).isEqualTo(2);

        await().atMost(10, TimeUnit.SECONDS).until(() -> poller.runOnce() == RunState.POLLING && invoker.entered() == 2);
        assertThat(new String(invoker.payloads().get(1))).contains("\"offset\":2").contains("\"offset\":3")
                .doesNotContain("\"offset\":1");
        assertThat(committed().offset()).isEqualTo(4);
    }

    @Test
    void stopWhileTheFunctionRuns_waitsForIt_andCommitsWhatItDelivered() {
        produce(0);
        produce(1);
        poller.runOnce();
        poller.runOnce();
        await().atMost(10, TimeUnit.SECONDS).until(() -> invoker.entered() == 1);
        poller.requestStop();
        assertThat(poller.runOnce()).isEqualTo(RunState.STOPPING);

        invoker.release();
        poller.stop();

        assertThat(committedOnStop.get()).as("the invocation succeeded, so the stop committed it").isEqualTo(2);
        assertThat(consumer.closed()).isTrue();
    }

    /** Succeeds, but only once released; records what it got and on which thread. */
    private static final class HeldInvoker implements FunctionInvoker {
        private final CountDownLatch gate = new CountDownLatch(1);
        private final List<byte[]> payloads = new CopyOnWriteArrayList<>();
        private final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public InvocationResult invoke(InvocationRequest request) {
            payloads.add(request.payload().copy());
            threads.add(Thread.currentThread().getName());
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new InvocationResult.Success("null".getBytes(), "$LATEST", "", Duration.ofMillis(1));
        }

        void release() {
            gate.countDown();
        }

        int entered() {
            return payloads.size();
        }

        List<byte[]> payloads() {
            return payloads;
        }

        List<String> threads() {
            return threads;
        }

        @Override
        public void close() {
        }
    }

    private final class CountingPolls implements PollerObserver {
        @Override public void polled(int records, long bytes) {
            polled.addAndGet(records);
        }
        @Override public void invoked(InvocationRecord record) { }
        @Override public void committed(Map<TopicPartition, OffsetAndMetadata> offsets, int records) {
            OffsetAndMetadata p0 = offsets.get(P0);
            if (p0 != null) {
                committedOnStop.set(p0.offset());
            }
        }
        @Override public void processingResult(String lastProcessingResult) { }
        @Override public void pollingError(Exception error) { }
        @Override public void commitError(Exception error) { }
        @Override public void assignmentChanged(Set<TopicPartition> assignment) { }
    }
}
