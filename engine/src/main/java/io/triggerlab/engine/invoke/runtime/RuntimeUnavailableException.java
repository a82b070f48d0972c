package io.triggerlab.engine.invoke.runtime;

/**
 * The function cannot be started at all: no interpreter, no client, no code, a bootstrap that is not executable. The
 * message is the whole story for the user (what is missing and the command that installs it), shown as it is in the
 * CLI, the console and the trigger's LastProcessingResult.
 */
public final class RuntimeUnavailableException extends Exception {

    public RuntimeUnavailableException(String message) {
        super(message);
    }
}
