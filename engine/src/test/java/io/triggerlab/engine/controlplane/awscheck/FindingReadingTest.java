package io.triggerlab.engine.controlplane.awscheck;

import io.triggerlab.engine.controlplane.mapping.FilterCriteria;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which findings say they are TriggerLab's reading of AWS (docs/aws-reading.md), without an engine. */
class FindingReadingTest {

    @Test
    void aFilterOnRecordMetadata_isFlaggedAsTriggerLabsReading() {
        List<Finding> findings = new ArrayList<>();

        FilterChecks.check(FilterCriteria.of("{\"partition\":[0],\"value\":{\"kind\":[\"a\"]}}"), findings);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("FILTER_ON_METADATA");
            assertThat(f.readingOfAws()).isTrue();
        });
    }

    @Test
    void aFilterOnTheValueOnly_findsNothing() {
        List<Finding> findings = new ArrayList<>();

        FilterChecks.check(FilterCriteria.of("{\"value\":{\"kind\":[\"a\"]}}"), findings);

        assertThat(findings).isEmpty();
    }

    @Test
    void aFindingOnADocumentedLimit_isNotAReading() {
        Finding documented = new Finding("FUNCTION_TIMEOUT_ABOVE_14_MINUTES", Severity.WOULD_BE_REJECTED,
                "Function 'f' has a timeout of 900 s.", "Lower the timeout.");
        Finding reading = Finding.reading("PROVISIONED_ONLY_IN_ON_DEMAND", Severity.WOULD_BE_REJECTED,
                "MaximumRetryAttempts 2 is available only in provisioned mode.", "Set ProvisionedPollerConfig.");

        assertThat(documented.readingOfAws()).isFalse();
        assertThat(reading.readingOfAws()).isTrue();
        assertThat(reading.code()).isEqualTo("PROVISIONED_ONLY_IN_ON_DEMAND");
    }
}
