package io.triggerlab.engine.infra.cluster;

import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.testing.KafkaTestClients;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console's topic and producer facade against the real shared broker. */
@ExtendWith(SharedKafkaBroker.class)
class TopicCatalogAndProducerIT {

    private final EmbeddedKafkaBroker broker;
    private final TopicCatalog catalog;
    private final TestRecordProducer producer;

    TopicCatalogAndProducerIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
        this.catalog = new KafkaTopicCatalog(ClusterEndpoint.of(broker.bootstrapServers()));
        this.producer = new KafkaTestRecordProducer(ClusterEndpoint.of(broker.bootstrapServers()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void listsUserTopicsWithTheirPartitionCounts_andLeavesInternalTopicsOut() {
        String orders = TestTopics.unique("orders");
        broker.createTopic(orders, 3);

        List<TopicInfo> topics = catalog.listTopics();

        assertThat(topics).contains(new TopicInfo(orders, 3));
        assertThat(topics).extracting(TopicInfo::name).noneMatch(name -> name.startsWith("__"));
        assertThat(topics).extracting(TopicInfo::name).isSorted();
    }

    @Test
    void createsATopic_andRefusesToCreateItTwice() {
        String name = TestTopics.unique("created");

        assertThat(catalog.createTopic(name, 2)).isEqualTo(new TopicInfo(name, 2));
        assertThat(broker.partitionCount(name)).isEqualTo(2);
        assertThatThrownBy(() -> catalog.createTopic(name, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Topic " + name + " already exists on the cluster at " + broker.bootstrapServers());
    }

    @Test
    void refusesAnInvalidTopicName_withKafkasReason() {
        assertThatThrownBy(() -> catalog.createTopic("no spaces allowed", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Topic name 'no spaces allowed' is not valid:");
    }

    @Test
    void healthCheck_seesTheOneSandboxBroker() {
        ClusterHealth health = catalog.checkHealth();

        assertThat(health.brokerCount()).isEqualTo(1);
        assertThat(health.clusterId()).isNotBlank();
    }

    @Test
    void healthCheck_ofAClusterThatIsNotThere_saysWhichAndWhy() {
        TopicCatalog nowhere = new KafkaTopicCatalog(new ClusterEndpoint("127.0.0.1:9", Duration.ofSeconds(2)));

        assertThatThrownBy(nowhere::checkHealth)
                .isInstanceOf(ClusterUnavailableException.class)
                .hasMessageStartingWith("Cannot reach the cluster at 127.0.0.1:9")
                .hasMessageContaining("2 s");
    }

    @Test
    void sendsRecordsWithKeysAndHeaders_toTheGivenPartition_andReportsTheirOffsets() {
        String topic = TestTopics.unique("produced");
        broker.createTopic(topic, 2);
        List<TestRecord> records = IntStream.range(0, 3).mapToObj(i -> new TestRecord(1, utf8("k" + i),
                utf8("{\"n\":" + i + "}"), List.of(new TestRecord.Header("trace", new byte[]{-61, -85}),
                new TestRecord.Header("empty", null)))).toList();

        List<SentRecord> sent = producer.send(topic, records);

        assertThat(sent).extracting(SentRecord::topicPartition).containsOnly(topic + "-1");
        assertThat(sent).extracting(SentRecord::offset).containsExactly(0L, 1L, 2L);
        try (KafkaConsumer<String, String> consumer = KafkaTestClients.consumer(broker.bootstrapServers(),
                TestTopics.uniqueGroup("verify"))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = KafkaTestClients.pollUntil(consumer, 3, Duration.ofSeconds(30));
            ConsumerRecord<String, String> first = received.get(0);
            assertThat(first.key()).isEqualTo("k0");
            assertThat(first.value()).isEqualTo("{\"n\":0}");
            Header trace = first.headers().lastHeader("trace");
            assertThat(trace.value()).containsExactly(-61, -85);
            assertThat(first.headers().lastHeader("empty").value()).isNull();
        }
    }

    @Test
    void sendingToAPartitionThatDoesNotExist_isRefusedWithThePartition() {
        String topic = TestTopics.unique("small");
        broker.createTopic(topic, 1);
        TestRecordProducer quick = new KafkaTestRecordProducer(
                new ClusterEndpoint(broker.bootstrapServers(), Duration.ofSeconds(3)));

        assertThatThrownBy(() -> quick.send(topic, List.of(new TestRecord(5, null, utf8("x"), List.of()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot send to topic " + topic)
                .hasMessageContaining("5");
    }
}
