package io.triggerlab.console.invocations;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.history.HistoryQuery;
import io.triggerlab.engine.history.InvocationHistory;
import io.triggerlab.engine.history.InvocationSummary;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The invocations of the selected trigger, newest first, paged from the engine's history (keyset paging, so rows never
 * repeat or go missing while new ones arrive). New invocations come in at the top when the engine announces them;
 * the outcome filter asks the history, the search filters the loaded rows.
 */
public final class InvocationsViewModel {

    public static final int PAGE_SIZE = 200;

    private final InvocationHistory history;
    private final BackgroundWork work;
    private final ZoneId zone;

    private final ObservableList<InvocationRow> rows = FXCollections.observableArrayList();
    private final FilteredList<InvocationRow> shown = new FilteredList<>(rows);
    private final ObjectProperty<OutcomeFilter> filter = new SimpleObjectProperty<>(OutcomeFilter.ALL);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<InvocationRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper moreAvailable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");

    private String mappingUuid;
    /** Bumped whenever the mapping or filter changes, so answers to older requests are dropped. */
    private long generation;
    private boolean refreshing;
    private boolean refreshAgain;

    public InvocationsViewModel(InvocationHistory history, BackgroundWork work, ZoneId zone) {
        this.history = Objects.requireNonNull(history, "history");
        this.work = Objects.requireNonNull(work, "work");
        this.zone = Objects.requireNonNull(zone, "zone");
        filter.addListener((o, was, is) -> reload());
        search.addListener((o, was, is) -> {
            shown.setPredicate(row -> row.matches(is));
            describe();
        });
    }

    /** Shows the invocations of this trigger (null: none). */
    public void show(String uuid) {
        mappingUuid = uuid;
        reload();
    }

    /** Loads the newest page again from scratch. */
    public void reload() {
        generation++;
        rows.clear();
        selected.set(null);
        moreAvailable.set(false);
        refreshing = false;
        refreshAgain = false;
        describe();
        if (mappingUuid == null) {
            return;
        }
        long asked = generation;
        loading.set(true);
        HistoryQuery query = query();
        work.submit("load the invocations", () -> history.list(query), page -> {
            if (asked == generation) {
                loading.set(false);
                rows.setAll(toRows(page));
                moreAvailable.set(page.size() == PAGE_SIZE);
                describe();
            }
        }, this::fail);
    }

    /** Appends the next older page. */
    public void loadOlder() {
        if (mappingUuid == null || rows.isEmpty() || loading.get()) {
            return;
        }
        long asked = generation;
        long oldest = rows.get(rows.size() - 1).id();
        loading.set(true);
        HistoryQuery query = query().before(oldest);
        work.submit("load older invocations", () -> history.list(query), page -> {
            if (asked == generation) {
                loading.set(false);
                rows.addAll(toRows(page));
                moreAvailable.set(page.size() == PAGE_SIZE);
                describe();
            }
        }, this::fail);
    }

    /**
     * The engine announced new invocations of a trigger (already coalesced by the event bridge). For the one shown,
     * the newest rows are fetched and put on top; while a fetch runs, further announcements cause one more fetch.
     */
    public void onInvocationsOf(String uuid) {
        if (mappingUuid == null || !mappingUuid.equals(uuid)) {
            return;
        }
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        long asked = generation;
        HistoryQuery query = query();
        work.submit("load new invocations", () -> history.list(query), page -> {
            if (asked != generation) {
                return;
            }
            refreshing = false;
            prependNewer(page);
            if (refreshAgain) {
                refreshAgain = false;
                onInvocationsOf(uuid);
            }
        }, message -> {
            refreshing = false;
            fail(message);
        });
    }

    private void prependNewer(List<InvocationSummary> newestFirst) {
        long newestKnown = rows.isEmpty() ? 0 : rows.get(0).id();
        List<InvocationRow> newer = new ArrayList<>();
        for (InvocationSummary s : newestFirst) {
            if (s.id() > newestKnown) {
                newer.add(InvocationRow.of(s, zone));
            }
        }
        if (!newer.isEmpty()) {
            // A gap (more new rows than one page) is fine: "Load older" pages on from the oldest row shown.
            rows.addAll(0, newer);
            describe();
        }
    }

    private HistoryQuery query() {
        return HistoryQuery.ofMapping(mappingUuid, PAGE_SIZE).withOutcomes(filter.get().outcomes());
    }

    private List<InvocationRow> toRows(List<InvocationSummary> page) {
        return page.stream().map(s -> InvocationRow.of(s, zone)).toList();
    }

    private void fail(String message) {
        loading.set(false);
        errorMessage.set(message);
    }

    private void describe() {
        errorMessage.set("");
        if (mappingUuid == null) {
            summary.set("");
            return;
        }
        String more = moreAvailable.get() ? "+" : "";
        summary.set(shown.size() == rows.size() ? rows.size() + more + " invocations"
                : shown.size() + " of " + rows.size() + more + " invocations match");
    }

    /** The rows after the search; the table shows these. */
    public ObservableList<InvocationRow> rows() {
        return shown;
    }

    public ObjectProperty<OutcomeFilter> filterProperty() {
        return filter;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The row the inspector shows. */
    public ObjectProperty<InvocationRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty moreAvailableProperty() {
        return moreAvailable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "200+ invocations", "3 of 200 invocations match". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }
}
