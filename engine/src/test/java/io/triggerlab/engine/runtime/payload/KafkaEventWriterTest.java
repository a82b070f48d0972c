package io.triggerlab.engine.runtime.payload;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedList;
import java.util.List;

import static io.triggerlab.engine.runtime.payload.TestRecords.headers;
import static io.triggerlab.engine.runtime.payload.TestRecords.record;
import static io.triggerlab.engine.runtime.payload.TestRecords.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaEventWriterTest {

    @Test
    void writesMskEvent_byteForByteAsGoldenFile() {
        byte[] event = new KafkaEventWriter(EventFixtures.MSK).write(EventFixtures.mskRecords());

        assertThat(text(event)).isEqualTo(text(EventFixtures.resource("msk-event.json")));
        assertThat(event).isEqualTo(EventFixtures.resource("msk-event.json"));
    }

    @Test
    void writesSelfManagedEvent_byteForByteAsGoldenFile_withoutArnField() {
        byte[] event = new KafkaEventWriter(EventFixtures.SELF_MANAGED).write(EventFixtures.selfManagedRecords());

        assertThat(text(event)).isEqualTo(text(EventFixtures.resource("self-managed-event.json")));
        assertThat(text(event)).doesNotContain("eventSourceArn");
    }

    @Test
    void writesEmptyRecordsObject_whenBatchIsEmpty() {
        KafkaEventWriter writer = new KafkaEventWriter(EventSource.selfManaged("localhost:9092"));

        byte[] event = writer.write(List.of());

        assertThat(text(event)).isEqualTo("{\"eventSource\":\"SelfManagedKafka\",\"bootstrapServers\":\"localhost:9092\",\"records\":{}}");
        assertThat(writer.emptyEventSize()).isEqualTo(event.length);
    }

    @Test
    void writesNoTimestampType_asEnumNameWithTimestampAsGiven() {
        ConsumerRecord<byte[], byte[]> legacy = new ConsumerRecord<>("t", 0, 5L, null, utf8("v"));

        String json = text(new KafkaEventWriter(EventSource.selfManaged("h:1")).write(List.of(legacy)));

        assertThat(json).contains("{\"topic\":\"t\",\"partition\":0,\"offset\":5,\"timestamp\":-1,"
                + "\"timestampType\":\"NO_TIMESTAMP_TYPE\",\"value\":\"dg==\",\"headers\":[]}");
    }

    @Test
    void escapesHeaderKeys_quotesBackslashesControlCharsAndKeepsUnicodeAsUtf8() {
        ConsumerRecord<byte[], byte[]> r = record("t", 0, 0, 1, TimestampType.CREATE_TIME, null, null,
                headers("a\"b\\c\u0001\t\u001f/ü€😀", "x"));

        String json = text(new KafkaEventWriter(EventSource.selfManaged("h:1")).write(List.of(r)));

        assertThat(json).contains("\"headers\":[{\"a\\\"b\\\\c\\u0001\\t\\u001F/ü€😀\":[120]}]");
    }

    @Test
    void keepsPartitionGroupsInOrderOfFirstAppearance_andRecordsInGivenOrder() {
        List<ConsumerRecord<byte[], byte[]>> records = new LinkedList<>(List.of(
                TestRecords.sized("b", 2, 10, 1), TestRecords.sized("a", 0, 3, 1),
                TestRecords.sized("b", 2, 11, 1), TestRecords.sized("b", 1, 4, 1), TestRecords.sized("a", 0, 4, 1)));

        String json = text(new KafkaEventWriter(EventSource.selfManaged("h:1")).write(records));

        assertThat(json.indexOf("\"b-2\":[")).isLessThan(json.indexOf("\"a-0\":["));
        assertThat(json.indexOf("\"a-0\":[")).isLessThan(json.indexOf("\"b-1\":["));
        assertThat(json.indexOf("\"offset\":10")).isLessThan(json.indexOf("\"offset\":11"));
        assertThat(json.indexOf("\"offset\":3")).isLessThan(json.indexOf("\"offset\":4,\"timestamp\":1700000000004,\"timestampType\":\"CREATE_TIME\",\"value\":\"AA==\",\"headers\":[]}]}}"));
    }

    @Test
    void returnsFreshArrayEachTime() {
        KafkaEventWriter writer = new KafkaEventWriter(EventFixtures.MSK);

        byte[] first = writer.write(EventFixtures.mskRecords());
        byte[] second = writer.write(EventFixtures.mskRecords());

        assertThat(first).isNotSameAs(second).isEqualTo(second);
    }

    @Test
    void rejectsMskSourceWithoutArn_andSelfManagedWithArn() {
        assertThatThrownBy(() -> EventSource.msk(null, "h:1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cluster ARN");
        assertThatThrownBy(() -> new EventSource(EventSource.SELF_MANAGED, "arn:x", "h:1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no eventSourceArn");
        assertThatThrownBy(() -> new EventSource("aws:sqs", null, "h:1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown eventSource 'aws:sqs'");
        assertThatThrownBy(() -> EventSource.selfManaged(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrapServers is empty");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void writeWithTheKnownSize_isByteIdenticalToWriteThatSizesItself() {
        KafkaEventWriter writer = new KafkaEventWriter(EventFixtures.MSK);
        byte[] sized = writer.write(EventFixtures.mskRecords());

        assertThat(writer.write(EventFixtures.mskRecords(), sized.length)).isEqualTo(sized);
    }

    @Test
    void writeWithAWrongKnownSize_failsSayingSo_eitherWay() {
        KafkaEventWriter writer = new KafkaEventWriter(EventFixtures.MSK);
        int size = writer.write(EventFixtures.mskRecords()).length;

        assertThatThrownBy(() -> writer.write(EventFixtures.mskRecords(), size - 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Event size arithmetic is wrong: " + (size - 1) + " bytes were given");
        assertThatThrownBy(() -> writer.write(EventFixtures.mskRecords(), size + 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("given " + (size + 1) + " bytes, wrote " + size);
    }
}
