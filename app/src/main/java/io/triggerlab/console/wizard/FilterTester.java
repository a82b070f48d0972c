package io.triggerlab.console.wizard;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.infra.cluster.StoredRecord;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tries the wizard's filter patterns on the newest records of the chosen topic, judged exactly as a poller would,
 * and lists which records would reach the function.
 */
public final class FilterTester {

    /** How many of the topic's newest records the tester reads. */
    static final int SAMPLE = 50;
    private static final int PREVIEW_CHARS = 80;

    private final WizardBackend backend;
    private final BackgroundWork work;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> lines = FXCollections.observableArrayList();

    FilterTester(WizardBackend backend, BackgroundWork work) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** Reads the topic's newest records and runs the patterns on them. */
    void test(String topic, List<String> patterns) {
        lines.clear();
        if (topic == null || topic.isBlank()) {
            summary.set("Choose the topic first (step Topic): the tester reads its newest records.");
            return;
        }
        running.set(true);
        summary.set("Reading the newest records of " + topic.strip() + "…");
        work.submit("test the filters", () -> judge(topic.strip(), patterns), result -> {
            running.set(false);
            summary.set(result.summary());
            lines.setAll(result.lines());
        }, message -> {
            running.set(false);
            summary.set(message);
        });
    }

    private Result judge(String topic, List<String> patterns) {
        List<StoredRecord> records = backend.newestRecords(topic, SAMPLE);
        if (records.isEmpty()) {
            return new Result("Topic " + topic + " has no records to test against: produce some (Records › Produce "
                    + "test records…) and test again.", List.of());
        }
        List<Boolean> accepted = backend.tryFilters(patterns, records);
        List<String> out = new ArrayList<>();
        int matched = 0;
        for (int i = 0; i < records.size(); i++) {
            StoredRecord r = records.get(i);
            boolean sent = accepted.get(i);
            matched += sent ? 1 : 0;
            out.add((sent ? "✓ sent     " : "✗ filtered ") + r.topic() + "-" + r.partition() + "@" + r.offset() + "  "
                    + preview(r.value()));
        }
        String what = patterns.isEmpty() ? "No filters: every record is sent. " : "";
        return new Result(what + matched + " of the " + records.size() + " newest records of " + topic
                + " would reach the function" + (patterns.isEmpty() ? "." : "; the others are filtered out (their "
                + "offsets are still committed)."), out);
    }

    private static String preview(byte[] value) {
        if (value == null) {
            return "(tombstone)";
        }
        String text = new String(value, StandardCharsets.UTF_8).replace('\n', ' ');
        return text.length() <= PREVIEW_CHARS ? text : text.substring(0, PREVIEW_CHARS) + "…";
    }

    private record Result(String summary, List<String> lines) {
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** One line per record read: whether it would be sent, where it is, and the start of its value. */
    public ObservableList<String> lines() {
        return lines;
    }
}
