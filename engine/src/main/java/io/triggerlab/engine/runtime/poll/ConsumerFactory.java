package io.triggerlab.engine.runtime.poll;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.util.Map;

/** Makes the Kafka consumer for a poller (a real {@link KafkaConsumer}; tests may hand in a MockConsumer). */
@FunctionalInterface
public interface ConsumerFactory {

    Consumer<byte[], byte[]> create(Map<String, Object> properties);

    ConsumerFactory KAFKA = KafkaConsumer::new;
}
