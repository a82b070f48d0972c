package io.triggerlab.console.trigger;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.runtime.offsets.OffsetReset;
import io.triggerlab.engine.runtime.offsets.OffsetResetResult;
import io.triggerlab.engine.runtime.offsets.PartitionOffsetReset;
import io.triggerlab.engine.controlplane.mapping.ResourceInUseException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.triggerlab.console.triggers.TestMappings.mapping;
import static org.assertj.core.api.Assertions.assertThat;

class OffsetResetViewModelTest {

    private static final String A = "aaaaaaaa-0000-0000-0000-000000000001";

    private final EventSourceMapping disabled = mapping(A, "order-fn", "orders", MappingState.DISABLED, "OK");
    private final QueuedExecutor background = new QueuedExecutor();
    private final List<OffsetReset> asked = new ArrayList<>();
    private RuntimeException failure;
    private final OffsetResetViewModel vm = new OffsetResetViewModel(disabled, (uuid, target) -> {
        asked.add(target);
        if (failure != null) {
            throw failure;
        }
        return new OffsetResetResult(uuid, "orders", uuid, target, List.of(new PartitionOffsetReset(0, 120, 0),
                new PartitionOffsetReset(1, PartitionOffsetReset.NONE, 0), new PartitionOffsetReset(2, 5, 9)));
    }, new BackgroundWork(background, Runnable::run), ZoneOffset.UTC, LocalDate.parse("2026-11-25"));

    @Test
    void confirmationSaysWhatWillBeDeliveredAgain_forEachTarget() {
        String earliest = vm.confirmationProperty().get();
        vm.targetProperty().set(ResetTarget.LATEST);
        String latest = vm.confirmationProperty().get();
        vm.targetProperty().set(ResetTarget.AT_TIMESTAMP);
        vm.timeProperty().set("10:15");
        String at = vm.confirmationProperty().get();

        assertThat(earliest).isEqualTo("Records from the earliest offset still in each partition of topic orders will "
                + "be delivered again when you enable the trigger.");
        assertThat(latest).startsWith("Records already in topic orders are skipped");
        assertThat(at).startsWith("Records from 2026-11-25 10:15:00 on in topic orders will be delivered again");
        assertThat(vm.chosen()).isEqualTo(new OffsetReset.AtTimestamp(Instant.parse("2026-11-25T10:15:00Z")));
    }

    @Test
    void resetsAndShowsEachPartitionBeforeAndAfter() {
        vm.reset();
        assertThat(vm.busyProperty().get()).isTrue();
        background.runAll();

        assertThat(asked).containsExactly(new OffsetReset.Earliest());
        assertThat(vm.doneProperty().get()).isTrue();
        assertThat(vm.resultProperty().get()).isEqualTo("""
                Consumer group aaaaaaaa-0000-0000-0000-000000000001 now starts at:
                Partition 0: 120 → 0 (120 records again)
                Partition 1: (no committed offset) → 0
                Partition 2: 5 → 9 (4 records skipped)
                Enable the trigger to deliver from there.""");
    }

    @Test
    void refusesAnUnreadableTime_withoutAskingTheEngine() {
        vm.targetProperty().set(ResetTarget.AT_TIMESTAMP);
        vm.timeProperty().set("quarter past ten");

        vm.reset();
        background.runAll();

        assertThat(asked).isEmpty();
        assertThat(vm.errorMessageProperty().get())
                .isEqualTo("'quarter past ten' is not a time of day: use HH:mm or HH:mm:ss, e.g. 14:30:00");
        assertThat(vm.confirmationProperty().get()).isEmpty();
    }

    @Test
    void showsTheEnginesMessage_whenTheResetIsRefused() {
        failure = new ResourceInUseException("Disable the trigger before resetting its offsets: " + A + " is Enabled");

        vm.reset();
        background.runAll();

        assertThat(vm.errorMessageProperty().get())
                .isEqualTo("Disable the trigger before resetting its offsets: " + A + " is Enabled");
        assertThat(vm.doneProperty().get()).isFalse();
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
