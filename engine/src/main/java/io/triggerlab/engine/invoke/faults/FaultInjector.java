package io.triggerlab.engine.invoke.faults;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The engine's armed faults, per function name: "make the next N invocations of this function fail, throttle or
 * time out", so a learner can watch retries, bisect, partial failures and destinations happen. Thread-safe: the API
 * arms and clears plans while pollers take injections.
 *
 * <p>Kept in memory only: a restart forgets every plan. A fault is a one-off lesson, not configuration, and an armed
 * fault surviving a restart unnoticed would look like a real failure.
 */
public final class FaultInjector {

    private static final Logger log = LoggerFactory.getLogger(FaultInjector.class);

    private final ConcurrentMap<String, FaultPlan> plans = new ConcurrentHashMap<>();

    /** Arms {@code count} faults of {@code kind} for the function, replacing whatever was armed for it. */
    public FaultPlan arm(String functionName, FaultKind kind, int count) {
        FaultPlan plan = new FaultPlan(functionName, kind, count, count);
        plans.put(functionName, plan);
        log.info("Fault injection armed for function {}: the next {} invocation(s) will {}", functionName, count,
                describe(kind));
        return plan;
    }

    /** What is still armed for the function. */
    public Optional<FaultPlan> plan(String functionName) {
        return Optional.ofNullable(plans.get(functionName));
    }

    /** Every armed plan, by function name. */
    public List<FaultPlan> plans() {
        List<FaultPlan> all = new ArrayList<>(plans.values());
        all.sort(Comparator.comparing(FaultPlan::functionName));
        return all;
    }

    /** Disarms the function's faults; returns what was still armed. */
    public Optional<FaultPlan> clear(String functionName) {
        Optional<FaultPlan> removed = Optional.ofNullable(plans.remove(functionName));
        removed.ifPresent(p -> log.info("Fault injection cleared for function {} ({} of {} unused)", functionName,
                p.remaining(), p.requested()));
        return removed;
    }

    /**
     * Takes one armed fault for an invocation that is about to happen, atomically, so two pollers of the same function
     * never use the same one. Empty when nothing is armed.
     */
    Optional<Injection> take(String functionName) {
        Objects.requireNonNull(functionName, "functionName");
        Injection[] taken = new Injection[1];
        plans.computeIfPresent(functionName, (name, plan) -> {
            taken[0] = new Injection(plan.kind(), plan.nextOrdinal(), plan.requested());
            int left = plan.remaining() - 1;
            return left == 0 ? null : new FaultPlan(name, plan.kind(), plan.requested(), left);
        });
        return Optional.ofNullable(taken[0]);
    }

    private static String describe(FaultKind kind) {
        return switch (kind) {
            case ERROR -> "fail with a function error";
            case THROTTLE -> "be throttled (429)";
            case TIMEOUT -> "time out";
        };
    }

    /** One fault taken: the {@code ordinal}-th of {@code of} armed. */
    record Injection(FaultKind kind, int ordinal, int of) {
    }
}
