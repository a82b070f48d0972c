package io.triggerlab.console.inspector;

import io.triggerlab.console.common.BackgroundWork;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;

/**
 * The inspector's line about a record's schema registry framing: shown at once from the event's schema metadata, then
 * completed with the subject and the trigger's EventRecordFormat looked up in the background.
 */
final class SchemaAnnotations {

    private final BackgroundWork work;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private SchemaLookup lookup;
    /** The record shown: a lookup answering for another one is dropped. */
    private RecordRow current;

    SchemaAnnotations(BackgroundWork work) {
        this.work = work;
    }

    void lookUpWith(SchemaLookup lookup) {
        this.lookup = lookup;
    }

    void show(RecordRow record, String mappingUuid) {
        current = record;
        if (record == null || (record.valueSchema() == null && record.keySchema() == null)) {
            text.set("");
            return;
        }
        text.set(describe(record, null, null));
        if (lookup == null || mappingUuid == null) {
            return;
        }
        work.submit("look up the record's schema", () -> {
            SchemaLookup.Facts value = record.valueSchema() == null ? null
                    : lookup.facts(mappingUuid, record.valueSchema().schemaId());
            SchemaLookup.Facts key = record.keySchema() == null ? null
                    : lookup.facts(mappingUuid, record.keySchema().schemaId());
            return new SchemaLookup.Facts[]{value, key};
        }, facts -> {
            if (current == record) {
                text.set(describe(record, facts[0], facts[1]));
            }
        }, problem -> { });
    }

    private static String describe(RecordRow record, SchemaLookup.Facts value, SchemaLookup.Facts key) {
        List<String> lines = new ArrayList<>(2);
        if (record.valueSchema() != null) {
            lines.add(record.valueSchema().describe("Value", value == null ? "" : value.subject(),
                    value == null ? "" : value.eventRecordFormat()));
        }
        if (record.keySchema() != null) {
            lines.add(record.keySchema().describe("Key", key == null ? "" : key.subject(),
                    key == null ? "" : key.eventRecordFormat()));
        }
        return String.join("\n", lines);
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
