package io.triggerlab.console.producer;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.inspector.JsonText;
import io.triggerlab.console.inspector.JsonVerdict;
import io.triggerlab.engine.infra.cluster.SentRecord;
import io.triggerlab.engine.infra.cluster.TestRecord;
import io.triggerlab.engine.client.RecordSender;
import io.triggerlab.engine.client.ClusterTopics;
import io.triggerlab.engine.infra.cluster.TopicInfo;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LongSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The "Produce test records" panel: key, value (text, JSON or a file), headers, partition, count and rate, sent through
 * the engine's {@link RecordSender} on the producer's own thread, with progress and Stop. {@code {n}} in the key,
 * value or a header value becomes the record's number (1..count), so one click can send distinct records.
 */
public final class ProducerViewModel {

    public static final int MAX_COUNT = 10_000;
    public static final String NUMBER_PLACEHOLDER = "{n}";
    public static final int MAX_RATE = 100_000;

    private static final Logger log = LoggerFactory.getLogger(ProducerViewModel.class);

    private final ClusterTopics topics;
    private final RecordSender producer;
    private final BackgroundWork work;
    private final Executor sendThread;
    private final PacedSend pacedSend;
    /** Set by Stop (on the FX thread), read by the send loop (on the send thread). */
    private final AtomicBoolean stopRequested = new AtomicBoolean();

