package io.triggerlab.console.triggers;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.observe.events.EngineEvent;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The triggers (event source mappings) in the side list, live: loaded once from the engine, then kept current by the
 * engine's mapping events. Holds which trigger is selected; the work area follows the selection.
 */
public final class TriggerListViewModel {

    private final Supplier<List<EventSourceMapping>> loadAll;
    private final BackgroundWork work;

    private final ObservableList<TriggerRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedUuid = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    /**
     * What engine events said while a load was under way, by UUID (null: removed). The load read the store at some
     * point before it finished; these are newer, so they win over the loaded rows. Without this, a restart's load
     * could overwrite "Enabled" with the "Enabling…" it had read, until the next change of that trigger.
     */
    private final java.util.Map<String, EventSourceMapping> newerThanLoad = new java.util.LinkedHashMap<>();
    private int loadsUnderWay;

    /**
     * @param loadAll every mapping, in creation order (blocking; called in the background)
     * @param work    runs the load off the FX thread
     */
    public TriggerListViewModel(Supplier<List<EventSourceMapping>> loadAll, BackgroundWork work) {
        this.loadAll = Objects.requireNonNull(loadAll, "loadAll");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** Loads every trigger again (F5); the selection stays when the trigger still exists. */
    public void refresh() {
        loading.set(true);
        loadsUnderWay++;
        work.submit("load the triggers", loadAll::get, mappings -> {
            loadFinished();
            errorMessage.set("");
            String selected = selectedUuid.get();
            rows.setAll(mappings.stream().map(TriggerRow::of).toList());
            java.util.Map<String, EventSourceMapping> newer = new java.util.LinkedHashMap<>(newerThanLoad);
            if (loadsUnderWay == 0) {
                newerThanLoad.clear();
            }
            newer.forEach((uuid, mapping) -> {
                if (mapping == null) {
                    remove(uuid);
                } else {
                    upsert(mapping);
                }
            });
            if (selected != null && indexOf(selected) < 0) {
                selectedUuid.set(null);
            }
        }, message -> {
            loadFinished();
            if (loadsUnderWay == 0) {
                newerThanLoad.clear();
            }
            errorMessage.set(message);
        });
    }

    private void loadFinished() {
        loadsUnderWay = Math.max(0, loadsUnderWay - 1);
        loading.set(loadsUnderWay > 0);
    }

    /**
     * Shows the triggers saved in the data directory while the engine starts, each badged "Starting engine…"; the
     * running engine's list replaces them. On the FX thread.
     */
    public void showSaved(List<EventSourceMapping> saved) {
        rows.setAll(saved.stream().map(TriggerRow::starting).toList());
    }

    /** Engine events, on the FX thread: a changed mapping updates or adds its row, a removed one goes. */
    public void onEngineEvent(EngineEvent event) {
        if (event instanceof EngineEvent.MappingChanged) {
            EventSourceMapping mapping = ((EngineEvent.MappingChanged) event).mapping();
            if (loadsUnderWay > 0) {
                newerThanLoad.put(mapping.uuid(), mapping);
            }
            upsert(mapping);
        } else if (event instanceof EngineEvent.MappingRemoved) {
            String uuid = ((EngineEvent.MappingRemoved) event).uuid();
            if (loadsUnderWay > 0) {
                newerThanLoad.put(uuid, null);
            }
            remove(uuid);
        }
    }

    /** Shows a mapping the console itself just created or changed, without waiting for its event. */
    public void upsert(EventSourceMapping mapping) {
        TriggerRow row = TriggerRow.of(mapping);
        int at = indexOf(mapping.uuid());
        if (at < 0) {
            rows.add(row);
        } else if (!rows.get(at).equals(row)) {
            rows.set(at, row);
        }
    }

    private void remove(String uuid) {
        int at = indexOf(uuid);
        if (at >= 0) {
            rows.remove(at);
        }
        if (uuid.equals(selectedUuid.get())) {
            selectedUuid.set(null);
        }
    }

    private int indexOf(String uuid) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).uuid().equals(uuid)) {
                return i;
            }
        }
        return -1;
    }

    /** The rows in creation order; the view shows them, it never changes them. */
    public ObservableList<TriggerRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The selected trigger's UUID, or null. The view writes it on selection; the shell writes it after create. */
    public ObjectProperty<String> selectedUuidProperty() {
        return selectedUuid;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the list could not be loaded, or empty. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }
}
