package io.triggerlab.engine.infra.cluster;

import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.runtime.filter.FilterTrial;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a topic's records back for the console (no consumer group, nothing committed), and trying filters on them. */
@ExtendWith(SharedKafkaBroker.class)
class KafkaRecordReaderIT {

    private final EmbeddedKafkaBroker broker;
    private final KafkaRecordReader reader;
    private final TestRecordProducer producer;

    KafkaRecordReaderIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
        this.reader = new KafkaRecordReader(ClusterEndpoint.of(broker.bootstrapServers()));
        this.producer = new KafkaTestRecordProducer(ClusterEndpoint.of(broker.bootstrapServers()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsOldestOrNewestFirst_fromAnOffset_byPartition_withHeadersAndExactBytes() {
        String topic = TestTopics.unique("browse");
        broker.createTopic(topic, 2);
        for (int i = 0; i < 6; i++) {
            producer.send(topic, List.of(new TestRecord(i % 2, utf8("k" + i), utf8("{\"n\":" + i + "}"),
                    List.of(new TestRecord.Header("trace", utf8("t" + i))))));
        }

        List<StoredRecord> oldest = reader.read(new RecordQuery(topic, 0, null, null, false, 10));
        assertThat(oldest).extracting(StoredRecord::offset).containsExactly(0L, 1L, 2L);
        assertThat(new String(oldest.get(1).value(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":2}");
        assertThat(oldest.get(1).headers()).singleElement()
                .satisfies(h -> assertThat(new String(h.value(), StandardCharsets.UTF_8)).isEqualTo("t2"));

        List<StoredRecord> newest = reader.read(new RecordQuery(topic, null, null, null, true, 2));
        assertThat(newest).extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).containsExactly("k5", "k4");

        assertThat(reader.read(new RecordQuery(topic, 1, 1L, null, false, 1)))
                .extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).containsExactly("k3");
        assertThat(reader.read(new RecordQuery(topic, 1, null, Instant.now().plusSeconds(60), false, 5))).isEmpty();

        assertThat(FilterTrial.accepted(List.of("{\"value\":{\"n\":[{\"numeric\":[\">=\",4]}]}}"), oldest))
                .containsExactly(false, false, true);
    }

    @Test
    void anUnknownTopicOrPartition_isSaidSo() {
        String topic = TestTopics.unique("browse-missing");
        broker.createTopic(topic, 1);

        assertThatThrownBy(() -> reader.read(new RecordQuery(topic, 3, null, null, false, 5)))
                .hasMessage("Topic " + topic + " has no partition 3: it has partitions 0..0");
        assertThatThrownBy(() -> reader.read(RecordQuery.newest("no-such-topic-" + topic, 5)))
                .hasMessageStartingWith("Topic no-such-topic-" + topic + " is not on the cluster at ");
    }
}
