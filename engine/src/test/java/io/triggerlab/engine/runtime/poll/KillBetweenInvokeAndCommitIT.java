package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.infra.store.Database;
import io.triggerlab.engine.invoke.FunctionInvoker;
import io.triggerlab.engine.invoke.InvocationRequest;
import io.triggerlab.engine.invoke.InvocationResult;
import io.triggerlab.engine.observe.history.HistoryRetention;
import io.triggerlab.engine.observe.history.JdbcInvocationHistory;
import io.triggerlab.engine.runtime.batch.BatchPolicy;
import io.triggerlab.engine.runtime.failure.RetryBackoff;
import io.triggerlab.engine.runtime.payload.EventSource;
import io.triggerlab.engine.runtime.report.PollerObserver;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With asynchronous commits there is a window after the function succeeded in which the commit has not reached the
 * broker. An engine that dies in it loses nothing: the next owner of the partition starts at the last commit that
 * landed and delivers the batch again (at-least-once). The first engine is driven step by step on the real broker and
 * "killed" at that exact point — its commit never leaves it, it takes no further step — then a second one takes over
 * the group and the test counts what it delivers again.
 */
@ExtendWith(SharedKafkaBroker.class)
class KillBetweenInvokeAndCommitIT {

    private static final Pattern OFFSET = Pattern.compile("\"offset\":(\\d+)");
    private static final int RECORDS = 30;
    private static final int BATCH = 10;

    private final EmbeddedKafkaBroker broker;
    private final Database database = Database.inMemory("kill-commit-" + UUID.randomUUID());
    private final List<AutoCloseable> toClose = new ArrayList<>();

    KillBetweenInvokeAndCommitIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        database.close();
    }

    /** A function that succeeds and notes the offsets of every event it gets. */
    private static final class OffsetsSeen implements FunctionInvoker {
        final List<List<Long>> batches = new CopyOnWriteArrayList<>();
        volatile Runnable afterEachSuccess = () -> { };

        @Override
        public InvocationResult invoke(InvocationRequest request) {
            Matcher m = OFFSET.matcher(new String(request.payload().copy(), StandardCharsets.UTF_8));
            List<Long> offsets = new ArrayList<>();
            while (m.find()) {
                offsets.add(Long.parseLong(m.group(1)));
            }
            batches.add(offsets);
            afterEachSuccess.run();
            return new InvocationResult.Success("null".getBytes(), "$LATEST", "", Duration.ofMillis(1));
        }

        List<Long> all() {
            return batches.stream().flatMap(List::stream).toList();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void anEngineKilledAfterASuccessButBeforeItsCommit_losesNothing_andTheBatchIsDeliveredOnceMore() throws Exception {
        String topic = TestTopics.unique("kill-before-commit");
        String group = TestTopics.uniqueGroup("kill-before-commit");
        broker.createTopic(topic, 1);
        produce(topic);
        PollerConfig config = new PollerConfig(UUID.randomUUID().toString(), topic, group, new InitialPosition.Earliest(),
                BatchPolicy.of(BATCH, Duration.ZERO), EventSource.selfManaged(broker.bootstrapServers()),
                Map.of("bootstrap.servers", broker.bootstrapServers()), Duration.ofSeconds(3),
                new RetryBackoff(Duration.ZERO, Duration.ZERO));

        // Engine A: once its second batch succeeded, no commit leaves it any more — it is dying.
        AtomicBoolean dying = new AtomicBoolean();
        KafkaConsumer<byte[], byte[]> consumerA = new KafkaConsumer<>(ConsumerProperties.forPoller(config, 0));
        OffsetsSeen functionA = new OffsetsSeen();
        functionA.afterEachSuccess = () -> dying.set(functionA.batches.size() >= 2);
        MappingPoller engineA = new MappingPoller(config, commitsDroppedOnce(consumerA, dying), functionA, history(),
                PollerObserver.NONE, Clock.systemUTC());
        engineA.start();
        await("engine A delivered two batches").atMost(Duration.ofMinutes(1)).until(() -> {
            engineA.runOnce();
            return functionA.batches.size() >= 2;
        });
        // The kill: engine A takes no further step. Its first commit was sent as that batch succeeded; the second never.
        List<Long> first = functionA.batches.get(0);
        List<Long> second = functionA.batches.get(1);
        long firstCommit = first.get(first.size() - 1) + 1;
        await("engine A's first commit reached the broker").until(() -> committed(group, topic) == firstCommit);
        consumerA.close(Duration.ZERO);
        assertThat(committed(group, topic)).as("only the first batch's commit reached the broker").isEqualTo(firstCommit);
        List<Long> deliveredByA = functionA.all();

        // Engine B takes the partition over.
        OffsetsSeen functionB = new OffsetsSeen();
        MappingPoller engineB = new MappingPoller(config,
                new KafkaConsumer<>(ConsumerProperties.forPoller(config, 1)), functionB, history(), PollerObserver.NONE,
                Clock.systemUTC());
        Thread threadB = new Thread(engineB, "engine-b-poller");
        threadB.start();
        toClose.add(() -> {
            engineB.requestStop();
            engineB.awaitStopped(Duration.ofSeconds(30));
        });
        await("engine B delivered and committed the rest").atMost(Duration.ofMinutes(1))
                .until(() -> committed(group, topic) == RECORDS);

        List<Long> deliveredByB = functionB.all();
        Set<Long> redelivered = new TreeSet<>(deliveredByB);
        redelivered.retainAll(deliveredByA);
        System.out.printf("Kill between invoke and commit: engine A delivered %d, engine B %d, redelivered %d: %s%n",
                deliveredByA.size(), deliveredByB.size(), redelivered.size(), redelivered);
        assertThat(redelivered).as("the batch whose commit never landed, delivered again, exactly")
                .containsExactlyElementsOf(second);
        Set<Long> union = new TreeSet<>(deliveredByA);
        union.addAll(deliveredByB);
        assertThat(union).as("nothing lost").containsExactlyElementsOf(range(0, RECORDS));
        assertThat(deliveredByB).as("in offset order, from the last commit that landed").isSorted()
                .startsWith(firstCommit);
    }

    /** The real consumer, except that commits are dropped once {@code dying} is set. */
    @SuppressWarnings("unchecked")
    private static Consumer<byte[], byte[]> commitsDroppedOnce(Consumer<byte[], byte[]> real, AtomicBoolean dying) {
        return (Consumer<byte[], byte[]>) Proxy.newProxyInstance(KillBetweenInvokeAndCommitIT.class.getClassLoader(),
                new Class<?>[] {Consumer.class}, (proxy, method, args) -> {
                    if (dying.get() && method.getName().startsWith("commit")) {
                        return null;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private JdbcInvocationHistory history() {
        return new JdbcInvocationHistory(database.dataSource(), HistoryRetention.defaults());
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long o = from; o < to; o++) {
            out.add(o);
        }
        return out;
    }

    private void produce(String topic) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, 0, null, ("r" + i).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private long committed(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(topic, 0));
            return offset == null ? -1 : offset.offset();
        }
    }
}
