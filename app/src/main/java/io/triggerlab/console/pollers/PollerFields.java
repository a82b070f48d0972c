package io.triggerlab.console.pollers;

import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * {@code ProvisionedPollerConfig} as a form types it — provisioned or not, MinimumPollers, MaximumPollers and
 * PollerGroupName as text — for the wizard's "Event pollers" section and the trigger page's Pollers tab.
 */
public final class PollerFields {

    private final BooleanProperty provisioned = new SimpleBooleanProperty();
    private final StringProperty minPollers = new SimpleStringProperty("");
    private final StringProperty maxPollers = new SimpleStringProperty("");
    private final StringProperty group = new SimpleStringProperty("");

    /** Calls {@code changed} whenever a field changes (a change listener: every change, read or not). */
    public void onChange(Runnable changed) {
        provisioned.addListener((o, was, is) -> changed.run());
        for (StringProperty field : new StringProperty[]{minPollers, maxPollers, group}) {
            field.addListener((o, was, is) -> changed.run());
        }
    }

    /** Shows a stored configuration; null or {@code {}} is on-demand mode. */
    public void fill(ProvisionedPollerConfig config) {
        boolean on = config != null && !config.isEmpty();
        fill(on, on && config.minimumPollers() != null ? String.valueOf(config.minimumPollers()) : "",
                on && config.maximumPollers() != null ? String.valueOf(config.maximumPollers()) : "",
                on && config.pollerGroupName() != null ? config.pollerGroupName() : "");
    }

    /** Sets the fields as text (the wizard keeps its settings as text until it builds the request). */
    public void fill(boolean on, String min, String max, String groupName) {
        provisioned.set(on);
        minPollers.set(min);
        maxPollers.set(max);
        group.set(groupName);
    }

    public BooleanProperty provisionedProperty() {
        return provisioned;
    }

    public StringProperty minPollersProperty() {
        return minPollers;
    }

    public StringProperty maxPollersProperty() {
        return maxPollers;
    }

    /** PollerGroupName: triggers of one group share its event poller units. */
    public StringProperty groupProperty() {
        return group;
    }
}
