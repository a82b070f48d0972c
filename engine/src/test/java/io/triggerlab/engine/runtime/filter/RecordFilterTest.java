package io.triggerlab.engine.runtime.filter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecordFilterTest {

    private static ConsumerRecord<byte[], byte[]> record(int partition, byte[] value) {
        return new ConsumerRecord<>("orders", partition, 7L, "k".getBytes(StandardCharsets.UTF_8), value);
    }

    private static ConsumerRecord<byte[], byte[]> record(String value) {
        return record(0, value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void matchesInsideJsonValues() {
        RecordFilter filter = RecordFilter.of(List.of("{\"value\":{\"status\":[\"active\"]}}"));
        assertThat(filter.accepts(record("{\"status\":\"active\",\"n\":1}"))).isTrue();
        assertThat(filter.accepts(record("{\"status\":\"gone\"}"))).isFalse();
    }

    @Test
    void matchesPlainStringsAgainstPlainStringRules() {
        RecordFilter filter = RecordFilter.of(List.of("{\"value\":[{\"prefix\":\"hello\"}]}"));
        assertThat(filter.accepts(record("hello world"))).isTrue();
        assertThat(filter.accepts(record("bye"))).isFalse();
    }

    @Test
    void doesNotMatchAcrossFormats_plainStringAgainstAJsonPattern_andJsonAgainstAStringRule() {
        assertThat(RecordFilter.of(List.of("{\"value\":{\"status\":[\"active\"]}}")).accepts(record("active"))).isFalse();
        assertThat(RecordFilter.of(List.of("{\"value\":[\"{\\\"a\\\":1}\"]}")).accepts(record("{\"a\":1}"))).isFalse();
    }

    @Test
    void seesOnlyMetadata_whenTheValueIsNotUtf8OrATombstone() {
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28};
        RecordFilter onValue = RecordFilter.of(List.of("{\"value\":[{\"exists\":true}]}"));
        RecordFilter onPartition = RecordFilter.of(List.of("{\"partition\":[1]}"));
        assertThat(onValue.accepts(record(1, notUtf8))).isFalse();
        assertThat(onValue.accepts(record(1, null))).isFalse();
        assertThat(onPartition.accepts(record(1, notUtf8))).isTrue();
        assertThat(onPartition.accepts(record(0, notUtf8))).isFalse();
    }

    @Test
    void passesARecord_whenAnyFilterMatches() {
        RecordFilter filter = RecordFilter.of(List.of(
                "{\"value\":{\"type\":[\"a\"]}}", "{\"value\":{\"amount\":[{\"numeric\":[\">=\",100]}]}}"));
        assertThat(filter.accepts(record("{\"type\":\"b\",\"amount\":150}"))).isTrue();
        assertThat(filter.accepts(record("{\"type\":\"b\",\"amount\":50}"))).isFalse();
        assertThat(filter.accepts(record("{\"type\":\"a\"}"))).isTrue();
    }

    @Test
    void passesEverything_withoutFilters() {
        assertThat(RecordFilter.of(List.of()).accepts(record("anything"))).isTrue();
        assertThat(RecordFilter.NONE.isEmpty()).isTrue();
    }
}
