package io.triggerlab.console.shell;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.infra.cluster.ClusterHealth;
import io.triggerlab.engine.client.ClusterTopics;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;

/** The health of the cluster in use, shown in the top bar: checked now and then by asking the cluster who its brokers are. */
public final class ClusterHealthViewModel {

    private final ClusterTopics catalog;
    private final BackgroundWork work;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("Checking the cluster…");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper healthy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper unhealthy = new ReadOnlyBooleanWrapper();
    private boolean checking;

    public ClusterHealthViewModel(ClusterTopics catalog, BackgroundWork work) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** Checks once; a check still running makes this one a no-op, so a slow cluster never piles up checks. */
    public void check() {
        if (checking) {
            return;
        }
        checking = true;
        work.submit("check the cluster", catalog::checkHealth, this::healthy, this::unreachable);
    }

    private void healthy(ClusterHealth health) {
        checking = false;
        healthy.set(true);
        unhealthy.set(false);
        text.set("Healthy · " + health.brokerCount() + (health.brokerCount() == 1 ? " broker" : " brokers"));
        details.set("Cluster " + health.clusterId() + " answered in " + health.latency().toMillis() + " ms");
    }

    private void unreachable(String message) {
        checking = false;
        healthy.set(false);
        unhealthy.set(true);
        text.set("Unreachable");
        details.set(message);
    }

    /** "Healthy · 1 broker" or "Unreachable". */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The cluster id and round trip, or why it is unreachable. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty healthyProperty() {
        return healthy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty unhealthyProperty() {
        return unhealthy.getReadOnlyProperty();
    }
}
