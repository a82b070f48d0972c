package io.triggerlab.engine.infra.schema.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.infra.schema.SchemaFormat;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The sandbox registry's storage: a compacted single-partition topic, as Confluent's registry keeps {@code _schemas},
 * keyed by subject and version so compaction keeps one record per version. Read whole at start; written
 * synchronously at each registration, so an acknowledged id survives a restart.
 */
final class SchemasTopic implements AutoCloseable {

    static final String TOPIC = "_schemas";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bootstrapServers;
    private final KafkaProducer<byte[], byte[]> producer;

    SchemasTopic(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        ensureTopic();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "triggerlab-schema-registry");
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    List<StoredSchema> readAll() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "triggerlab-schema-registry-reader");
        List<StoredSchema> schemas = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (consumer.position(partition, TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The sandbox registry could not read " + TOPIC + " to its end ("
                            + end + ") within " + TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        schemas.add(fromJson(record.value()));
                    }
                }
            }
        }
        return schemas;
    }

    void write(StoredSchema schema) {
        try {
            byte[] key = JSON.writeValueAsBytes(Map.of("keytype", "SCHEMA", "subject", schema.subject(),
                    "version", schema.version(), "magic", 1));
            producer.send(new ProducerRecord<>(TOPIC, 0, key, toJson(schema)))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write schema " + schema.subject() + " as JSON", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The sandbox registry could not store " + schema.subject() + " v"
                    + schema.version() + " in " + TOPIC + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing a schema", e);
        }
    }

    private void ensureTopic() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("The sandbox registry could not create " + TOPIC + ": "
                        + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("The sandbox registry could not create " + TOPIC + " within "
                    + TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating " + TOPIC, e);
        }
    }

    static byte[] toJson(StoredSchema schema) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("subject", schema.subject()).put("version", schema.version()).put("id", schema.id())
                .put("schemaType", schema.format().name()).put("schema", schema.schema()).put("deleted", false);
        ArrayNode references = node.putArray("references");
        for (StoredSchema.Reference reference : schema.references()) {
            references.addObject().put("name", reference.name()).put("subject", reference.subject())
                    .put("version", reference.version());
        }
        return JSON.writeValueAsBytes(node);
    }

    static StoredSchema fromJson(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            List<StoredSchema.Reference> references = new ArrayList<>();
            for (JsonNode reference : node.path("references")) {
                references.add(new StoredSchema.Reference(reference.path("name").asText(),
                        reference.path("subject").asText(), reference.path("version").asInt()));
            }
            return new StoredSchema(node.path("subject").asText(), node.path("version").asInt(),
                    node.path("id").asInt(), SchemaFormat.fromRegistryName(node.path("schemaType").asText(null)),
                    node.path("schema").asText(), references);
        } catch (IOException e) {
            throw new IllegalStateException("A record in " + TOPIC + " is not a stored schema: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
