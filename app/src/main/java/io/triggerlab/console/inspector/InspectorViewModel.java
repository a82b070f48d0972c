package io.triggerlab.console.inspector;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.invocations.InvocationRow;
import io.triggerlab.engine.client.InvocationQueries;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.history.InvocationSummary;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The inspector for one invocation: the exact event JSON sent, its records decoded (key, value, headers), the
 * function's response or error and its logs, and every attempt at the same batch. Exports the event as a test-event
 * file for {@code sam local invoke -e} and {@code aws lambda invoke --payload fileb://}.
 */
public final class InspectorViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    /** Rows whose stored body is not an event the function received: nothing to replay. */
    private static final Set<InvocationOutcome> NOT_AN_EVENT = EnumSet.of(InvocationOutcome.SENT_TO_DESTINATION,
            InvocationOutcome.DESTINATION_FAILED, InvocationOutcome.DROPPED, InvocationOutcome.RECORDS_EXPIRED,
            InvocationOutcome.MAXIMUM_PAYLOAD_SIZE_EXCEEDED);

    private final InvocationQueries history;
    private final InvocationReplayer replayer;
    private final BackgroundWork work;
    private final SchemaAnnotations schemaAnnotations;
    private final RawBytesAnnotations rawBytes;
    private final ZoneId zone;
    private final KafkaEventReader reader;

    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper attempts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper eventJson = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper eventKept = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ColouredJson> eventColoured = new ReadOnlyObjectWrapper<>(ColouredJson.EMPTY);
    private final ReadOnlyStringWrapper eventColourNote = new ReadOnlyStringWrapper("");
    /** The event exactly as sent (compact, byte for byte as UTF-8 text): what Copy puts on the clipboard. */
    private String eventAsSent = "";
    private final ObservableList<RecordRow> records = FXCollections.observableArrayList();
    private final ObjectProperty<RecordRow> selectedRecord = new SimpleObjectProperty<>();
    private final ObservableList<HeaderRow> headers = FXCollections.observableArrayList();
    private final ObjectProperty<ValueMode> valueMode = new SimpleObjectProperty<>(ValueMode.JSON);
    private final ObjectProperty<HeaderRow> selectedHeader = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<BytesDetail> keyDetail = new ReadOnlyObjectWrapper<>(BytesDetail.NONE);
    private final ReadOnlyObjectWrapper<BytesDetail> valueDetail = new ReadOnlyObjectWrapper<>(BytesDetail.NONE);
    private final ReadOnlyObjectWrapper<BytesDetail> headerDetail = new ReadOnlyObjectWrapper<>(BytesDetail.NONE);
    private final ReadOnlyStringWrapper response = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper logs = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper replayable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper replaying = new ReadOnlyBooleanWrapper();

    private InvocationRecord shown;
    private long requested;

    /** An inspector without replays (the Replay action stays disabled). */
    public InspectorViewModel(InvocationQueries history, BackgroundWork work, ZoneId zone) {
        this(history, null, work, zone);
    }

    /** @param replayer sends a stored event to the function again, or null when replays are not offered */
    public InspectorViewModel(InvocationQueries history, InvocationReplayer replayer, BackgroundWork work, ZoneId zone) {
        this.history = Objects.requireNonNull(history, "history");
        this.replayer = replayer;
        this.work = Objects.requireNonNull(work, "work");
        this.schemaAnnotations = new SchemaAnnotations(work);
        this.rawBytes = new RawBytesAnnotations(work);
        this.zone = Objects.requireNonNull(zone, "zone");
        this.reader = new KafkaEventReader(zone);
        selectedRecord.addListener((o, was, is) -> showRecord());
        valueMode.addListener((o, was, is) -> showRecord());
        selectedHeader.addListener((o, was, is) -> showHeader());
    }

    /** Shows the invocation of this table row (null clears the inspector). */
    public void show(InvocationRow row) {
        requested++;
        statusMessage.set("");
        errorMessage.set("");
        if (row == null) {
            clear();
            return;
        }
        long asked = requested;
        loading.set(true);
        // Reading and decoding a 6 MB event takes a while: all of it happens in the background.
        work.submit("load the invocation", () -> inspect(row.id()), inspected -> {
            if (asked == requested) {
                loading.set(false);
                apply(inspected);
            }
        }, message -> {
            loading.set(false);
            errorMessage.set(message);
        });
    }

    private Inspected inspect(long id) {
        InvocationRecord record = history.get(id).orElseThrow(() -> new IllegalArgumentException("Invocation " + id
                + " is no longer in the history: the retention limit removed it. Newer invocations are still there."));
        byte[] payload = record.payload();
        List<RecordRow> rows = payload == null ? List.of() : reader.records(payload);
        String pretty = payload == null ? notKept(record) : KafkaEventReader.pretty(payload);
        String asSent = payload == null ? "" : new String(payload, StandardCharsets.UTF_8);
        List<InvocationSummary> batch = history.attemptsOf(record.batchId());
        // Lines and colour runs are found here, off the FX thread: the view only colours the lines in view.
        return new Inspected(record, pretty, ColouredJson.of(pretty), asSent, rows, batch);
    }

    private void apply(Inspected inspected) {
        InvocationRecord r = inspected.record();
        shown = r;
        loaded.set(true);
        // Numbers run across all triggers (one history for the engine): say so, or #7 reads as "the 7th of this trigger".
        title.set("Invocation #" + r.id() + " (engine-wide) · " + InvocationRow.describe(r.outcome()));
        details.set("Request " + r.requestId() + " · started " + TIME.format(r.startedAt().atZone(zone)) + " · "
                + r.duration().toMillis() + " ms · " + r.recordCount() + " records · "
                + InvocationRow.bytes(r.payloadBytes()) + " event · attempt " + r.attempt());
        attempts.set(describeAttempts(inspected.attempts(), r.id()));
        eventKept.set(r.payload() != null);
        replayable.set(replayer != null && r.payload() != null && !NOT_AN_EVENT.contains(r.outcome()));
        eventJson.set(inspected.prettyEvent());
        eventColoured.set(inspected.coloured());
        eventColourNote.set(inspected.coloured().note());
        eventAsSent = inspected.asSent();
        records.setAll(inspected.records());
        selectedRecord.set(records.isEmpty() ? null : records.get(0));
        response.set(describeResponse(r));
        logs.set(r.logs().isEmpty() ? "(the function logged nothing)" : r.logs());
    }

    private static String notKept(InvocationRecord r) {
        String why = r.payloadNote() == null ? "the history's retention keeps bodies only up to its size limit"
                : r.payloadNote();
        return "The engine did not keep this event's JSON (it was " + InvocationRow.bytes(r.payloadBytes()) + "): "
                + why + ".";
    }

    private static String describeAttempts(List<InvocationSummary> batch, long current) {
        if (batch.size() <= 1) {
            return "First and only attempt at this batch.";
        }
        return "Attempts at this batch: " + batch.stream()
                .map(a -> "#" + a.attempt() + " " + InvocationRow.describe(a.outcome()) + (a.id() == current ? " (shown)" : ""))
                .collect(Collectors.joining(" → "));
    }

    private static String describeResponse(InvocationRecord r) {
        StringBuilder text = new StringBuilder();
        if (r.errorMessage() != null) {
            text.append("Error: ").append(r.errorMessage()).append("\n\n");
        }
        byte[] body = r.response();
        if (body == null) {
            text.append("(no response body)");
        } else {
            JsonVerdict verdict = JsonText.verdict(body);
            String raw = new String(body, StandardCharsets.UTF_8);
            if (verdict.isJson()) {
                text.append(JsonText.pretty(verdict.json()));
            } else if (raw.strip().startsWith("{") || raw.strip().startsWith("[")) {
                // Looks like JSON but is not exactly one document: say so rather than show a tidied part of it.
                text.append("(Not JSON: ").append(verdict.reason()).append(". Shown as received.)\n").append(raw);
            } else {
                text.append(raw);
            }
        }
        return text.toString();
    }

    private void showRecord() {
        RecordRow record = selectedRecord.get();
        schemaAnnotations.show(record, shown == null ? null : shown.mappingUuid());
        rawBytes.show(record);
        if (record == null) {
            headers.clear();
            selectedHeader.set(null);
            keyDetail.set(BytesDetail.NONE);
            valueDetail.set(BytesDetail.NONE);
            return;
        }
        if (!headers.equals(record.headers())) {
            headers.setAll(record.headers());
            selectedHeader.set(null);
        }
        ValueMode mode = valueMode.get();
        keyDetail.set(record.key() == null ? BytesDetail.absent("(no key)") : BytesDetail.of(record.key(), mode));
        valueDetail.set(record.value() == null ? BytesDetail.absent("(no value: a tombstone)")
                : BytesDetail.of(record.value(), mode));
        showHeader();
    }

    private void showHeader() {
        HeaderRow header = selectedHeader.get();
        if (header == null) {
            headerDetail.set(BytesDetail.absent("Select a header to see its bytes."));
        } else if (header.bytes() == null) {
            headerDetail.set(BytesDetail.absent("Header " + header.name() + " is not a byte array in the event: "
                    + header.raw()));
        } else {
            BytesDetail d = BytesDetail.of(header.bytes(), valueMode.get());
            headerDetail.set(new BytesDetail("Header " + header.name() + " · " + d.summary(), d.marker(), d.shown(),
                    d.hexDump()));
        }
    }

    private void clear() {
        shown = null;
        loaded.set(false);
        loading.set(false);
        title.set("");
        details.set("");
        attempts.set("");
        eventJson.set("");
        eventColoured.set(ColouredJson.EMPTY);
        eventColourNote.set("");
        eventAsSent = "";
        eventKept.set(false);
        replayable.set(false);
        records.clear();
        selectedRecord.set(null);
        response.set("");
        logs.set("");
    }

    /** Copy event put the event on the clipboard: say so, with its size. */
    public void copied() {
        errorMessage.set("");
        statusMessage.set("Copied the event exactly as sent (" + String.format("%,d",
                eventAsSent.getBytes(StandardCharsets.UTF_8).length) + " bytes) to the clipboard.");
    }

    /** Ctrl+C in the event's lines: confirms what went to the clipboard. */
    public void copiedLines(int lines, int characters) {
        errorMessage.set("");
        statusMessage.set("Copied " + lines + (lines == 1 ? " line" : " lines") + " of the event ("
                + String.format("%,d", characters) + " characters) to the clipboard.");
    }

    /** A file name for the exported event, e.g. {@code orders-0-offset-42-attempt-1.json}. */
    public String suggestedExportName() {
        if (shown == null || shown.partitions().isEmpty()) {
            return "kafka-event.json";
        }
        var first = shown.partitions().get(0);
        return first.topicPartition() + "-offset-" + first.firstOffset() + "-attempt-" + shown.attempt() + ".json";
    }

    /**
     * Writes the exact event bytes the function received, so {@code sam local invoke -e FILE} and
     * {@code aws lambda invoke --payload fileb://FILE} replay precisely what the trigger sent.
     */
    public void exportEvent(Path file) {
        InvocationRecord current = shown;
        if (current == null || current.payload() == null) {
            errorMessage.set("There is no event to export: select an invocation whose event JSON was kept.");
            return;
        }
        work.submit("export the event", () -> Files.write(file, current.payload()), written -> {
            errorMessage.set("");
            statusMessage.set("Saved the event to " + written + ". Replay it with: sam local invoke -e " + written
                    + "  or  aws lambda invoke --function-name FN --payload fileb://" + written + " out.json");
        }, errorMessage::set);
    }

    /**
     * Sends the shown invocation's exact event to its function again, now, once (no retries, no offsets committed).
     * The replay becomes its own row in the table ("Replay of #id") through the engine's InvocationCompleted event.
     */
    public void replay() {
        InvocationRecord current = shown;
        if (current == null || !replayable.get() || replaying.get()) {
            return;
        }
        replaying.set(true);
        errorMessage.set("");
        statusMessage.set("Replaying invocation #" + current.id() + "…");
        work.submit("replay the invocation", () -> replayer.replay(current.id()), replay -> {
            replaying.set(false);
            statusMessage.set("Replayed #" + current.id() + " as #" + replay.id() + ": "
                    + InvocationRow.describe(replay.outcome()) + " in " + replay.duration().toMillis() + " ms"
                    + (replay.errorMessage() == null ? "" : " — " + replay.errorMessage())
                    + ". No offsets were committed.");
        }, message -> {
            replaying.set(false);
            statusMessage.set("");
            errorMessage.set(message);
        });
    }

    /** True when the shown invocation's event was kept and was sent to the function, so it can be replayed. */
    public ReadOnlyBooleanProperty replayableProperty() {
        return replayable.getReadOnlyProperty();
    }

    /** True while a replay runs. */
    public ReadOnlyBooleanProperty replayingProperty() {
        return replaying.getReadOnlyProperty();
    }

    private record Inspected(InvocationRecord record, String prettyEvent, ColouredJson coloured, String asSent,
                             List<RecordRow> records,
                             List<InvocationSummary> attempts) {
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** "Attempts at this batch: #1 Function error → #2 Success (shown)". */
    public ReadOnlyStringProperty attemptsProperty() {
        return attempts.getReadOnlyProperty();
    }

    /** The event sent, pretty-printed. */
    public ReadOnlyStringProperty eventJsonProperty() {
        return eventJson.getReadOnlyProperty();
    }

    /** The pretty event cut into display lines with its colour runs, all of it. */
    public ReadOnlyObjectProperty<ColouredJson> eventColouredProperty() {
        return eventColoured.getReadOnlyProperty();
    }

    /** "2 long lines wrapped at 120 characters …" when a line was wrapped for display; "" otherwise. */
    public ReadOnlyStringProperty eventColourNoteProperty() {
        return eventColourNote.getReadOnlyProperty();
    }

    /** The exact event JSON the function received (the kept bytes as UTF-8 text), for Copy; "" when not kept. */
    public String eventAsSent() {
        return eventAsSent;
    }

    public ReadOnlyBooleanProperty eventKeptProperty() {
        return eventKept.getReadOnlyProperty();
    }

    public ObservableList<RecordRow> records() {
        return records;
    }

    public ObjectProperty<RecordRow> selectedRecordProperty() {
        return selectedRecord;
    }

    /** The selected record's headers, decoded. */
    public ObservableList<HeaderRow> headers() {
        return headers;
    }

    public ObjectProperty<ValueMode> valueModeProperty() {
        return valueMode;
    }

    /** The header whose bytes the Header pane shows. */
    public ObjectProperty<HeaderRow> selectedHeaderProperty() {
        return selectedHeader;
    }

    /** The selected record's key: size, the chosen view (with a marker when it does not fit), hex. */
    public ReadOnlyObjectProperty<BytesDetail> keyDetailProperty() {
        return keyDetail.getReadOnlyProperty();
    }

    /** The selected record's schema registry framing and how the function got it; "" for a plain record. */
    public ReadOnlyStringProperty schemaNoteProperty() {
        return schemaAnnotations.textProperty();
    }

    /** Where the subject of a schema id and a trigger's EventRecordFormat are found. */
    public void lookUpSchemasWith(SchemaLookup lookup) {
        schemaAnnotations.lookUpWith(lookup);
    }

    /** The selected schema-decoded record's bytes as stored in Kafka, framing annotated; "" for a plain record. */
    public ReadOnlyStringProperty rawBytesProperty() {
        return rawBytes.textProperty();
    }

    /** Where a record's bytes are read back from Kafka for {@link #rawBytesProperty()}. */
    public void readRawBytesWith(RawRecordSource source) {
        rawBytes.readWith(source);
    }

    public ReadOnlyObjectProperty<BytesDetail> valueDetailProperty() {
        return valueDetail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BytesDetail> headerDetailProperty() {
        return headerDetail.getReadOnlyProperty();
    }

    /** The function's error message (if any) and response body, pretty when JSON. */
    public ReadOnlyStringProperty responseProperty() {
        return response.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty logsProperty() {
        return logs.getReadOnlyProperty();
    }

    /** What the last export did, with the commands to replay it. */
    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }
}
