package io.triggerlab.engine.infra.cluster;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * {@link TestRecordProducer} over a short-lived {@link KafkaProducer} per call: test records are sent when a person
 * clicks, so a producer that lives only for the call costs nothing noticeable and leaves nothing to close.
 */
public final class KafkaTestRecordProducer implements TestRecordProducer {

    private static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    private final String bootstrapServers;
    private final Duration timeout;

    public KafkaTestRecordProducer(String bootstrapServers, Duration timeout) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public KafkaTestRecordProducer(String bootstrapServers) {
        this(bootstrapServers, KafkaTopicCatalog.DEFAULT_TIMEOUT);
    }

    @Override
    public List<SentRecord> send(String topic, List<TestRecord> records) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("Give the topic to send the records to");
        }
        Objects.requireNonNull(records, "records");
        int millis = (int) timeout.toMillis();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, millis,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis + 5000,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES,
                ProducerConfig.CLIENT_ID_CONFIG, "triggerlab-test-producer");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
            for (TestRecord record : records) {
                sent.add(producer.send(toProducerRecord(topic, record)));
            }
            producer.flush();
            List<SentRecord> result = new ArrayList<>(sent.size());
            for (Future<RecordMetadata> future : sent) {
                RecordMetadata metadata = future.get();
                result.add(new SentRecord(metadata.topic(), metadata.partition(), metadata.offset(),
                        Instant.ofEpochMilli(metadata.timestamp())));
            }
            return result;
        } catch (ExecutionException e) {
            throw failure(topic, e.getCause());
        } catch (org.apache.kafka.common.KafkaException e) {
            throw failure(topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException("Interrupted while sending records to " + topic, e);
        }
    }

    private static ProducerRecord<byte[], byte[]> toProducerRecord(String topic, TestRecord record) {
        List<org.apache.kafka.common.header.Header> headers = new ArrayList<>();
        for (TestRecord.Header header : record.headers()) {
            headers.add(new RecordHeader(header.name(), header.value()));
        }
        return new ProducerRecord<>(topic, record.partition(), null, record.key(), record.value(), headers);
    }

    private RuntimeException failure(String topic, Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (message.contains("not present in metadata") || message.contains("Partition")) {
            return new IllegalArgumentException("Cannot send to topic " + topic + " on the cluster at " + bootstrapServers
                    + ": " + message + ". Check the topic name and that the partition exists.", cause);
        }
        return new ClusterUnavailableException("Cannot send to topic " + topic + " on the cluster at "
                + bootstrapServers + ": " + message, cause);
    }
}
