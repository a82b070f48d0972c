package io.triggerlab.engine.runtime.destination;

import io.triggerlab.engine.runtime.payload.EventSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaTopicDestinationTest {

    private static final FailureRecords RENDERER = new FailureRecords(new DestinationContext(
            "arn:aws:lambda:us-east-1:123456789012:function:fn", EventSource.selfManaged("h:9092")));

    private static FailedBatch batch() {
        return new FailedBatch(List.of(new ConsumerRecord<>("src", 0, 3L, "k".getBytes(StandardCharsets.UTF_8), "v".getBytes(StandardCharsets.UTF_8)),
                new ConsumerRecord<>("src", 0, 4L, null, "w".getBytes(StandardCharsets.UTF_8))),
                FailureCondition.RETRIES_EXHAUSTED, "req", 2, null, Instant.EPOCH);
    }

    @Test
    void producesOneMessagePerRecord_keyedWithTheOriginalKey() throws Exception {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        KafkaTopicDestination destination = new KafkaTopicDestination("dlq", RENDERER, props -> producer, Map.of());

        Delivery delivery = destination.send(batch());

        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        assertThat(sent).extracting(ProducerRecord::topic).containsExactly("dlq", "dlq");
        assertThat(new String(sent.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("k");
        assertThat(sent.get(1).key()).isNull();
        assertThat(delivery.messages()).hasSize(2);
        assertThat(delivery.target()).isEqualTo("kafka://dlq");
    }

    @Test
    void failsWithWhereAndWhy_whenTheProducerCannotWrite() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        KafkaTopicDestination destination = new KafkaTopicDestination("dlq", RENDERER, props -> producer, Map.of());
        producer.sendException = new TopicAuthorizationException("not allowed");

        assertThatThrownBy(() -> destination.send(batch()))
                .isInstanceOf(DestinationDeliveryException.class)
                .hasMessageStartingWith("Could not produce the failure records to kafka://dlq: ")
                .hasMessageContaining("not allowed");
    }

    @Test
    void producerProperties_keepTheClusterSettings_andBoundTheWait() {
        Map<String, Object> props = KafkaTopicDestination.producerProperties(
                Map.of("bootstrap.servers", "h:9092", "security.protocol", "SSL"), "esm-x-on-failure");
        assertThat(props).containsEntry("bootstrap.servers", "h:9092").containsEntry("security.protocol", "SSL")
                .containsEntry("client.id", "esm-x-on-failure").containsEntry("acks", "all")
                .containsEntry("max.block.ms", 10_000);
    }
}
