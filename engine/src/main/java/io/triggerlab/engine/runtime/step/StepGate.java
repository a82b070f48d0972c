package io.triggerlab.engine.runtime.step;

/** What a poller asks before it delivers a batch. */
public interface StepGate {

    /** A gate that never holds a batch back (step mode off, or a poller outside the engine). */
    StepGate OPEN = new StepGate() {
        @Override
        public boolean tryPass() {
            return true;
        }

        @Override
        public void waiting(boolean waiting) {
        }
    };

    /** True when the batch may go: step mode is off, or a "Deliver next batch" was given (and is used up now). */
    boolean tryPass();

    /** Whether a batch is held at the gate now, for the console and the API to show. */
    void waiting(boolean waiting);
}
