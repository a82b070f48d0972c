package io.triggerlab.console.producer;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.cluster.ClusterHealth;
import io.triggerlab.engine.cluster.ClusterUnavailableException;
import io.triggerlab.engine.cluster.SentRecord;
import io.triggerlab.engine.cluster.TestRecord;
import io.triggerlab.engine.cluster.TestRecordProducer;
import io.triggerlab.engine.cluster.TopicCatalog;
import io.triggerlab.engine.cluster.TopicInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProducerViewModelTest {

    private final QueuedExecutor background = new QueuedExecutor();
    private final List<TestRecord> sent = new ArrayList<>();
    private RuntimeException refuse;
    private final TestRecordProducer producer = (topic, records) -> {
        if (refuse != null) {
            throw refuse;
        }
        sent.addAll(records);
        List<SentRecord> result = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            result.add(new SentRecord(topic, i % 2, 10 + i / 2, Instant.EPOCH));
        }
        return result;
    };
    private final TopicCatalog catalog = new TopicCatalog() {
        @Override
        public String bootstrapServers() {
            return "127.0.0.1:9092";
        }

        @Override
        public List<TopicInfo> listTopics() {
            return List.of(new TopicInfo("orders", 2));
        }

        @Override
        public TopicInfo createTopic(String name, int partitions) {
            return new TopicInfo(name, partitions);
        }

        @Override
        public ClusterHealth checkHealth() {
            return new ClusterHealth("id", 1, Duration.ZERO);
        }
    };
    private final ProducerViewModel vm = new ProducerViewModel(catalog, producer, new BackgroundWork(background, Runnable::run));

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void sendsCountRecords_numberingKeyValueAndHeaders_andSaysWhereTheyWent() {
        vm.loadTopics();
        background.runAll();
        vm.topicProperty().set("orders");
        vm.keyProperty().set("order-{n}");
        vm.valueProperty().set("{\"orderId\": {n}}");
        vm.addHeader();
        vm.headers().get(0).nameProperty().set("customer");
        vm.headers().get(0).valueProperty().set("Zoë #{n}");
        vm.addHeader(); // left without a name: ignored
        vm.countProperty().set("4");

        vm.send();
        background.runAll();

        assertThat(vm.topicSuggestions()).containsExactly("orders");
        assertThat(sent).hasSize(4);
        assertThat(utf8(sent.get(2).key())).isEqualTo("order-3");
        assertThat(utf8(sent.get(2).value())).isEqualTo("{\"orderId\": 3}");
        assertThat(sent.get(2).headers()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("customer");
            assertThat(h.value()).containsExactly(90, 111, -61, -85, 32, 35, 51);
        });
        assertThat(sent.get(0).partition()).as("Kafka chooses by key").isNull();
        assertThat(vm.resultProperty().get()).isEqualTo("Sent 4 records to orders: orders-0 offsets 10–11, orders-1 offsets 10–11");
    }

    @Test
    void invalidInput_isExplainedBeforeAnythingIsSent() {
        vm.topicProperty().set("orders");
        vm.valueProperty().set("{not json");
        vm.send();
        assertThat(vm.errorMessageProperty().get()).startsWith("The value is not valid JSON");

        vm.valueSourceProperty().set(ValueSource.TEXT);
        vm.partitionProperty().set("-1");
        vm.send();
        assertThat(vm.errorMessageProperty().get()).isEqualTo("Partition -1 is out of range: must be 0..");

        vm.partitionProperty().set("");
        vm.countProperty().set("20000");
        vm.send();
        assertThat(vm.errorMessageProperty().get()).isEqualTo("Count 20000 is out of range: must be 1..10000");
        assertThat(background.waiting()).isZero();
        assertThat(sent).isEmpty();
    }

    @Test
    void aFileValue_sendsTheFilesBytes(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("payload.bin"), new byte[]{1, 2, 3});
        vm.topicProperty().set("orders");
        vm.valueSourceProperty().set(ValueSource.FILE);
        vm.fileProperty().set(file.toString());

        vm.send();
        background.runAll();

        assertThat(sent.get(0).value()).containsExactly(1, 2, 3);
    }

    @Test
    void aClusterThatRefuses_isShownWithItsReason() {
        refuse = new ClusterUnavailableException("Cannot send to topic orders on the cluster at 127.0.0.1:9092: "
                + "Topic orders not present in metadata after 10000 ms.", null);
        vm.topicProperty().set("orders");
        vm.valueProperty().set("{}");

        vm.send();
        background.runAll();

        assertThat(vm.errorMessageProperty().get()).isEqualTo("Could not send the records: Cannot send to topic orders "
                + "on the cluster at 127.0.0.1:9092: Topic orders not present in metadata after 10000 ms.");
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
