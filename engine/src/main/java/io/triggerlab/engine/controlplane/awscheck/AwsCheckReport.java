package io.triggerlab.engine.controlplane.awscheck;

import java.util.List;
import java.util.Objects;

/** The "Would this pass on AWS?" answer for one mapping and its function; findings in a fixed order per check. */
public record AwsCheckReport(String mappingUuid, String functionName, List<Finding> findings) {
    public AwsCheckReport {
        Objects.requireNonNull(mappingUuid, "mappingUuid");
        Objects.requireNonNull(functionName, "functionName");
        findings = List.copyOf(findings);
    }

    /** True when nothing would be rejected (behaviour differences may remain). */
    public boolean wouldPass() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.WOULD_BE_REJECTED);
    }
}
