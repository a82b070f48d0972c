package io.triggerlab.console.producer;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.client.PreparedSchema;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The producer's schema section: the encoding (none, Avro, Protobuf, JSON Schema), the registry (the sandbox's by
 * default, any Confluent-compatible URL, or a Glue registry ARN), the subject (the topic's {@code <topic>-value} by
 * default, Confluent's TopicNameStrategy) and, optionally, a schema to register. Part of {@link ProducerViewModel}.
 */
public final class SchemaChoice {

    private final SchemaBackend backend;
    private final BackgroundWork work;
    private final ObjectProperty<ValueEncoding> encoding = new SimpleObjectProperty<>(ValueEncoding.NONE);
    private final StringProperty registry = new SimpleStringProperty("");
    private final StringProperty subject = new SimpleStringProperty("");
    private final StringProperty schemaText = new SimpleStringProperty("");
    private final ObservableList<String> subjectSuggestions = FXCollections.observableArrayList();

    public SchemaChoice(SchemaBackend backend, BackgroundWork work) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** Fills the registry with the sandbox's when none is set and lists its subjects (in the background). */
    void load(Consumer<String> onError) {
        if (registry.get().isBlank()) {
            work.submit("find the sandbox schema registry", backend::sandboxRegistry,
                    url -> url.ifPresent(u -> {
                        if (registry.get().isBlank()) {
                            registry.set(u);
                        }
                        loadSubjects(onError);
                    }), onError);
        } else {
            loadSubjects(onError);
        }
    }

    private void loadSubjects(Consumer<String> onError) {
        String where = registry.get();
        if (where.isBlank()) {
            return;
        }
        work.submit("list the registry's subjects", () -> backend.subjects(where), subjectSuggestions::setAll, onError);
    }

    /** The topic changed: a blank subject follows it as {@code <topic>-value}. */
    void topicChanged(String was, String is) {
        String current = subject.get().strip();
        if (current.isEmpty() || current.equals(defaultSubject(was))) {
            subject.set(defaultSubject(is));
        }
    }

    private static String defaultSubject(String topic) {
        return topic == null || topic.isBlank() ? "" : topic.strip() + "-value";
    }

    boolean encodes() {
        return encoding.get() != ValueEncoding.NONE;
    }

    /** What is typed now, fixed for a send that runs on another thread. */
    Encoder encoder() {
        if (!encodes()) {
            throw new IllegalStateException("no encoding chosen");
        }
        if (registry.get().isBlank()) {
            throw new IllegalArgumentException("Give the schema registry: its URL, or a Glue registry ARN.");
        }
        if (subject.get().isBlank()) {
            throw new IllegalArgumentException(registry.get().strip().startsWith("arn:")
                    ? "Give the Glue schema version id (a UUID)." : "Give the subject, e.g. orders-value.");
        }
        return new Encoder(backend, new Request(registry.get().strip(), subject.get().strip(), encoding.get(),
                schemaText.get()));
    }

    /** What the person chose, fixed when Send was pressed. */
    private record Request(String registry, String subject, ValueEncoding encoding, String schemaText) {
    }

    /** Registers or finds the schema once, then encodes each value; used on the send thread. */
    static final class Encoder {
        private final SchemaBackend backend;
        private final Request request;
        private PreparedSchema prepared;

        private Encoder(SchemaBackend backend, Request request) {
            this.backend = backend;
            this.request = request;
        }

        byte[] encode(String json) {
            if (prepared == null) {
                prepared = backend.prepare(request.registry(), request.subject(), request.encoding().format(),
                        request.schemaText());
            }
            return backend.encode(prepared, json);
        }

        /** "Confluent wire format, schema id 3, subject orders-value, AVRO", once a value was encoded. */
        String describe() {
            return prepared == null ? "" : prepared.describe();
        }
    }

    public ObjectProperty<ValueEncoding> encodingProperty() {
        return encoding;
    }

    /** The registry's URL, or a Glue registry ARN (then the subject is the schema version UUID). */
    public StringProperty registryProperty() {
        return registry;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    /** A schema to register under the subject; blank uses the subject's latest version. */
    public StringProperty schemaTextProperty() {
        return schemaText;
    }

    public ObservableList<String> subjectSuggestions() {
        return subjectSuggestions;
    }
}
