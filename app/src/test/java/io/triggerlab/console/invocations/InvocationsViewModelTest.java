package io.triggerlab.console.invocations;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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

        assertThat(vm.lines()).hasSize(InvocationsViewModel.PAGE_SIZE);
        assertThat(vm.lines().get(0).row().id()).isEqualTo(450);
        assertThat(vm.moreAvailableProperty().get()).isTrue();
        assertThat(vm.summaryProperty().get()).isEqualTo("200+ invocations");

        vm.loadOlder();
        background.runAll();
        vm.loadOlder();
        background.runAll();

        assertThat(vm.lines()).hasSize(450);
        assertThat(ids()).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
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

        assertThat(ids()).containsExactly(3L, 2L, 1L);
        assertThat(vm.lines().get(0).row().outcomeText()).isEqualTo("Function error");
    }

    @Test
    void announcementsForAnotherTrigger_areIgnored() {
        vm.show(MAPPING);
        background.runAll();
        history.add("22222222-2222-2222-2222-222222222222", "b1", 1, InvocationOutcome.SUCCESS, 0, null);

        vm.onInvocationsOf("22222222-2222-2222-2222-222222222222");

        assertThat(background.waiting()).isZero();
        assertThat(vm.lines()).isEmpty();
    }

    @Test
    void anAnnouncementWhileTheFirstPageLoads_stillShowsTheNewRow() {
        vm.show(MAPPING);
        history.add(MAPPING, "b1", 1, InvocationOutcome.SUCCESS, 0, null);
        vm.onInvocationsOf(MAPPING);
        background.runAll();

        assertThat(ids()).containsExactly(1L);
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

        assertThat(vm.lines()).singleElement().extracting(InvocationLine::row).satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(InvocationOutcome.FUNCTION_ERROR);
            assertThat(row.attemptText()).isEqualTo("1");
        });
        vm.groupedProperty().set(false);
        vm.filterProperty().set(OutcomeFilter.ALL);
        background.runAll();
        assertThat(vm.lines().get(1).attemptText()).isEqualTo("2 ↻ retry");
        assertThat(vm.lines().get(1).row().partitions()).isEqualTo("orders-0 @0");
    }

    @Test
    void searchFiltersTheLoadedRows_byErrorOrRequestId() {
        history.add(MAPPING, "b1", 1, InvocationOutcome.FUNCTION_ERROR, 0, null);
        history.add(MAPPING, "b2", 1, InvocationOutcome.SUCCESS, 1, null);
        vm.show(MAPPING);
        background.runAll();

        vm.searchProperty().set("boom");

        assertThat(ids()).containsExactly(1L);
        assertThat(vm.summaryProperty().get()).isEqualTo("1 of 2 invocations match");
    }

    @Test
    void aRetriedBatchIsOneLine_atItsNewestAttempt_thatExpandsToItsAttempts() {
        history.add(MAPPING, "b1", 1, InvocationOutcome.FUNCTION_ERROR, 0, null);
        history.add(MAPPING, "b2", 1, InvocationOutcome.SUCCESS, 1, null);
        history.add(MAPPING, "b1", 2, InvocationOutcome.FUNCTION_ERROR, 0, null);
        history.add(MAPPING, "b1", 3, InvocationOutcome.SUCCESS, 0, null);
        vm.show(MAPPING);
        background.runAll();

        assertThat(vm.lines()).extracting(InvocationLine::kind, InvocationLine::attemptText, line -> line.row().id())
                .containsExactly(tuple(InvocationLine.Kind.GROUP_COLLAPSED, "▸ 3 attempts", 4L),
                        tuple(InvocationLine.Kind.SINGLE, "1", 2L));
        assertThat(vm.summaryProperty().get()).isEqualTo("4 invocations in 2 batches");

        vm.toggle(vm.lines().get(0));
        background.runAll();

        assertThat(vm.lines()).extracting(InvocationLine::attemptText, line -> line.row().outcome())
                .containsExactly(tuple("▾ 3 attempts", InvocationOutcome.SUCCESS),
                        tuple("↳ 2", InvocationOutcome.FUNCTION_ERROR), tuple("↳ 1", InvocationOutcome.FUNCTION_ERROR),
                        tuple("1", InvocationOutcome.SUCCESS));

        vm.toggle(vm.lines().get(0));

        assertThat(ids()).containsExactly(4L, 2L);
    }

    @Test
    void olderAttemptsOnAnOlderPage_joinTheirGroup_insteadOfMakingLinesOfTheirOwn() {
        history.add(MAPPING, "retried", 1, InvocationOutcome.FUNCTION_ERROR, 0, null);
        IntStream.range(0, InvocationsViewModel.PAGE_SIZE - 1)
                .forEach(i -> history.add(MAPPING, "b" + i, 1, InvocationOutcome.SUCCESS, i + 1, null));
        history.add(MAPPING, "retried", 2, InvocationOutcome.SUCCESS, 0, null);
        vm.show(MAPPING);
        background.runAll();

        // The first page holds attempt 2 only; the line already knows the batch had 2 attempts.
        assertThat(vm.lines().get(0).attemptText()).isEqualTo("▸ 2 attempts");
        assertThat(vm.moreAvailableProperty().get()).isTrue();
        vm.toggle(vm.lines().get(0));
        background.runAll();
        assertThat(vm.lines().get(1)).extracting(line -> line.row().id(), InvocationLine::kind)
                .containsExactly(1L, InvocationLine.Kind.ATTEMPT);

        vm.loadOlder();
        background.runAll();

        assertThat(vm.lines()).filteredOn(line -> line.batchId().equals("retried"))
                .extracting(line -> line.row().id(), InvocationLine::kind)
                .containsExactly(tuple(201L, InvocationLine.Kind.GROUP_EXPANDED), tuple(1L, InvocationLine.Kind.ATTEMPT));
        assertThat(vm.lines()).hasSize(InvocationsViewModel.PAGE_SIZE + 1);
        assertThat(vm.summaryProperty().get()).isEqualTo("201 invocations in 200 batches");
    }

    @Test
    void aRetryArrivingLive_joinsItsGroup_andMovesItToTheTop() {
        history.add(MAPPING, "b1", 1, InvocationOutcome.FUNCTION_ERROR, 0, null);
        history.add(MAPPING, "b2", 1, InvocationOutcome.SUCCESS, 1, null);
        vm.show(MAPPING);
        background.runAll();
        assertThat(ids()).containsExactly(2L, 1L);

        history.add(MAPPING, "b1", 2, InvocationOutcome.SUCCESS, 0, null);
        vm.onInvocationsOf(MAPPING);
        background.runAll();

        assertThat(vm.lines()).extracting(InvocationLine::attemptText, line -> line.row().id())
                .containsExactly(tuple("▸ 2 attempts", 3L), tuple("1", 2L));
    }

    @Test
    void theOutcomeFilterAppliesToAttempts_andAnOpenGroupStillListsAllAttemptsOfItsBatch() {
        history.add(MAPPING, "b1", 1, InvocationOutcome.FUNCTION_ERROR, 0, null);
        history.add(MAPPING, "b1", 2, InvocationOutcome.TIMED_OUT, 0, null);
        history.add(MAPPING, "b1", 3, InvocationOutcome.SUCCESS, 0, null);
        history.add(MAPPING, "b2", 1, InvocationOutcome.SUCCESS, 1, null);
        vm.show(MAPPING);
        background.runAll();

        vm.filterProperty().set(OutcomeFilter.FAILURES);
        background.runAll();

        // The batch's line is its newest failing attempt; the batch had (at least) that many attempts.
        assertThat(vm.lines()).singleElement().extracting(line -> line.row().id(), InvocationLine::attemptText)
                .containsExactly(2L, "▸ 2 attempts");

        vm.toggle(vm.lines().get(0));
        background.runAll();

        assertThat(vm.lines()).extracting(InvocationLine::attemptText, line -> line.row().outcome())
                .containsExactly(tuple("▾ 3 attempts", InvocationOutcome.TIMED_OUT),
                        tuple("↳ 3", InvocationOutcome.SUCCESS), tuple("↳ 1", InvocationOutcome.FUNCTION_ERROR));
    }

    @Test
    void searchAppliesToAttempts_beforeGrouping() {
        history.add(MAPPING, "b1", 1, InvocationOutcome.FUNCTION_ERROR, 0, null);
        history.add(MAPPING, "b1", 2, InvocationOutcome.SUCCESS, 0, null);
        history.add(MAPPING, "b2", 1, InvocationOutcome.SUCCESS, 1, null);
        vm.show(MAPPING);
        background.runAll();

        vm.searchProperty().set("boom");

        assertThat(vm.lines()).singleElement().extracting(line -> line.row().id(), InvocationLine::attemptText)
                .containsExactly(1L, "1");
        assertThat(vm.summaryProperty().get()).isEqualTo("1 of 3 invocations match");
    }

    @Test
    void groupingOff_showsEveryAttemptAsItsOwnLine() {
        history.add(MAPPING, "b1", 1, InvocationOutcome.FUNCTION_ERROR, 0, null);
        history.add(MAPPING, "b1", 2, InvocationOutcome.SUCCESS, 0, null);
        vm.show(MAPPING);
        background.runAll();

        vm.groupedProperty().set(false);

        assertThat(vm.lines()).extracting(InvocationLine::kind, InvocationLine::attemptText)
                .containsExactly(tuple(InvocationLine.Kind.SINGLE, "2 ↻ retry"), tuple(InvocationLine.Kind.SINGLE, "1"));
        assertThat(vm.summaryProperty().get()).isEqualTo("2 invocations");
    }

    @Test
    void aBatchGivenUpToItsDestination_isOneLine_showingItsFinalOutcome() {
        history.add(MAPPING, "b1", 1, InvocationOutcome.FUNCTION_ERROR, 0, null);
        history.add(MAPPING, "b1", 1, InvocationOutcome.SENT_TO_DESTINATION, 0, null);
        vm.show(MAPPING);
        background.runAll();

        assertThat(vm.lines()).singleElement().extracting(line -> line.row().outcome(), InvocationLine::attemptText)
                .containsExactly(InvocationOutcome.SENT_TO_DESTINATION, "▸ 1 attempt");
    }

    private java.util.List<Long> ids() {
        return vm.lines().stream().map(line -> line.row().id()).toList();
    }
}