    private final StringProperty topic = new SimpleStringProperty("");
    private final ObservableList<String> topicSuggestions = FXCollections.observableArrayList();
    private final StringProperty key = new SimpleStringProperty("");
    private final ObjectProperty<ValueSource> valueSource = new SimpleObjectProperty<>(ValueSource.JSON);
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty file = new SimpleStringProperty("");
    private final ObservableList<HeaderEntry> headers = FXCollections.observableArrayList();
    private final StringProperty partition = new SimpleStringProperty("");
    private final StringProperty count = new SimpleStringProperty("1");
    private final StringProperty rate = new SimpleStringProperty("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper valueProblem = new ReadOnlyStringWrapper("");
    private final SchemaChoice schema;
    private ProducerForms forms = new ProducerForms();

    /**
     * @param sendThread runs a whole send, which at a low rate may take minutes: the producer's own thread, so the
     *                   console's workers stay free
     * @param pacer      the clock that paces sends ({@link Pacer#system()})
     */
    public ProducerViewModel(ClusterTopics topics, RecordSender producer, BackgroundWork work, Executor sendThread,
                             Pacer pacer) {
        this(topics, producer, work, sendThread, pacer, SchemaBackend.none());
    }

    /** @param schemas the registry that values encoded with a schema are registered in and framed for */
    public ProducerViewModel(ClusterTopics topics, RecordSender producer, BackgroundWork work, Executor sendThread,
                             Pacer pacer, SchemaBackend schemas) {
        this.schema = new SchemaChoice(schemas, work);
        this.topics = Objects.requireNonNull(topics, "topics");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.work = Objects.requireNonNull(work, "work");
        this.sendThread = Objects.requireNonNull(sendThread, "sendThread");
        this.pacedSend = new PacedSend(producer, Objects.requireNonNull(pacer, "pacer"));
        value.addListener(o -> checkValue());
        valueSource.addListener(o -> checkValue());
        topic.addListener((o, was, is) -> {
            schema.topicChanged(was, is);
            recall(is);
        });
        // a schema encodes JSON: the value is typed as JSON whatever was chosen before
        schema.encodingProperty().addListener((o, was, is) -> {
            if (schema.encodes()) {
                valueSource.set(ValueSource.JSON);
            }
        });
    }

    /** Keeps the last sent form per topic in {@code forms}, which outlives this panel; fills it in for the topic. */
    public void rememberIn(ProducerForms forms) {
        this.forms = Objects.requireNonNull(forms, "forms");
        if (topic.get().isBlank() && forms.lastTopic() != null) {
            topic.set(forms.lastTopic());
        }
        recall(topic.get());
    }

    private void recall(String name) {
        ProducerForms.Form form = name == null ? null : forms.recall(name.strip());
        if (form == null || busy.get()) {
            return;
        }
        key.set(form.key());
        valueSource.set(form.source());
        value.set(form.value());
        file.set(form.file());
        headers.setAll(form.headers().stream().map(h -> new HeaderEntry(h[0], h[1])).toList());
        partition.set(form.partition());
        count.set(form.count());
        rate.set(form.rate());
        form.schema().applyTo(schema);
    }

    private void remember() {
        forms.remember(topic.get().strip(), new ProducerForms.Form(key.get(), valueSource.get(), value.get(), file.get(),
                headers.stream().map(h -> new String[]{h.nameProperty().get(), h.valueProperty().get()}).toList(),
                partition.get(), count.get(), rate.get(), ProducerForms.SchemaForm.of(schema)));
    }

    /** In JSON mode the value must be exactly one JSON object or array ({n} counts as a number): said while typing. */
    private void checkValue() {
        String text = value.get() == null ? "" : value.get();
        if (valueSource.get() != ValueSource.JSON || text.isBlank()) {
            valueProblem.set("");
            return;
        }
        JsonVerdict verdict = JsonText.verdict(text.replace(NUMBER_PLACEHOLDER, "1").getBytes(StandardCharsets.UTF_8));
        valueProblem.set(verdict.isJson() ? "" : "Not JSON: " + verdict.reason() + ". Fix it, or choose Text to send "
                + "it as it is.");
    }

    /** Why the value is not valid JSON in JSON mode; "" when it is (or another mode is chosen). */
    public ReadOnlyStringProperty valueProblemProperty() {
        return valueProblem.getReadOnlyProperty();
    }

    /** Lists the cluster's topics for the topic field's suggestions. */
    public void loadTopics() {
        work.submit("list the topics", topics::listTopics,
                list -> topicSuggestions.setAll(list.stream().map(TopicInfo::name).toList()), errorMessage::set);
        schema.load(errorMessage::set);
    }

    public void addHeader() {
        headers.add(new HeaderEntry("", ""));
    }

    public void removeHeader(HeaderEntry header) {
        headers.remove(header);
    }

    /** Sends the records; {@link #resultProperty()} says where they went, {@link #errorMessageProperty()} why not. */
    public void send() {
        errorMessage.set("");
        result.set("");
        Draft draft;
        try {
            draft = draft();
        } catch (IllegalArgumentException e) {
            errorMessage.set(e.getMessage());
            return;
        }
        remember();
        busy.set(true);
        stopRequested.set(false);
        progress.set(0);
        progressText.set("Sending…");
        sendThread.execute(() -> sendAll(draft));
    }

    /** On the send thread: builds the records, sends them paced, and reports back on the FX thread. */
    private void sendAll(Draft draft) {
        try {
            List<TestRecord> records = draft.records();
            int total = records.size();
            List<SentRecord> sent = pacedSend.run(draft.topic(), records, draft.rate(), stopRequested::get,
                    n -> work.onFxThread(() -> showProgress(n, total, draft.rate())));
            work.onFxThread(() -> finished(sent, total, draft.framing()));
        } catch (RuntimeException | Error e) {
            String message = BackgroundWork.describe("send the records", e);
            log.warn("Could not send the test records to topic {}: {}", draft.topic(), message);
            work.onFxThread(() -> {
                busy.set(false);
                progressText.set("");
                errorMessage.set(message);
            });
        }
    }

    /** Stops a send in progress after the records already on their way; says how many went. */
    public void stop() {
        if (busy.get()) {
            stopRequested.set(true);
            progressText.set("Stopping…");
        }
    }

    private void showProgress(int sent, int total, Integer perSecond) {
        if (!busy.get()) {
            return;
        }
        progress.set(total == 0 ? 1 : (double) sent / total);
        progressText.set("Sent " + sent + " of " + total + (perSecond == null ? "" : " at " + perSecond + "/s")
                + (stopRequested.get() ? " — stopping…" : ""));
    }

    private void finished(List<SentRecord> sent, int total, String framing) {
        busy.set(false);
        progress.set(total == 0 ? 1 : (double) sent.size() / total);
        progressText.set("");
        String where = SentSummary.describe(sent) + (framing.isEmpty() ? "" : " (" + framing + ")");
        result.set(sent.size() < total ? "Stopped after " + sent.size() + " of " + total + " records. " + where : where);
    }

    /** Everything typed, checked and turned into records (the file is read in the background, at send time). */
    private Draft draft() {
        String topicName = topic.get() == null ? "" : topic.get().strip();
        if (topicName.isEmpty()) {
            throw new IllegalArgumentException("Give the topic to send to.");
        }
        int n = parseInt(count.get(), "Count", 1, MAX_COUNT, 1);
        Integer perSecond = rate.get() == null || rate.get().isBlank() ? null
                : parseInt(rate.get(), "Rate", 1, MAX_RATE, 1);
        Integer targetPartition = partition.get() == null || partition.get().isBlank() ? null
                : parseInt(partition.get(), "Partition", 0, Integer.MAX_VALUE, 0);
        List<HeaderEntry> named = headers.stream().filter(h -> !h.nameProperty().get().isBlank()).toList();
        ValueSource source = valueSource.get();
        String text = value.get() == null ? "" : value.get();
        if (source == ValueSource.JSON && !text.isBlank() && JsonText.parseOrEmpty(text.replace(NUMBER_PLACEHOLDER, "1")).isEmpty()) {
            throw new IllegalArgumentException("The value is not valid JSON (exactly one object or array). Choose Text "
                    + "to send it as it is.");
        }
        Path path = source == ValueSource.FILE ? Path.of(file.get() == null ? "" : file.get().strip()) : null;
        if (source == ValueSource.FILE && path.toString().isEmpty()) {
            throw new IllegalArgumentException("Choose the file whose bytes become the value.");
        }
        String keyText = key.get() == null ? "" : key.get();
        SchemaChoice.Encoder encoder = schema.encodes() ? schema.encoder() : null;
        return new Draft(topicName, perSecond, encoder, () -> {
            byte[] fileBytes = path == null ? null : readFile(path);
            List<TestRecord> records = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                String number = String.valueOf(i);
                byte[] keyBytes = keyText.isEmpty() ? null : utf8(keyText.replace(NUMBER_PLACEHOLDER, number));
                byte[] valueBytes = encoder != null ? encoder.encode(text.replace(NUMBER_PLACEHOLDER, number))
                        : fileBytes != null ? fileBytes
                        : text.isEmpty() ? null : utf8(text.replace(NUMBER_PLACEHOLDER, number));
                List<TestRecord.Header> recordHeaders = named.stream().map(h -> new TestRecord.Header(
                        h.nameProperty().get().strip(), utf8(h.valueProperty().get().replace(NUMBER_PLACEHOLDER, number))))
                        .toList();
                records.add(new TestRecord(targetPartition, keyBytes, valueBytes, recordHeaders));
            }
            return records;
        });
    }

