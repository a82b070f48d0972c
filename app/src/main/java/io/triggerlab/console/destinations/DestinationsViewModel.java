package io.triggerlab.console.destinations;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.inspector.JsonText;
import io.triggerlab.engine.observe.history.HistoryQuery;
import io.triggerlab.engine.client.InvocationQueries;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The selected trigger's on-failure deliveries, newest first: the history's {@code SENT_TO_DESTINATION} rows (their
 * payload is the failure record AWS would send) and {@code DESTINATION_FAILED} rows. For SQS/SNS/S3 ARNs without
 * {@code destinations.enabled} this is the local outbox: the records AWS would have delivered.
 */
public final class DestinationsViewModel {

    public static final int LIMIT = 200;
    static final Set<InvocationOutcome> OUTCOMES =
            EnumSet.of(InvocationOutcome.SENT_TO_DESTINATION, InvocationOutcome.DESTINATION_FAILED);

    private final InvocationQueries history;
    private final BackgroundWork work;
    private final ZoneId zone;

    private final ObservableList<OutboxRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<OutboxRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper destination = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasDestination = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper recordJson = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper recordNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");

    private String mappingUuid;
    private String configured;
    private long generation;
    private boolean refreshing;
    private boolean refreshAgain;
    private long detailRequest;

    public DestinationsViewModel(InvocationQueries history, BackgroundWork work, ZoneId zone) {
        this.history = Objects.requireNonNull(history, "history");
        this.work = Objects.requireNonNull(work, "work");
        this.zone = Objects.requireNonNull(zone, "zone");
        selected.addListener((o, was, is) -> showDetail(is));
    }

    /** Shows this trigger's deliveries (null: none). A newer version of the same trigger only updates its destination. */
    public void show(EventSourceMapping mapping) {
        configured = mapping == null || mapping.destinationConfig() == null ? null
                : mapping.destinationConfig().onFailureDestination();
        describeDestination();
        String uuid = mapping == null ? null : mapping.uuid();
        if (Objects.equals(uuid, mappingUuid)) {
            return;
        }
        mappingUuid = uuid;
        generation++;
        refreshing = false;
        refreshAgain = false;
        rows.clear();
        selected.set(null);
        describe();
        if (uuid != null) {
            refresh();
        }
    }

    /** New invocations of a trigger (coalesced by the event bridge): the shown one's deliveries are read again. */
    public void onInvocationsOf(String uuid) {
        if (uuid != null && uuid.equals(mappingUuid)) {
            refresh();
        }
    }

    /** Reads the deliveries again; while a read runs, further calls cause one more read. */
    public void refresh() {
        if (mappingUuid == null) {
            return;
        }
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        long asked = generation;
        HistoryQuery query = HistoryQuery.ofMapping(mappingUuid, LIMIT).withOutcomes(OUTCOMES);
        String target = configured;
        work.submit("load the on-failure deliveries", () -> history.list(query), page -> {
            if (asked != generation) {
                return;
            }
            refreshing = false;
            apply(page, target);
            if (refreshAgain) {
                refreshAgain = false;
                refresh();
            }
        }, message -> {
            refreshing = false;
            errorMessage.set(message);
        });
    }

    private void apply(List<InvocationSummary> page, String target) {
        long selectedId = selected.get() == null ? -1 : selected.get().id();
        rows.setAll(page.stream().map(s -> OutboxRow.of(s, zone, target)).toList());
        rows.stream().filter(r -> r.id() == selectedId).findFirst().ifPresent(r -> {
            if (selected.get() != r) {
                selected.set(r);
            }
        });
        describe();
    }

    private void showDetail(OutboxRow row) {
        long asked = ++detailRequest;
        recordJson.set("");
        recordNote.set(row == null ? "" : row.delivery().label() + ". " + row.note());
        if (row == null || row.delivery() == OutboxDelivery.FAILED) {
            return;
        }
        work.submit("load the failure record", () -> history.get(row.id()).map(DestinationsViewModel::prettyRecord)
                .orElse("This delivery is no longer in the history: the retention limit removed it."), json -> {
            if (asked == detailRequest) {
                recordJson.set(json);
            }
        }, errorMessage::set);
    }

    /** The failure record(s) as written, pretty-printed (several Kafka messages are stored as one JSON array). */
    static String prettyRecord(InvocationRecord record) {
        byte[] payload = record.payload();
        if (payload == null) {
            return "The failure record was not kept (the history keeps bodies only up to its size limit).";
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        String pretty = JsonText.prettyOrNull(text);
        return pretty == null ? text : pretty;
    }

    private void describeDestination() {
        hasDestination.set(configured != null);
        destination.set(configured != null ? "OnFailure destination: " + configured
                : "This trigger has no DestinationConfig: records it gives up on (retries used up, too old, too large) "
                + "are dropped, not sent anywhere. Set one to keep them, e.g. aws lambda update-event-source-mapping "
                + "--uuid UUID --destination-config '{\"OnFailure\":{\"Destination\":\"kafka://orders-failed\"}}'.");
    }

    private void describe() {
        errorMessage.set("");
        long failed = rows.stream().filter(r -> r.delivery() == OutboxDelivery.FAILED).count();
        String more = rows.size() == LIMIT ? " (the newest " + LIMIT + ")" : "";
        summary.set(mappingUuid == null ? "" : rows.isEmpty() ? "No records sent to a destination yet."
                : rows.size() + (rows.size() == 1 ? " delivery" : " deliveries") + more + ", newest first"
                + (failed == 0 ? "" : "; " + failed + " failed (records dropped)"));
    }

    public ObservableList<OutboxRow> rows() {
        return rows;
    }

    public ObjectProperty<OutboxRow> selectedProperty() {
        return selected;
    }

    /** The configured destination, or why there is none and how to set one. */
    public ReadOnlyStringProperty destinationProperty() {
        return destination.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasDestinationProperty() {
        return hasDestination.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The selected delivery's failure record JSON, pretty. */
    public ReadOnlyStringProperty recordJsonProperty() {
        return recordJson.getReadOnlyProperty();
    }

    /** Where the selected delivery went, in the engine's words. */
    public ReadOnlyStringProperty recordNoteProperty() {
        return recordNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }
}
