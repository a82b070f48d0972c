package io.triggerlab.console.awscheck;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.controlplane.awscheck.AwsCheckReport;
import io.triggerlab.engine.controlplane.awscheck.Finding;
import io.triggerlab.engine.controlplane.awscheck.Severity;
import io.triggerlab.engine.controlplane.mapping.ResourceNotFoundException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AwsCheckViewModelTest {

    private static final Finding SASL_PLAIN = new Finding("MSK_SASL_PLAIN", Severity.WOULD_BE_REJECTED,
            "SourceAccessConfigurations type BASIC_AUTH (SASL/PLAIN) is not supported for an Amazon MSK event source.",
            "Use SASL_SCRAM_512_AUTH, CLIENT_CERTIFICATE_TLS_AUTH (mTLS) or IAM (no secret).");
    private static final Finding WINDOW = new Finding("DEFAULT_BATCHING_WINDOW_500_MS", Severity.BEHAVES_DIFFERENTLY,
            "MaximumBatchingWindowInSeconds is not set.", "Set MaximumBatchingWindowInSeconds explicitly.");
    private static final Finding PROVISIONED = Finding.reading("PROVISIONED_ONLY_IN_ON_DEMAND", Severity.WOULD_BE_REJECTED,
            "BisectBatchOnFunctionError is available only in provisioned mode (set ProvisionedPollerConfig).",
            "Set ProvisionedPollerConfig (MinimumPollers/MaximumPollers) or remove the setting.");

    private final QueuedExecutor background = new QueuedExecutor();
    private final Map<String, List<Finding>> findingsByUuid = new HashMap<>();
    private final List<String> checked = new ArrayList<>();
    private final AwsCheckViewModel vm = new AwsCheckViewModel(uuid -> {
        checked.add(uuid);
        List<Finding> found = findingsByUuid.get(uuid);
        if (found == null) {
            throw new ResourceNotFoundException("Event source mapping " + uuid + " does not exist.");
        }
        return new AwsCheckReport(uuid, "orders-fn", found);
    }, new BackgroundWork(background, Runnable::run));

    @Test
    void listsFindingsWithSeverityAndWhatToChange_andMarksTriggerLabsReadings() {
        findingsByUuid.put("u1", List.of(SASL_PLAIN, PROVISIONED, WINDOW));
        vm.setActive(true);
        vm.show("u1");
        assertThat(vm.busyProperty().get()).isTrue();
        background.runAll();

        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.findings()).extracting(FindingRow::code)
                .containsExactly("MSK_SASL_PLAIN", "PROVISIONED_ONLY_IN_ON_DEMAND", "DEFAULT_BATCHING_WINDOW_500_MS");
        assertThat(vm.findings()).extracting(FindingRow::readingOfAws).containsExactly(false, true, false);
        FindingRow first = vm.findings().get(0);
        assertThat(first.severityLabel()).isEqualTo("✖ AWS would reject this");
        assertThat(first.styleClass()).isEqualTo("finding-rejected");
        assertThat(first.whatToChange()).startsWith("Use SASL_SCRAM_512_AUTH");
        assertThat(vm.findings().get(2).severityLabel()).isEqualTo("⚠ Works differently on AWS");
        assertThat(vm.cleanProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).isEqualTo("AWS would not accept this trigger and function 'orders-fn' "
                + "as they are: 2 settings it would reject, 1 thing works differently there.");
    }

    @Test
    void aCleanReport_saysNoDifferencesFound() {
        findingsByUuid.put("u1", List.of());
        vm.setActive(true);
        vm.show("u1");
        background.runAll();

        assertThat(vm.findings()).isEmpty();
        assertThat(vm.cleanProperty().get()).isTrue();
        assertThat(vm.summaryProperty().get()).startsWith("No differences found");
    }

    @Test
    void onlyDifferences_sayAwsWouldAccept() {
        assertThat(AwsCheckViewModel.describe("fn", List.of(FindingRow.of(WINDOW))))
                .isEqualTo("AWS would accept this trigger and function 'fn', but 1 thing works differently there.");
    }

    @Test
    void runsOnlyWhileTheTabIsShown_andCheckAgainRunsItAnew() {
        findingsByUuid.put("u1", List.of(WINDOW));
        vm.show("u1");
        background.runAll();
        assertThat(checked).as("tab not shown yet").isEmpty();

        vm.setActive(true);
        background.runAll();
        vm.setActive(false);
        vm.setActive(true);
        assertThat(checked).as("shown again: the findings are still current").containsExactly("u1");

        findingsByUuid.put("u1", List.of());
        vm.checkAgain();
        background.runAll();
        assertThat(checked).containsExactly("u1", "u1");
        assertThat(vm.cleanProperty().get()).isTrue();
    }

    @Test
    void anAnswerAboutThePreviousTrigger_isDropped() {
        findingsByUuid.put("u1", List.of(SASL_PLAIN));
        findingsByUuid.put("u2", List.of());
        vm.setActive(true);
        vm.show("u1");
        vm.show("u2");
        background.runAll();

        assertThat(vm.cleanProperty().get()).isTrue();
        assertThat(vm.findings()).isEmpty();
    }

    @Test
    void aFailedCheck_showsTheReason() {
        vm.setActive(true);
        vm.show("gone");
        background.runAll();

        assertThat(vm.errorMessageProperty().get()).isEqualTo("Event source mapping gone does not exist.");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).isEmpty();
    }
}
