package io.triggerlab.console.systemlogs;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.observe.systemlog.SystemLogEntry;
import io.triggerlab.engine.observe.systemlog.SystemLogLevel;
import io.triggerlab.engine.observe.systemlog.SystemLogQuery;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * "System logs" of the shown trigger: the events its {@code LoggingConfig} makes the poller write, as AWS writes them
 * to CloudWatch, newest last. While the tab is shown it reads on from the last event it has ({@link #refresh()}, called
 * when the tab opens, after the trigger's invocations and on the console's timer), so it follows the log.
 */
public final class SystemLogsViewModel {

    /** The table keeps the newest this many events. */
    static final int MAX_ROWS = 2000;
    private static final int PAGE = 500;

    private final SystemLogSource source;
    private final BackgroundWork work;
    private final DateTimeFormatter time;

    private final ObservableList<SystemLogRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<SystemLogLevel> level = new SimpleObjectProperty<>(SystemLogLevel.DEBUG);
    private final ReadOnlyStringWrapper configured = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper streamName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");

    private String uuid;
    private long lastId;
    private boolean active;
    private boolean reading;
    /** Bumped when another trigger or level is shown, so answers for the previous one are dropped. */
    private long generation;

    public SystemLogsViewModel(SystemLogSource source, BackgroundWork work, ZoneId zone) {
        this.source = Objects.requireNonNull(source, "source");
        this.work = Objects.requireNonNull(work, "work");
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(zone);
        level.addListener((o, was, is) -> restart());
    }

    /** Shows this trigger's system logs (null: none). The same trigger again only updates what its config says. */
    public void show(EventSourceMapping mapping) {
        configured.set(describe(mapping));
        String shown = mapping == null ? null : mapping.uuid();
        if (!Objects.equals(shown, uuid)) {
            uuid = shown;
            restart();
        }
    }

    /** Whether the tab is on screen; becoming so reads what came meanwhile. */
    public void setActive(boolean isActive) {
        active = isActive;
        if (active) {
            refresh();
        }
    }

    /** Reads the events after the last one shown, if the tab is on screen and no read is under way. */
    public void refresh() {
        if (!active || uuid == null || reading) {
            return;
        }
        reading = true;
        long asked = generation;
        SystemLogQuery query = new SystemLogQuery(uuid, lastId, level.get(), PAGE);
        work.submit("read the system logs", () -> source.read(query), entries -> {
            if (asked != generation) {
                return;
            }
            reading = false;
            errorMessage.set("");
            append(entries);
            if (entries.size() == PAGE) {
                refresh(); // more behind this page
            }
        }, message -> {
            if (asked == generation) {
                reading = false;
                errorMessage.set(message);
            }
        });
    }

    private void restart() {
        generation++;
        reading = false;
        lastId = 0;
        rows.clear();
        streamName.set("");
        errorMessage.set("");
        refresh();
    }

    private void append(List<SystemLogEntry> entries) {
        for (SystemLogEntry e : entries) {
            rows.add(new SystemLogRow(time.format(e.timestamp()), e.level().name(), e.eventType(),
                    SystemLogSummaries.of(e.message()), e.logStreamName(), e.message()));
            lastId = e.id();
            streamName.set(e.logStreamName());
        }
        if (rows.size() > MAX_ROWS) {
            rows.remove(0, rows.size() - MAX_ROWS);
        }
    }

    private static String describe(EventSourceMapping mapping) {
        if (mapping == null) {
            return "";
        }
        if (mapping.loggingConfig() == null || mapping.loggingConfig().systemLogLevel() == null) {
            return "No LoggingConfig: this trigger writes no system logs. Edit it and choose a system log level "
                    + "(Additional settings) to see its poller's ESM_PROCESSING_EVENT, POLLER_STATUS_EVENT and "
                    + "KAFKA_STATUS_EVENT records.";
        }
        String text = "SystemLogLevel " + mapping.loggingConfig().systemLogLevel()
                + ": the poller writes events at this level and lower.";
        return mapping.isProvisioned() ? text : text + " On AWS, LoggingConfig needs provisioned mode "
                + "(ProvisionedPollerConfig); TriggerLab writes the logs in on-demand mode too.";
    }

    public ObservableList<SystemLogRow> rows() {
        return rows;
    }

    /** Which events the table shows: DEBUG = all, INFO = INFO and WARN, WARN = WARN only. */
    public ObjectProperty<SystemLogLevel> levelProperty() {
        return level;
    }

    /** The trigger's LoggingConfig in words, or how to set one. */
    public ReadOnlyStringProperty configuredProperty() {
        return configured.getReadOnlyProperty();
    }

    /** AWS's log stream of the newest event shown ({@code YYYY/MM/DD/<uuid>}). */
    public ReadOnlyStringProperty streamNameProperty() {
        return streamName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }
}
