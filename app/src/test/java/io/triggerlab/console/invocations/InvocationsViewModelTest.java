package io.triggerlab.console.invocations;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.history.InvocationOutcome;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Without the FX toolkit: the history is in memory, the background and FX threads are queues the test runs. */
class InvocationsViewModelTest {

    private static final String MAPPING = "11111111-1111-1111-1111-111111111111";

    private final FakeHistory history = new FakeHistory();
    private final QueuedExecutor background = new QueuedExecutor();
    private final InvocationsViewModel vm = new InvocationsViewModel(history,
            new BackgroundWork(background, Runnable::run), ZoneOffset.UTC);

    @Test
    void showsTheNewestPageFirst_andLoadsOlderPagesWithoutGapsOrRepeats() {
        IntStream.range(0, 450).forEach(i -> history.add(MAPPING, "b" + i, 1, InvocationOutcome.SUCCESS, i, null));

        vm.show(MAPPING);
        background.runAll();

        assertThat(vm.rows()).hasSize(InvocationsViewModel.PAGE_SIZE);
        assertThat(vm.rows().get(0).id()).isEqualTo(450);
        assertThat(vm.moreAvailableProperty().get()).isTrue();
        assertThat(vm.summaryProperty().get()).isEqualTo("200+ invocations");

        vm.loadOlder();
        background.runAll();
        vm.loadOlder();
        background.runAll();

        assertThat(vm.rows()).hasSize(450);
        assertThat(vm.rows()).extracting(InvocationRow::id).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(vm.moreAvailableProperty().get()).isFalse();
    }

    @Test
    void newInvocationsArriveOnTop_whenTheEngineAnnouncesThem() {
        history.add(MAPPING, "b1", 1, InvocationOutcome.SUCCESS, 0, null);
        vm.show(MAPPING);
        background.runAll();

        history.add(MAPPING, "b2", 1, InvocationOutcome.SUCCESS, 1, null);
        history.add(MAPPING, "b3", 1, InvocationOutcome.FUNCTION_ERROR, 2, null);
        vm.onInvocationsOf(MAPPING);
        vm.onInvocationsOf(MAPPING);
        background.runAll();

        assertThat(vm.rows()).extracting(InvocationRow::id).containsExactly(3L, 2L, 1L);
        assertThat(vm.rows().get(0).outcomeText()).isEqualTo("Function error");
    }

    @Test
    void announcementsForAnotherTrigger_areIgnored() {
        vm.show(MAPPING);
        background.runAll();
        history.add("22222222-2222-2222-2222-222222222222", "b1", 1, InvocationOutcome.SUCCESS, 0, null);

        vm.onInvocationsOf("22222222-2222-2222-2222-222222222222");

        assertThat(background.waiting()).isZero();
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void anAnnouncementWhileTheFirstPageLoads_stillShowsTheNewRow() {
        vm.show(MAPPING);
        history.add(MAPPING, "b1", 1, InvocationOutcome.SUCCESS, 0, null);
        vm.onInvocationsOf(MAPPING);
        background.runAll();

        assertThat(vm.rows()).extracting(InvocationRow::id).containsExactly(1L);
    }

    @Test
    void outcomeFilter_asksTheHistoryForFailuresOnly_andRetriesAreMarked() {
        history.add(MAPPING, "b1", 1, InvocationOutcome.FUNCTION_ERROR, 0, null);
        history.add(MAPPING, "b1", 2, InvocationOutcome.SUCCESS, 0, null);
        history.add(MAPPING, "b2", 1, InvocationOutcome.SUCCESS, 1, null);
        vm.show(MAPPING);
        background.runAll();

        vm.filterProperty().set(OutcomeFilter.FAILURES);
        background.runAll();

        assertThat(vm.rows()).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(InvocationOutcome.FUNCTION_ERROR);
            assertThat(row.attemptText()).isEqualTo("1");
        });
        vm.filterProperty().set(OutcomeFilter.ALL);
        background.runAll();
        assertThat(vm.rows().get(1).attemptText()).isEqualTo("2 ↻ retry");
        assertThat(vm.rows().get(1).partitions()).isEqualTo("orders-0 @0");
    }

    @Test
    void searchFiltersTheLoadedRows_byErrorOrRequestId() {
        history.add(MAPPING, "b1", 1, InvocationOutcome.FUNCTION_ERROR, 0, null);
        history.add(MAPPING, "b2", 1, InvocationOutcome.SUCCESS, 1, null);
        vm.show(MAPPING);
        background.runAll();

        vm.searchProperty().set("boom");

        assertThat(vm.rows()).extracting(InvocationRow::id).containsExactly(1L);
        assertThat(vm.summaryProperty().get()).isEqualTo("1 of 2 invocations match");
    }
}
