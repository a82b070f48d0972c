package io.triggerlab.engine.infra.sandbox;

import io.triggerlab.engine.testing.KafkaTestClients;
import io.triggerlab.engine.testing.TestTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Brokers of their own, because these tests stop, restart or break them. */
class EmbeddedKafkaBrokerLifecycleIT {

    @TempDir
    Path dataDirectory;

    @Test
    void failsWithAClearMessageAndLeavesNoThreads_whenItsPortIsTaken() throws Exception {
        Set<Long> threadsBefore = nonDaemonThreadIds();
        try (ServerSocket squatter = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int taken = squatter.getLocalPort();
            BrokerSettings settings = BrokerSettings.inDirectory(dataDirectory).withPort(taken)
                    .withStartupTimeout(Duration.ofSeconds(30));

            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(settings))
                    .isInstanceOf(BrokerStartException.class)
                    .hasMessage("The embedded Kafka broker did not start at 127.0.0.1:" + taken
                            + " (data directory " + dataDirectory.resolve("kraft") + "): port " + taken
                            + " of listener PLAINTEXT is already in use by another process."
                            + " Choose another port, or 0 for any free port.");
        }
        assertNoNewNonDaemonThreads(threadsBefore);
    }

    @Test
    void stopsEverythingItStarted_whenTheStartTimesOut() {
        Set<Long> threadsBefore = nonDaemonThreadIds();
        BrokerSettings settings = BrokerSettings.inDirectory(dataDirectory).withStartupTimeout(Duration.ofMillis(1));

        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(settings))
                .isInstanceOf(BrokerStartException.class)
                .hasMessageStartingWith("The embedded Kafka broker did not start at 127.0.0.1:")
                .hasMessageEndingWith("(data directory " + dataDirectory.resolve("kraft") + "): it was not ready within"
                        + " the startup timeout of 1 ms. The machine may be overloaded; try again or allow a longer"
                        + " startup timeout.");
        assertNoNewNonDaemonThreads(threadsBefore);
    }

    @Test
    void keepsTopicsAndRecords_whenRestartedOnTheSameDirectory() throws Exception {
        long restartNanos;
        String topic = TestTopics.unique("durable");
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(BrokerSettings.inDirectory(dataDirectory))) {
            first.createTopic(topic, 2);
            try (KafkaProducer<String, String> producer = KafkaTestClients.producer(first.bootstrapServers())) {
                producer.send(new ProducerRecord<>(topic, 0, "k0", "before-restart-0")).get(30, TimeUnit.SECONDS);
                producer.send(new ProducerRecord<>(topic, 1, "k1", "before-restart-1")).get(30, TimeUnit.SECONDS);
            }
        }

        restartNanos = System.nanoTime();
        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(BrokerSettings.inDirectory(dataDirectory));
             KafkaConsumer<String, String> consumer =
                     KafkaTestClients.consumer(second.bootstrapServers(), TestTopics.uniqueGroup("durable"))) {
            System.out.println("Embedded broker restart took "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restartNanos) + " ms");
            assertThat(second.topicNames()).contains(topic);
            assertThat(second.partitionCount(topic)).isEqualTo(2);

            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = KafkaTestClients.pollUntil(consumer, 2, Duration.ofSeconds(30));
            assertThat(records).extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("before-restart-0", "before-restart-1");
        }
    }

    @Test
    void stopsAndReleasesItsThreads_whenClosed() {
        Set<Long> threadsBefore = nonDaemonThreadIds();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.inDirectory(dataDirectory));
        broker.createTopic(TestTopics.unique("stop"), 1);
        assertThat(newNonDaemonThreads(threadsBefore)).isNotEmpty();

        long start = System.nanoTime();
        broker.close();
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // Measured, not asserted: wall-clock bounds make tests flaky on a busy machine. The target is under 2 s.
        System.out.println("Embedded broker stop took " + stopMillis + " ms");
        broker.close(); // a second close is a no-op

        assertNoNewNonDaemonThreads(threadsBefore);
    }

    /** A leftover non-daemon thread would keep the JVM (and so the CLI) alive forever. */
    private static void assertNoNewNonDaemonThreads(Set<Long> before) {
        await("non-daemon broker threads to end").atMost(Duration.ofSeconds(10)).pollInSameThread()
                .untilAsserted(() -> assertThat(newNonDaemonThreads(before)).isEmpty());
    }

    private static Set<Long> nonDaemonThreadIds() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon())
                .map(Thread::getId)
                .collect(Collectors.toSet());
    }

    private static List<String> newNonDaemonThreads(Set<Long> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon() && !before.contains(t.getId()))
                .map(Thread::getName)
                .sorted()
                .toList();
    }
}
