package io.triggerlab.engine.controlplane.awscheck;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.InvalidParameterValueException;
import io.triggerlab.engine.controlplane.mapping.MappingAdmission;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Strict mode ({@code serve --strict-aws}): a Create or Update whose configuration has a "Would this pass on AWS?"
 * finding of severity {@link Severity#WOULD_BE_REJECTED} is refused with the error AWS would give —
 * {@code InvalidParameterValueException}, the finding's message and what to do — so a CI pipeline fails where the
 * deployment would. Findings that only behave differently stay warnings, and an Update is refused only for findings
 * the stored mapping did not already have. A filter on metadata answers AWS's
 * {@code Invalid filter pattern definition.} first sentence.
 */
public final class StrictAwsAdmission implements MappingAdmission {

    private final AwsCompatibilityCheck check;

    public StrictAwsAdmission(AwsCompatibilityCheck check) {
        this.check = Objects.requireNonNull(check, "check");
    }

    @Override
    public void admit(EventSourceMapping before, EventSourceMapping candidate) {
        Set<String> already = before == null ? Set.of() : rejected(before).stream().map(Finding::code)
                .collect(Collectors.toSet());
        List<Finding> rejected = rejected(candidate).stream().filter(f -> !already.contains(f.code())).toList();
        if (rejected.isEmpty()) {
            return;
        }
        Finding first = rejected.get(0);
        String prefix = first.code().equals("FILTER_ON_METADATA") ? "Invalid filter pattern definition. " : "";
        String more = rejected.size() == 1 ? "" : " (" + (rejected.size() - 1) + " more: run the AWS check on the"
                + " mapping to see them all)";
        throw new InvalidParameterValueException(prefix + first.message() + " " + first.whatToDo() + more
                + " [refused because TriggerLab runs with --strict-aws; finding " + first.code()
                + (first.readingOfAws() ? ", TriggerLab's reading of AWS" : "") + "]");
    }

    private List<Finding> rejected(EventSourceMapping mapping) {
        return check.configurationFindings(mapping).stream()
                .filter(f -> f.severity() == Severity.WOULD_BE_REJECTED)
                .toList();
    }
}
