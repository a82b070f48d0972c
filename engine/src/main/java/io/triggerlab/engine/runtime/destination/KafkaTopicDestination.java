package io.triggerlab.engine.runtime.destination;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * {@code kafka://<topic>} on the mapping's own cluster: Lambda acts as a producer and writes one failure record per
 * failed record, keyed with the original record's key (a null key leaves partitioning to the producer) (docs/aws-behaviour.md#on-failure-destinations).
 * Sends are synchronous: the source offsets are committed only after the destination has the records.
 */
public final class KafkaTopicDestination implements OnFailureDestination {

    public static final String SCHEME = "kafka://";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final FailureRecords renderer;
    private final Producer<byte[], byte[]> producer;

    /** @param clientProperties the cluster's kafka-clients properties (bootstrap servers and security) */
    public KafkaTopicDestination(String topic, FailureRecords renderer, Map<String, Object> clientProperties,
                                 String clientId) {
        this(topic, renderer, props -> new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer()),
                producerProperties(clientProperties, clientId));
    }

    KafkaTopicDestination(String topic, FailureRecords renderer,
                          Function<Map<String, Object>, Producer<byte[], byte[]>> producers, Map<String, Object> props) {
        this.topic = topic;
        this.renderer = renderer;
        this.producer = producers.apply(props);
    }

    static Map<String, Object> producerProperties(Map<String, Object> clientProperties, String clientId) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // A missing topic or an unreachable cluster must fail the delivery in seconds, not block the poller a minute.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return props;
    }

    @Override
    public String target() {
        return SCHEME + topic;
    }

    @Override
    public Delivery send(FailedBatch batch) throws DestinationDeliveryException {
        List<byte[]> messages = renderer.perRecord(batch);
        List<Future<RecordMetadata>> sends = new ArrayList<>(messages.size());
        try {
            for (int i = 0; i < messages.size(); i++) {
                ConsumerRecord<byte[], byte[]> original = batch.records().get(i);
                sends.add(producer.send(new ProducerRecord<>(topic, original.key(), messages.get(i))));
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            throw failed(e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(e);
        }
        return new Delivery(target(), messages, messages.size() + " failure record(s) produced to " + target()
                + " (" + batch.condition().kafkaName() + ")");
    }

    private DestinationDeliveryException failed(Throwable cause) {
        return new DestinationDeliveryException("Could not produce the failure records to " + target() + ": "
                + cause + ". Check that the topic exists on the mapping's cluster and the mapping may write to it", cause);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
