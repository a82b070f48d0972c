package io.triggerlab.engine.runtime.step;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which triggers are in step mode, and how many "Deliver next batch" each has been given. Not persisted: an engine
 * restart (or turning step mode off) lets every trigger run on.
 */
public final class StepMode {

    private final Map<String, TriggerSteps> triggers = new ConcurrentHashMap<>();

    /** The status of one trigger's step mode. */
    public record Status(String mappingUuid, boolean enabled, boolean batchWaiting, int deliveriesGranted) {
    }

    /** Turns step mode on or off for a trigger; off lets a waiting batch go. */
    public Status set(String mappingUuid, boolean enabled) {
        TriggerSteps steps = steps(mappingUuid);
        synchronized (steps) {
            steps.enabled = enabled;
            steps.granted = 0;
        }
        return status(mappingUuid);
    }

    /** Lets the trigger's next batch go. Refused when the trigger is not in step mode (it runs on anyway). */
    public Status deliverNext(String mappingUuid) {
        TriggerSteps steps = steps(mappingUuid);
        synchronized (steps) {
            if (!steps.enabled) {
                throw new IllegalStateException("Trigger " + mappingUuid + " is not in step mode: its batches are "
                        + "delivered as they come. Turn step mode on first.");
            }
            steps.granted++;
        }
        return status(mappingUuid);
    }

    public Status status(String mappingUuid) {
        TriggerSteps steps = steps(mappingUuid);
        synchronized (steps) {
            return new Status(mappingUuid, steps.enabled, steps.waiting > 0, steps.granted);
        }
    }

    /** The gate a trigger's pollers pass before each batch. */
    public StepGate gate(String mappingUuid) {
        TriggerSteps steps = steps(mappingUuid);
        return new StepGate() {
            @Override
            public boolean tryPass() {
                synchronized (steps) {
                    if (!steps.enabled) {
                        return true;
                    }
                    if (steps.granted > 0) {
                        steps.granted--;
                        return true;
                    }
                    return false;
                }
            }

            @Override
            public void waiting(boolean waiting) {
                synchronized (steps) {
                    steps.waiting += waiting ? 1 : -1;
                }
            }
        };
    }

    /** Forgets a removed trigger. */
    public void forget(String mappingUuid) {
        triggers.remove(mappingUuid);
    }

    private TriggerSteps steps(String mappingUuid) {
        return triggers.computeIfAbsent(mappingUuid, u -> new TriggerSteps());
    }

    private static final class TriggerSteps {
        private boolean enabled;
        private int granted;
        private int waiting;
    }
}
