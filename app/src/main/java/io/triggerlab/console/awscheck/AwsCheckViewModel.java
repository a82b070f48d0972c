package io.triggerlab.console.awscheck;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.controlplane.awscheck.AwsCheckReport;
import io.triggerlab.engine.controlplane.awscheck.Severity;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;

/**
 * "Would this pass on AWS?" for the selected trigger: every setting of the mapping and its function that AWS would
 * reject or that works differently there. The check reads the history and the cluster, so it runs in the background,
 * and only while the tab is shown ({@link #setActive}); "Check again" runs it anew.
 */
public final class AwsCheckViewModel {

    public static final String CLEAN = "No differences found: as configured, this trigger would pass on AWS and behave "
            + "as it does here.";

    private final AwsCheckBackend backend;
    private final BackgroundWork work;

    private final ObservableList<FindingRow> findings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper clean = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");

    private String mappingUuid;
    private boolean active;
    /** Whether the findings shown belong to {@link #mappingUuid} (false after another trigger was selected). */
    private boolean current;
    /** Bumped per request, so an answer about an earlier request (or trigger) is dropped. */
    private long generation;

    public AwsCheckViewModel(AwsCheckBackend backend, BackgroundWork work) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** The trigger to check (null: none). Runs the check now if the tab is shown, else when it is next shown. */
    public void show(String uuid) {
        if (Objects.equals(uuid, mappingUuid)) {
            return;
        }
        mappingUuid = uuid;
        current = false;
        generation++;
        findings.clear();
        summary.set("");
        clean.set(false);
        errorMessage.set("");
        busy.set(false);
        if (active && uuid != null) {
            checkAgain();
        }
    }

    /** Whether the tab is shown; the first time it is shown for a trigger, the check runs. */
    public void setActive(boolean shown) {
        active = shown;
        if (shown && !current && !busy.get() && mappingUuid != null) {
            checkAgain();
        }
    }

    /** Runs the check for the shown trigger again ("Check again"). */
    public void checkAgain() {
        if (mappingUuid == null) {
            return;
        }
        String uuid = mappingUuid;
        long asked = ++generation;
        busy.set(true);
        errorMessage.set("");
        work.submit("check the trigger against AWS", () -> backend.check(uuid), report -> {
            if (asked == generation) {
                busy.set(false);
                current = true;
                apply(report);
            }
        }, message -> {
            if (asked == generation) {
                busy.set(false);
                errorMessage.set(message);
            }
        });
    }

    private void apply(AwsCheckReport report) {
        List<FindingRow> rows = report.findings().stream().map(FindingRow::of).toList();
        findings.setAll(rows);
        clean.set(rows.isEmpty());
        summary.set(describe(report.functionName(), rows));
    }

    static String describe(String functionName, List<FindingRow> rows) {
        if (rows.isEmpty()) {
            return CLEAN;
        }
        long rejected = rows.stream().filter(r -> r.severity() == Severity.WOULD_BE_REJECTED).count();
        long differs = rows.size() - rejected;
        String verdict = rejected == 0
                ? "AWS would accept this trigger and function '" + functionName + "', but "
                : "AWS would not accept this trigger and function '" + functionName + "' as they are: ";
        StringBuilder text = new StringBuilder(verdict);
        if (rejected > 0) {
            text.append(rejected).append(rejected == 1 ? " setting it would reject" : " settings it would reject");
        }
        if (differs > 0) {
            text.append(rejected > 0 ? ", " : "").append(differs)
                    .append(differs == 1 ? " thing works differently there" : " things work differently there");
        }
        return text.append('.').toString();
    }

    public ObservableList<FindingRow> findings() {
        return findings;
    }

    /** The verdict in one sentence; {@link #CLEAN} when nothing was found. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True once a check found nothing. */
    public ReadOnlyBooleanProperty cleanProperty() {
        return clean.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }
}
