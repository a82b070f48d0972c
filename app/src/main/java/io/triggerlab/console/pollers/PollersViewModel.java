package io.triggerlab.console.pollers;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;
import io.triggerlab.engine.observe.metrics.EsmMetric;
import io.triggerlab.engine.observe.metrics.MetricsSnapshot;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The trigger page's "Pollers" tab: on-demand or provisioned mode ({@code ProvisionedPollerConfig} with
 * MinimumPollers, MaximumPollers and PollerGroupName), the poller group against AWS's limits, and the provisioned-mode
 * metrics AWS publishes ({@code ProvisionedPollers}, {@code EventPollerUnit}, {@code EventPollerThroughputInBytes})
 * from the engine's live samples. Save sends UpdateEventSourceMapping; the API's checks and messages apply.
 */
public final class PollersViewModel {

    private final PollersBackend backend;
    private final BackgroundWork work;

    private final PollerFields fields = new PollerFields();
    private final ReadOnlyStringWrapper mode = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper groupSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper liveMetrics = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private EventSourceMapping shown;
    /** True once the person changed a field: a newer version of the same trigger then leaves the fields alone. */
    private boolean edited;
    private boolean filling;

    public PollersViewModel(PollersBackend backend, BackgroundWork work) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.work = Objects.requireNonNull(work, "work");
        fields.onChange(() -> edited |= !filling);
    }

    /** Shows this trigger (null: none); a newer version of the one shown refreshes what it says. */
    public void show(EventSourceMapping mapping) {
        boolean other = mapping == null || shown == null || !mapping.uuid().equals(shown.uuid());
        shown = mapping;
        if (other) {
            edited = false;
            errorMessage.set("");
            liveMetrics.set("");
        }
        if (mapping == null) {
            mode.set("");
            groupSummary.set("");
            canSave.set(false);
            return;
        }
        if (!edited) {
            fill(mapping.provisionedPollerConfig());
        }
        mode.set(describe(mapping.provisionedPollerConfig()));
        canSave.set(mapping.state() == MappingState.ENABLED || mapping.state() == MappingState.DISABLED);
        if (isProvisioned(mapping.provisionedPollerConfig())) {
            if (liveMetrics.get().isEmpty()) {
                liveMetrics.set("Waiting for the next sample of the provisioned-mode metrics…");
            }
        } else {
            liveMetrics.set("On-demand mode: AWS publishes no ProvisionedPollers, EventPollerUnit or "
                    + "EventPollerThroughputInBytes.");
        }
        summarizeGroup(mapping);
    }

    /** A sample of the engine's metrics; the provisioned-mode ones of the trigger shown are shown. */
    public void onMetricsSampled(MetricsSnapshot sample) {
        if (shown == null || !sample.mappingUuid().equals(shown.uuid())) {
            return;
        }
        OptionalDouble pollers = sample.value(EsmMetric.PROVISIONED_POLLERS);
        if (pollers.isEmpty()) {
            return;
        }
        double units = sample.value(EsmMetric.EVENT_POLLER_UNIT).orElse(0);
        long bytes = (long) sample.value(EsmMetric.EVENT_POLLER_THROUGHPUT_IN_BYTES).orElse(0);
        liveMetrics.set("ProvisionedPollers " + (long) pollers.getAsDouble() + " · EventPollerUnit "
                + (units == Math.rint(units) ? String.valueOf((long) units) : String.format("%.2f", units))
                + " · EventPollerThroughputInBytes " + String.format("%,d", bytes) + " in the last "
                + String.format("%.1f", sample.interval().toMillis() / 1000.0) + " s");
    }

    /** UpdateEventSourceMapping with the mode and pollers typed. */
    public void save() {
        EventSourceMapping mapping = shown;
        if (mapping == null || !canSave.get()) {
            return;
        }
        ProvisionedPollerConfig config;
        try {
            config = typed(mapping.provisionedPollerConfig());
        } catch (IllegalArgumentException e) {
            errorMessage.set(e.getMessage());
            return;
        }
        errorMessage.set("");
        busy.set(true);
        work.submit("change the pollers", () -> backend.update(mapping.uuid(),
                UpdateEventSourceMappingRequest.builder().provisionedPollerConfig(config).build()), updated -> {
                    busy.set(false);
                    if (shown != null && updated.uuid().equals(shown.uuid())) {
                        edited = false;
                        show(updated);
                    }
                }, message -> {
                    busy.set(false);
                    errorMessage.set(message);
                });
    }

    /** The fields as the API's member: {@code {}} returns to on-demand; a cleared group name leaves the group. */
    private ProvisionedPollerConfig typed(ProvisionedPollerConfig before) {
        if (!fields.provisionedProperty().get()) {
            return new ProvisionedPollerConfig(null, null, null);
        }
        String name = fields.groupProperty().get() == null ? "" : fields.groupProperty().get().strip();
        boolean hadGroup = before != null && before.pollerGroupName() != null && !before.pollerGroupName().isEmpty();
        return new ProvisionedPollerConfig(number(fields.minPollersProperty().get(), "MinimumPollers", "1..200"),
                number(fields.maxPollersProperty().get(), "MaximumPollers", "1..2000"),
                name.isEmpty() ? (hadGroup ? "" : null) : name);
    }

    private static Integer number(String text, String member, String range) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(member + " '" + text.strip() + "' is not a whole number: give " + range
                    + ", or leave it empty for Kafka's default.");
        }
    }

    private void fill(ProvisionedPollerConfig config) {
        filling = true;
        try {
            fields.fill(config);
        } finally {
            filling = false;
        }
    }

    private void summarizeGroup(EventSourceMapping mapping) {
        ProvisionedPollerConfig config = mapping.provisionedPollerConfig();
        String name = isProvisioned(config) ? config.pollerGroupName() : null;
        if (name == null || name.isEmpty()) {
            groupSummary.set(isProvisioned(config) ? "No poller group: this trigger has event poller units of its own."
                    : "");
            return;
        }
        String uuid = mapping.uuid();
        work.submit("sum up the poller group", () -> PollerGroupSummary.of(name, backend.mappings()), text -> {
            if (shown != null && shown.uuid().equals(uuid)) {
                groupSummary.set(text);
            }
        }, message -> groupSummary.set(""));
    }

    private static boolean isProvisioned(ProvisionedPollerConfig config) {
        return config != null && !config.isEmpty();
    }

    static String describe(ProvisionedPollerConfig config) {
        if (!isProvisioned(config)) {
            return "On-demand mode: Lambda scales the pollers itself (no ProvisionedPollerConfig).";
        }
        int min = config.minimumPollers() == null ? ProvisionedPollerConfig.DEFAULT_MINIMUM_POLLERS : config.minimumPollers();
        int max = config.maximumPollers() == null ? ProvisionedPollerConfig.DEFAULT_MAXIMUM_POLLERS : config.maximumPollers();
        String name = config.pollerGroupName();
        return "Provisioned mode: " + min + " to " + max + " event pollers"
                + (name == null || name.isEmpty() ? "" : ", poller group " + name) + ".";
    }

    /** The mode and pollers as typed; a cleared group name on a grouped trigger makes Save send "" (leave the group). */
    public PollerFields fields() {
        return fields;
    }

    /** The stored mode in words. */
    public ReadOnlyStringProperty modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty groupSummaryProperty() {
        return groupSummary.getReadOnlyProperty();
    }

    /** The newest ProvisionedPollers, EventPollerUnit and EventPollerThroughputInBytes. */
    public ReadOnlyStringProperty liveMetricsProperty() {
        return liveMetrics.getReadOnlyProperty();
    }

    /** True when the trigger is Enabled or Disabled (AWS refuses changes while it is Creating, Updating…). */
    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }
}
