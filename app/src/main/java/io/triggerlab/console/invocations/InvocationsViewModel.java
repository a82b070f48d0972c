package io.triggerlab.console.invocations;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.observe.history.HistoryQuery;
import io.triggerlab.engine.client.InvocationQueries;
import io.triggerlab.engine.observe.history.InvocationSummary;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The invocations of the selected trigger, newest first, paged from the engine's history (keyset paging, so rows never
 * repeat or go missing while new ones arrive). New invocations come in at the top when the engine announces them;
 * the outcome filter asks the history, the search filters the loaded rows.
 *
 * <p>With "Group attempts" on (the default) a retried batch is one line, at the place of its newest attempt, that
 * expands to its other attempts ({@link AttemptGroups}). The outcome filter and the search apply to attempts: a batch
 * shows when one of its attempts passes, its line is the newest attempt that passes; an expanded group lists all the
 * batch's other attempts, whatever their outcome, so the batch's whole story is one click away.
 */
public final class InvocationsViewModel {

    public static final int PAGE_SIZE = 200;

    private final InvocationQueries history;
    private final BackgroundWork work;
    private final ZoneId zone;

    /** Every loaded invocation, newest first, as the history returned them. */
    private final List<InvocationRow> rows = new ArrayList<>();
    /** What the table shows: the rows that pass the search, grouped by batch or not. */
    private final ObservableList<InvocationLine> lines = FXCollections.observableArrayList();
    private final BooleanProperty grouped = new SimpleBooleanProperty(true);
    private final Set<String> expanded = new HashSet<>();
    private final Map<String, List<InvocationRow>> fetchedAttempts = new HashMap<>();
    private int matching;
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

    public InvocationsViewModel(InvocationQueries history, BackgroundWork work, ZoneId zone) {
        this.history = Objects.requireNonNull(history, "history");
        this.work = Objects.requireNonNull(work, "work");
        this.zone = Objects.requireNonNull(zone, "zone");
        filter.addListener((o, was, is) -> reload());
        search.addListener((o, was, is) -> rebuild());
        grouped.addListener((o, was, is) -> rebuild());
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
        expanded.clear();
        fetchedAttempts.clear();
        selected.set(null);
        moreAvailable.set(false);
        refreshing = false;
        refreshAgain = false;
        rebuild();
        if (mappingUuid == null) {
            return;
        }
        long asked = generation;
        loading.set(true);
        HistoryQuery query = query();
        work.submit("load the invocations", () -> history.list(query), page -> {
            if (asked == generation) {
                loading.set(false);
                rows.clear();
                rows.addAll(toRows(page));
                moreAvailable.set(page.size() == PAGE_SIZE);
                rebuild();
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
                rebuild();
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
            rebuild();
        }
    }

    /**
     * Opens or closes a retried batch's group. Opening fetches all the batch's attempts once, so attempts on pages
     * not loaded yet (or hidden by the outcome filter) show too.
     */
    public void toggle(InvocationLine line) {
        if (line == null || !line.isGroup()) {
            return;
        }
        String batchId = line.batchId();
        if (!expanded.add(batchId)) {
            expanded.remove(batchId);
            rebuild();
            return;
        }
        rebuild();
        long asked = generation;
        work.submit("load the attempts of batch " + batchId, () -> history.attemptsOf(batchId), attempts -> {
            if (asked == generation) {
                fetchedAttempts.put(batchId, toRows(attempts));
                rebuild();
            }
        }, this::fail);
    }

    /** Puts the lines together again from the loaded rows; cheap (one pass), so it runs on every change. */
    private void rebuild() {
        String needle = search.get();
        List<InvocationRow> passing = rows.stream().filter(row -> row.matches(needle)).toList();
        matching = passing.size();
        lines.setAll(grouped.get() ? AttemptGroups.lines(passing, expanded, fetchedAttempts) : AttemptGroups.flat(passing));
        describe();
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
        String text = matching == rows.size() ? rows.size() + more + " invocations"
                : matching + " of " + rows.size() + more + " invocations match";
        long batches = lines.stream().filter(line -> line.kind() != InvocationLine.Kind.ATTEMPT).count();
        summary.set(grouped.get() && batches < matching ? text + " in " + batches + (batches == 1 ? " batch" : " batches") : text);
    }

    /** The table's lines: the loaded rows that pass the search, retried batches grouped while grouping is on. */
    public ObservableList<InvocationLine> lines() {
        return lines;
    }

    /** "Group attempts": one line per retried batch (on by default), or one line per invocation. */
    public BooleanProperty groupedProperty() {
        return grouped;
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
