package io.triggerlab.console.common;

import io.triggerlab.engine.controlplane.mapping.LambdaApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs engine calls off the FX thread and brings their outcome back to it. ViewModels use this for everything that
 * may block (the database, the cluster); tests pass {@code Runnable::run} for both executors, or queues they drive.
 */
public final class BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

    private final Executor background;
    private final Executor fxThread;

    /**
     * @param background runs the work (the console's worker threads)
     * @param fxThread   runs the outcome ({@code Platform::runLater})
     */
    public BackgroundWork(Executor background, Executor fxThread) {
        this.background = Objects.requireNonNull(background, "background");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    }

    /**
     * Runs {@code work} in the background; then, on the FX thread, {@code onSuccess} with its result or
     * {@code onFailure} with a message for a person (never a stack trace; the log has the trace).
     *
     * @param what what the work does, for the message, e.g. "create the trigger"
     */
    public <T> void submit(String what, Callable<T> work, Consumer<? super T> onSuccess, Consumer<String> onFailure) {
        background.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                String message = describe(what, e);
                if (e instanceof LambdaApiException || e instanceof IllegalArgumentException) {
                    log.info("Could not {}: {}", what, message);
                } else {
                    log.warn("Could not {}", what, e);
                }
                fxThread.execute(() -> onFailure.accept(message));
                return;
            }
            fxThread.execute(() -> onSuccess.accept(result));
        });
    }

    /** Runs a task on the FX thread (for ViewModels that get called from other threads). */
    public void onFxThread(Runnable task) {
        fxThread.execute(task);
    }

    /**
     * The message a person reads. The engine's API errors and argument errors are already worded for people (the same
     * text the Lambda API returns), so they are shown as they are; anything else is prefixed with what failed.
     */
    public static String describe(String what, Throwable e) {
        String message = e.getMessage();
        if (e instanceof LambdaApiException || (e instanceof IllegalArgumentException && message != null)) {
            return message;
        }
        if (message == null || message.isBlank()) {
            return "Could not " + what + ": unexpected " + e.getClass().getSimpleName() + ". The log has the details.";
        }
        return "Could not " + what + ": " + firstLines(message);
    }

    private static String firstLines(String message) {
        String[] lines = message.strip().split("\\R");
        String shown = lines[0];
        return lines.length > 1 ? shown + " … (the log has the full message)" : shown;
    }
}
