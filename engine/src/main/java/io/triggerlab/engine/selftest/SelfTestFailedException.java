package io.triggerlab.engine.selftest;

/** A self-test step did not work; the message names the step, what went wrong and what to check. */
public final class SelfTestFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String step;

    public SelfTestFailedException(String step, String message, Throwable cause) {
        super("Self-test failed while " + step + ": " + message, cause);
        this.step = step;
    }

    /** e.g. {@code starting the engine}. */
    public String step() {
        return step;
    }
}
