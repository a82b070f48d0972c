package io.triggerlab.console.inspector;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.infra.cluster.StoredRecord;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The inspector's "Raw bytes" of a schema-decoded record: read back from Kafka by topic, partition and offset in the
 * background, then cut into framing and payload by {@link FramingBreakdown}. The event only holds what Lambda made of
 * the bytes, so this is the one place the framing itself is seen.
 */
final class RawBytesAnnotations {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final BackgroundWork work;
    /** Null until the console wires one: then no raw bytes are shown. */
    private RawRecordSource source;
    /** The record shown: a read answering for another one is dropped. */
    private RecordRow current;

    RawBytesAnnotations(BackgroundWork work) {
        this.work = work;
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    void readWith(RawRecordSource source) {
        this.source = source;
    }

    void show(RecordRow record) {
        current = record;
        if (source == null || record == null || (record.valueSchema() == null && record.keySchema() == null)) {
            text.set("");
            return;
        }
        int dash = record.topicPartition().lastIndexOf('-');
        String topic = record.topicPartition().substring(0, dash);
        int partition = Integer.parseInt(record.topicPartition().substring(dash + 1));
        text.set("Raw bytes: reading offset " + record.offset() + " of " + record.topicPartition() + " from Kafka…");
        work.submit("read the record's raw bytes", () -> source.record(topic, partition, record.offset()),
                found -> {
                    if (current == record) {
                        text.set(describe(record, found));
                    }
                }, problem -> {
                    if (current == record) {
                        text.set("Raw bytes: could not read offset " + record.offset() + " of "
                                + record.topicPartition() + " from Kafka: " + problem);
                    }
                });
    }

    /** The "Raw bytes" text for a record read back (or not found) at the row's offset. */
    static String describe(RecordRow record, Optional<StoredRecord> found) {
        if (found.isEmpty()) {
            return "Raw bytes: offset " + record.offset() + " of " + record.topicPartition() + " is no longer in Kafka "
                    + "(retention deleted it, or the topic was recreated), so its framing cannot be shown; the event "
                    + "above is what the function got.";
        }
        StoredRecord stored = found.get();
        List<String> lines = new ArrayList<>();
        if (record.valueSchema() != null) {
            attribute(lines, "value", stored.value(), record.valueSchema());
        }
        if (record.keySchema() != null) {
            attribute(lines, "key", stored.key(), record.keySchema());
        }
        return String.join("\n", lines);
    }

    private static void attribute(List<String> lines, String name, byte[] raw, SchemaNote schema) {
        if (raw == null) {
            lines.add("Raw " + name + " bytes in Kafka: none (the record has no " + name + ")");
            return;
        }
        lines.add("Raw " + name + " bytes in Kafka (" + (raw.length == 1 ? "1 byte" : String.format("%,d bytes",
                raw.length)) + "):");
        FramingBreakdown.lines(raw, schema.dataFormat()).forEach(line -> lines.add("  " + line));
    }
}
