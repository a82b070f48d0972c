package io.triggerlab.engine.infra.sandbox;

import io.triggerlab.engine.testing.KafkaTestClients;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(SharedKafkaBroker.class)
class EmbeddedKafkaBrokerIT {

    private final EmbeddedKafkaBroker broker;

    EmbeddedKafkaBrokerIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void deliversProducedRecordsToAConsumer() throws Exception {
        String topic = TestTopics.unique("round-trip");
        broker.createTopic(topic, 2);

        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(broker.bootstrapServers())) {
            sent = producer.send(new ProducerRecord<>(topic, 1, "order-42", "{\"amount\":12}")).get(30, TimeUnit.SECONDS);
        }
        assertThat(sent.partition()).isEqualTo(1);
        assertThat(sent.offset()).isZero();

        try (KafkaConsumer<String, String> consumer =
                     KafkaTestClients.consumer(broker.bootstrapServers(), TestTopics.uniqueGroup("round-trip"))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = KafkaTestClients.pollUntil(consumer, 1, Duration.ofSeconds(30));

            assertThat(received).singleElement().satisfies(r -> {
                assertThat(r.topic()).isEqualTo(topic);
                assertThat(r.partition()).isEqualTo(1);
                assertThat(r.offset()).isZero();
                assertThat(r.key()).isEqualTo("order-42");
                assertThat(r.value()).isEqualTo("{\"amount\":12}");
            });
        }
    }

    @Test
    void listsCreatedTopicsWithTheirPartitionCount() {
        String threePartitions = TestTopics.unique("three");
        String onePartition = TestTopics.unique("one");
        broker.createTopic(threePartitions, 3);
        broker.createTopic(onePartition, 1);

        assertThat(broker.topicNames()).contains(threePartitions, onePartition).doesNotContain("__consumer_offsets");
        assertThat(broker.partitionCount(threePartitions)).isEqualTo(3);
        assertThat(broker.partitionCount(onePartition)).isEqualTo(1);
    }

    @Test
    void leavesAnExistingTopicAsItIs_whenCreatedAgain() {
        String topic = TestTopics.unique("again");
        broker.createTopic(topic, 4);

        broker.createTopic(topic, 1);

        assertThat(broker.partitionCount(topic)).isEqualTo(4);
    }

    @Test
    void namesTheMissingTopic_whenAskedForItsPartitionCount() {
        String missing = TestTopics.unique("missing");

        assertThatThrownBy(() -> broker.partitionCount(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Topic " + missing + " does not exist on the sandbox broker at " + broker.bootstrapServers());
    }

    @Test
    void reportsItsPlaintextListenerOnLoopback() {
        assertThat(broker.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(broker.bootstrapServers(SandboxListener.PLAINTEXT)).isEqualTo(broker.bootstrapServers());
        assertThat(broker.listeners().get(SandboxListener.PLAINTEXT).port()).isPositive();
        assertThatThrownBy(() -> broker.bootstrapServers("SASL_SSL"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The sandbox broker has no listener named SASL_SSL; its listeners are [PLAINTEXT]");
    }
}
