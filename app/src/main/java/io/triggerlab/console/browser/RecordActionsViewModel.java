package io.triggerlab.console.browser;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.inspector.DecodedBytes;
import io.triggerlab.console.invocations.InvocationRow;
import io.triggerlab.engine.infra.cluster.StoredRecord;
import io.triggerlab.engine.infra.cluster.TestRecord;
import io.triggerlab.engine.observe.history.InvocationRecord;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the topic browser does with the selected record: "Produce again" opens the producer filled with its key, value
 * and headers; "Send to function" sends it to a trigger's function as a one-record test event (a TriggerLab extra:
 * AWS has no such call; no offsets move).
 */
public final class RecordActionsViewModel {

    private final TopicBrowserBackend backend;
    private final BackgroundWork work;
    private final Consumer<ProducerPrefill> producer;
    private final ObjectProperty<StoredRecord> selected = new SimpleObjectProperty<>();
    private final ObservableList<TriggerChoice> triggers = FXCollections.observableArrayList();
    private final ObjectProperty<TriggerChoice> trigger = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private String triggersOf;

    /** @param producer opens the producer with the form filled in (on the FX thread) */
    public RecordActionsViewModel(TopicBrowserBackend backend, BackgroundWork work, Consumer<ProducerPrefill> producer) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.work = Objects.requireNonNull(work, "work");
        this.producer = Objects.requireNonNull(producer, "producer");
        selected.addListener((o, was, is) -> {
            error.set("");
            if (is != null && !is.topic().equals(triggersOf)) {
                loadTriggers(is.topic());
            }
        });
    }

    private void loadTriggers(String topic) {
        triggersOf = topic;
        work.submit("list the triggers of " + topic, () -> backend.triggersReading(topic), list -> {
            if (topic.equals(triggersOf)) {
                triggers.setAll(list);
                trigger.set(list.isEmpty() ? null : list.get(0));
            }
        }, error::set);
    }

    /** Opens the producer with the selected record's topic, partition, key, value and headers. */
    public void produceAgain() {
        StoredRecord record = selected.get();
        if (record == null) {
            return;
        }
        error.set("");
        message.set("");
        try {
            producer.accept(prefill(record));
        } catch (IllegalArgumentException notText) {
            error.set(notText.getMessage());
        }
    }

    /** The producer's form for {@code record}; the form holds text, so a binary part or a tombstone is refused. */
    static ProducerPrefill prefill(StoredRecord record) {
        String where = "offset " + record.offset() + " of " + record.topic() + "-" + record.partition();
        if (record.value() == null) {
            throw new IllegalArgumentException("The record at " + where + " is a tombstone (no value): the producer "
                    + "sends a value, so it cannot produce it again.");
        }
        String key = record.key() == null ? "" : text(record.key(), "key", where);
        String value = text(record.value(), "value", where);
        List<ProducerPrefill.Header> headers = new ArrayList<>();
        for (TestRecord.Header header : record.headers()) {
            byte[] bytes = header.value() == null ? new byte[0] : header.value();
            headers.add(new ProducerPrefill.Header(header.name(), text(bytes, "header " + header.name(), where)));
        }
        boolean json = DecodedBytes.ofBytes(record.value()).prettyJson().isPresent();
        return new ProducerPrefill(record.topic(), record.partition(), key, value, json, headers);
    }

    private static String text(byte[] bytes, String part, String where) {
        return DecodedBytes.ofBytes(bytes).text().orElseThrow(() -> new IllegalArgumentException("The " + part
                + " at " + where + " is binary (not UTF-8 text): the producer's form takes text, so it cannot be "
                + "produced again from here."));
    }

    /** Sends the selected record to the chosen trigger's function as a one-record test event. */
    public void sendToFunction() {
        StoredRecord record = selected.get();
        TriggerChoice target = trigger.get();
        if (record == null || target == null || sending.get()) {
            return;
        }
        error.set("");
        message.set("Sending offset " + record.offset() + " to " + target.functionName() + "…");
        sending.set(true);
        work.submit("send the record to " + target.functionName(), () -> backend.sendToFunction(target.mappingUuid(),
                record), sent -> {
            sending.set(false);
            message.set(sentMessage(record, target, sent));
        }, failure -> {
            sending.set(false);
            message.set("");
            error.set(failure);
        });
    }

    static String sentMessage(StoredRecord record, TriggerChoice target, InvocationRecord sent) {
        return "Sent offset " + record.offset() + " of " + record.topic() + "-" + record.partition() + " to "
                + target.functionName() + " as a test event: " + InvocationRow.describe(sent.outcome()) + " (invocation #"
                + sent.id() + ", shown in the trigger's invocations as \"Test event\"; no offset moved).";
    }

    /** The record the actions apply to; the browser's selection. */
    public ObjectProperty<StoredRecord> selectedProperty() {
        return selected;
    }

    /** The triggers reading the selected record's topic. */
    public ObservableList<TriggerChoice> triggers() {
        return triggers;
    }

    public ObjectProperty<TriggerChoice> triggerProperty() {
        return trigger;
    }

    public BooleanBinding canProduceAgain() {
        return selected.isNotNull();
    }

    public BooleanBinding canSend() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && trigger.get() != null && !sending.get(),
                selected, trigger, sending);
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
