package io.triggerlab.engine.infra.cluster;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

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

    private final ClusterEndpoint cluster;

    public KafkaTestRecordProducer(ClusterEndpoint cluster) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
    }

    @Override
    public List<SentRecord> send(String topic, List<TestRecord> records) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("Give the topic to send the records to");
        }
        Objects.requireNonNull(records, "records");
        Map<String, Object> config = cluster.producerProperties("triggerlab-test-producer");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES);
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
            return new IllegalArgumentException("Cannot send to topic " + topic + " on the cluster at "
                    + cluster.bootstrapServers() + ": " + message + ". Check the topic name and that the partition exists.", cause);
        }
        return new ClusterUnavailableException("Cannot send to topic " + topic + " on the cluster at "
                + cluster.bootstrapServers() + ": " + message, cause);
    }
}
