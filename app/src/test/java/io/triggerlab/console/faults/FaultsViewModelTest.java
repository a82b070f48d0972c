package io.triggerlab.console.faults;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.invoke.faults.FaultKind;
import io.triggerlab.engine.invoke.faults.FaultPlan;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FaultsViewModelTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:orders-fn";

    private final QueuedExecutor background = new QueuedExecutor();
    private final FakeSwitch engine = new FakeSwitch();
    private final FaultsViewModel vm = new FaultsViewModel(engine, new BackgroundWork(background, Runnable::run));

    /** The engine's plans, with {@link #invoke} taking one as an invocation does. */
    private static final class FakeSwitch implements FaultSwitch {
        final Map<String, FaultPlan> plans = new HashMap<>();
        int reads;

        @Override
        public String functionNameOf(String functionArn) {
            if (!functionArn.endsWith(":orders-fn")) {
                throw new IllegalArgumentException("Function " + functionArn + " is not registered");
            }
            return "orders-fn";
        }

        @Override
        public synchronized Optional<FaultPlan> plan(String functionName) {
            reads++;
            return Optional.ofNullable(plans.get(functionName));
        }

        @Override
        public synchronized FaultPlan arm(String functionName, FaultKind kind, int count) {
            FaultPlan plan = new FaultPlan(functionName, kind, count, count);
            plans.put(functionName, plan);
            return plan;
        }

        @Override
        public synchronized Optional<FaultPlan> clear(String functionName) {
            return Optional.ofNullable(plans.remove(functionName));
        }

        synchronized void invoke(String functionName) {
            FaultPlan plan = plans.get(functionName);
            if (plan.remaining() == 1) {
                plans.remove(functionName);
            } else {
                plans.put(functionName, new FaultPlan(functionName, plan.kind(), plan.requested(), plan.remaining() - 1));
            }
        }
    }

    @Test
    void armsTheChosenKindForTheTriggersFunction_andTheRemainingCountFollowsInvocations() {
        vm.show(ARN);
        background.runAll();
        assertThat(vm.functionNameProperty().get()).isEqualTo("orders-fn");
        assertThat(vm.armedTextProperty().get()).isEqualTo("Nothing armed: orders-fn runs normally.");

        vm.kindProperty().set(FaultKind.THROTTLE);
        vm.countProperty().set("3");
        vm.arm();
        assertThat(vm.busyProperty().get()).isTrue();
        background.runAll();
        assertThat(engine.plans.get("orders-fn")).isEqualTo(new FaultPlan("orders-fn", FaultKind.THROTTLE, 3, 3));
        assertThat(vm.armedProperty().get()).isTrue();
        assertThat(vm.armedTextProperty().get())
                .isEqualTo("Armed: the next 3 invocations of orders-fn will be throttled (429 TooManyRequestsException).");

        engine.invoke("orders-fn");
        engine.invoke("orders-fn");
        vm.onInvocation();
        background.runAll();
        assertThat(vm.armedTextProperty().get())
                .isEqualTo("Armed: the next invocation of orders-fn will be throttled (429 TooManyRequestsException) (2 of 3 used).");

        engine.invoke("orders-fn");
        vm.onInvocation();
        background.runAll();
        assertThat(vm.armedProperty().get()).isFalse();
        assertThat(vm.armedTextProperty().get()).isEqualTo("Nothing armed: orders-fn runs normally.");
    }

    @Test
    void invocationsWhileNothingIsArmed_readNothing_andABurstReadsAtMostTwice() {
        vm.show(ARN);
        background.runAll();
        int reads = engine.reads;
        vm.onInvocation();
        assertThat(background.waiting()).as("nothing armed: nothing to follow").isZero();

        vm.arm();
        background.runAll();
        reads = engine.reads;
        vm.onInvocation();
        vm.onInvocation();
        vm.onInvocation();
        background.runAll();
        assertThat(engine.reads - reads).as("one read, then one more for the calls made meanwhile").isEqualTo(2);
    }

    @Test
    void clearDisarms() {
        vm.show(ARN);
        background.runAll();
        vm.countProperty().set("2");
        vm.arm();
        background.runAll();

        vm.clear();
        background.runAll();

        assertThat(engine.plans).isEmpty();
        assertThat(vm.armedProperty().get()).isFalse();
    }

    @Test
    void aBadCount_isExplainedAndNothingIsArmed() {
        vm.show(ARN);
        background.runAll();

        vm.countProperty().set("0");
        vm.arm();
        assertThat(vm.errorMessageProperty().get()).isEqualTo("Count 0 is out of range: must be 1..10000");
        vm.countProperty().set("two");
        vm.arm();
        assertThat(vm.errorMessageProperty().get()).startsWith("Count 'two' is not a whole number");
        assertThat(background.waiting()).isZero();
        assertThat(engine.plans).isEmpty();
    }

    @Test
    void aFunctionThatIsNotRegistered_isSaidAndCannotBeArmed() {
        vm.show("arn:aws:lambda:us-east-1:000000000000:function:gone");
        background.runAll();

        assertThat(vm.errorMessageProperty().get()).contains("is not registered");
        vm.arm();
        assertThat(vm.errorMessageProperty().get()).startsWith("Select a trigger whose function is registered");
    }

    @Test
    void everyKindHasALabel() {
        assertThat(FaultsViewModel.label(FaultKind.ERROR)).isEqualTo("Fail (function error)");
        assertThat(FaultsViewModel.label(FaultKind.TIMEOUT)).isEqualTo("Time out");
        assertThat(FaultsViewModel.describe(new FaultPlan("f", FaultKind.TIMEOUT, 1, 1)))
                .isEqualTo("Armed: the next invocation of f will time out.");
    }
}
