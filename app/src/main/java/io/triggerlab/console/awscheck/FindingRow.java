package io.triggerlab.console.awscheck;

import io.triggerlab.engine.controlplane.awscheck.Finding;
import io.triggerlab.engine.controlplane.awscheck.Severity;

import java.util.Objects;

/**
 * One finding as the tab shows it.
 *
 * @param code         the engine's stable code, e.g. {@code MSK_SASL_PLAIN}
 * @param severity     rejected, or behaves differently
 * @param whatAwsDoes  what is the matter on AWS, naming the setting
 * @param whatToChange how to make it pass (or what to expect)
 * @param readingOfAws true when the finding rests on TriggerLab's reading of AWS, not on AWS's documentation (the
 *                     engine's {@link Finding#readingOfAws()})
 */
public record FindingRow(String code, Severity severity, String whatAwsDoes, String whatToChange, boolean readingOfAws) {

    public FindingRow {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(whatAwsDoes, "whatAwsDoes");
        Objects.requireNonNull(whatToChange, "whatToChange");
    }

    public static FindingRow of(Finding finding) {
        return new FindingRow(finding.code(), finding.severity(), finding.message(), finding.whatToDo(),
                finding.readingOfAws());
    }

    /** "✖ AWS would reject this" or "⚠ Works differently on AWS". */
    public String severityLabel() {
        return severity == Severity.WOULD_BE_REJECTED ? "✖ AWS would reject this" : "⚠ Works differently on AWS";
    }

    /** The stylesheet class that colours the severity: {@code finding-rejected} or {@code finding-differs}. */
    public String styleClass() {
        return severity == Severity.WOULD_BE_REJECTED ? "finding-rejected" : "finding-differs";
    }
}