    private static byte[] readFile(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the value file " + path + ": " + e.getMessage(), e);
        }
    }

    private static int parseInt(String text, String what, int min, int max, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(text.strip());
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(what + " " + parsed + " is out of range: must be " + min + ".."
                        + (max == Integer.MAX_VALUE ? "" : String.valueOf(max)));
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text.strip() + "' is not a whole number");
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The records are built when sending, in the background, because a value file may be large. */
    private record Draft(String topic, Integer rate, SchemaChoice.Encoder encoder,
                         java.util.function.Supplier<List<TestRecord>> build) {
        List<TestRecord> records() {
            return build.get();
        }

        String framing() {
            return encoder == null ? "" : encoder.describe();
        }
    }

    public StringProperty topicProperty() {
        return topic;
    }

    public ObservableList<String> topicSuggestions() {
        return topicSuggestions;
    }

    /** The schema the value is encoded with, if any. */
    public SchemaChoice schema() {
        return schema;
    }

    public StringProperty keyProperty() {
        return key;
    }

    public ObjectProperty<ValueSource> valueSourceProperty() {
        return valueSource;
    }

    public StringProperty valueProperty() {
        return value;
    }

    /** The file whose bytes become the value, when the source is File. */
    public StringProperty fileProperty() {
        return file;
    }

    public ObservableList<HeaderEntry> headers() {
        return headers;
    }

    /** Empty: Kafka's partitioner chooses (by key). */
    public StringProperty partitionProperty() {
        return partition;
    }

    public StringProperty countProperty() {
        return count;
    }

    /** Records per second; blank sends as fast as the cluster takes them. */
    public StringProperty rateProperty() {
        return rate;
    }

    /** 0..1 of the records sent so far. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Sent 40 of 100 at 10/s" while sending. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** True while a send runs (Send is disabled, Stop enabled). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Where the last records went. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }
}
