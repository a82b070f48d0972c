package io.triggerlab.console.shell;

import io.triggerlab.engine.observe.events.EngineEvent;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The main window's state and commands: starts the engine off the FX thread, shows where its cluster listens, and
 * stops it before the application exits. Properties change only on the FX thread; the view only binds to them.
 */
public final class MainWindowViewModel {

    private static final Logger log = LoggerFactory.getLogger(MainWindowViewModel.class);
    private static final int MAX_LINES = 6;
    private static final int MAX_CHARS = 600;

    private final EngineStarter starter;
    private boolean sandbox;
    private boolean restarting;
    private final Executor background;
    private final Executor fxThread;
    private final Runnable exitApplication;

    /** Set and cleared on the background executor, which runs start and stop one after the other. */
    private final AtomicReference<EngineSession> session = new AtomicReference<>();
    private boolean closeRequested;

    private final ReadOnlyObjectWrapper<EngineState> engineState = new ReadOnlyObjectWrapper<>(new EngineState.Stopped());
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("Stopped");
    private final ReadOnlyStringWrapper clusterName = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper bootstrapServers = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper busyMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper sandboxFallbackOffered = new ReadOnlyBooleanWrapper();
    private String sandboxLabel;
    private Runnable sandboxFallback;
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("Engine stopped");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    /**
     * @param starter         starts the engine (blocking)
     * @param sandbox         whether the engine runs the embedded sandbox broker (known from its config before start)
     * @param background      runs engine start and stop, one task at a time in submission order, never on the FX thread
     * @param fxThread        runs state changes on the FX thread ({@code Platform::runLater})
     * @param exitApplication what to do once the engine has stopped after a close request ({@code Platform::exit})
     */
    public MainWindowViewModel(EngineStarter starter, boolean sandbox, Executor background, Executor fxThread,
                               Runnable exitApplication) {
        this(starter, sandbox ? "Embedded sandbox" : "External cluster", sandbox, background, fxThread, exitApplication);
    }

    /**
     * @param clusterName what the top bar calls the cluster in use, e.g. "Embedded sandbox, secured"
     */
    public MainWindowViewModel(EngineStarter starter, String clusterName, boolean sandbox, Executor background,
                               Executor fxThread, Runnable exitApplication) {
        this.starter = Objects.requireNonNull(starter, "starter");
        this.sandbox = sandbox;
        this.background = Objects.requireNonNull(background, "background");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.exitApplication = Objects.requireNonNull(exitApplication, "exitApplication");
        this.clusterName.set(Objects.requireNonNull(clusterName, "clusterName"));
    }

    /** Starts the engine in the background; the state moves from Starting to Running or Failed. */
    public void start() {
        if (!(engineState.get() instanceof EngineState.Stopped) || closeRequested) {
            throw new IllegalStateException("The engine can only be started once; it is " + engineState.get().label());
        }
        show(new EngineState.Starting());
        background.execute(this::startEngine);
    }

    /**
     * The window is closing: stop the engine in the background (after a start still in progress), then exit.
     * A second request while stopping is ignored.
     */
    public void requestClose() {
        if (closeRequested) {
            return;
        }
        closeRequested = true;
        show(new EngineState.Stopping());
        background.execute(this::stopEngine);
    }

    /**
     * Stops the running (or failed) engine and starts it again, e.g. with another cluster in use; the state goes
     * Stopping, Starting, then Running or Failed. The starter decides the new configuration. Ignored while the
     * engine starts or stops, or the window closes.
     *
     * @param newClusterName what the top bar calls the cluster the engine restarts with
     * @param newSandbox     whether that is the embedded sandbox (for the progress message)
     */
    public void restart(String newClusterName, boolean newSandbox) {
        EngineState state = engineState.get();
        if (closeRequested || !(state instanceof EngineState.Running || state instanceof EngineState.Failed)) {
            return;
        }
        restarting = true;
        show(new EngineState.Stopping());
        background.execute(() -> {
            closeSession();
            fxThread.execute(() -> {
                restarting = false;
                if (closeRequested) {
                    return;
                }
                clusterName.set(Objects.requireNonNull(newClusterName, "newClusterName"));
                sandbox = newSandbox;
                show(new EngineState.Starting());
                background.execute(this::startEngine);
            });
        });
    }

    /**
     * Offers "Start on the embedded sandbox" whenever the engine fails while another cluster is in use: a saved cluster
     * that cannot be reached would otherwise fail every start, and Settings needs a running engine.
     *
     * @param sandboxClusterName what the top bar calls the plain embedded sandbox; no offer while that is in use
     * @param switchToSandbox    saves the sandbox as the cluster in use and restarts the engine; called on the FX thread
     */
    public void offerSandboxFallback(String sandboxClusterName, Runnable switchToSandbox) {
        this.sandboxLabel = Objects.requireNonNull(sandboxClusterName, "sandboxClusterName");
        this.sandboxFallback = Objects.requireNonNull(switchToSandbox, "switchToSandbox");
        sandboxFallbackOffered.set(fallbackApplies(engineState.get()));
    }

    /** The error pane's "Start on the embedded sandbox". */
    public void fallBackToSandbox() {
        if (sandboxFallbackOffered.get()) {
            sandboxFallback.run();
        }
    }

    public ReadOnlyBooleanProperty sandboxFallbackOfferedProperty() {
        return sandboxFallbackOffered.getReadOnlyProperty();
    }

    private boolean fallbackApplies(EngineState state) {
        return state instanceof EngineState.Failed && sandboxFallback != null && !sandboxLabel.equals(clusterName.get());
    }

    /** Engine events, already on the FX thread (delivered by the console's event bridge). */
    public void onEngineEvent(EngineEvent event) {
        // EngineStarted is published inside Engine.start, before any observer can subscribe; Running therefore comes
        // from start()'s result. EngineStopping matters once something other than this window can stop the engine.
        if (event instanceof EngineEvent.EngineStopping && engineState.get() instanceof EngineState.Running) {
            show(new EngineState.Stopping());
        }
    }

    private void startEngine() {
        EngineState outcome;
        try {
            EngineSession started = starter.start();
            session.set(started);
            outcome = new EngineState.Running(started.bootstrapServers());
        } catch (RuntimeException | Error e) {
            // The full trace goes to the log; the window shows only the message a person can act on.
            log.error("The engine could not start", e);
            outcome = new EngineState.Failed(describe(e));
        }
        EngineState result = outcome;
        fxThread.execute(() -> showStartOutcome(result));
    }

    private void showStartOutcome(EngineState outcome) {
        // A close request during the start wins: the window keeps saying "Stopping".
        if (engineState.get() instanceof EngineState.Starting) {
            show(outcome);
        }
    }

    private void stopEngine() {
        closeSession();
        fxThread.execute(() -> {
            show(new EngineState.Stopped());
            exitApplication.run();
        });
    }

    private void closeSession() {
        EngineSession started = session.getAndSet(null);
        if (started != null) {
            try {
                started.close();
            } catch (RuntimeException e) {
                log.warn("The engine did not stop cleanly", e);
            }
        }
    }

    /** The exception's own message (the engine words them for people), cut short if a library made it a report. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "Unexpected " + e.getClass().getSimpleName() + " while starting the engine. The log has the details.";
        }
        String[] lines = message.strip().split("\\R");
        String shown = String.join("\n", Arrays.asList(lines).subList(0, Math.min(lines.length, MAX_LINES)));
        if (shown.length() > MAX_CHARS) {
            shown = shown.substring(0, MAX_CHARS);
        }
        return shown.length() < message.strip().length() ? shown + " … (the log has the full message)" : shown;
    }

    private void show(EngineState state) {
        stateText.set(state.label());
        bootstrapServers.set(state instanceof EngineState.Running ? ((EngineState.Running) state).bootstrapServers() : "");
        errorMessage.set(state instanceof EngineState.Failed ? ((EngineState.Failed) state).message() : "");
        busy.set(state instanceof EngineState.Starting || state instanceof EngineState.Stopping);
        busyMessage.set(busyMessageOf(state));
        running.set(state instanceof EngineState.Running);
        failed.set(state instanceof EngineState.Failed);
        sandboxFallbackOffered.set(fallbackApplies(state));
        statusText.set(statusTextOf(state));
        // Last, so a listener on the state sees the other properties already consistent with it.
        engineState.set(state);
    }

    private String busyMessageOf(EngineState state) {
        if (state instanceof EngineState.Starting) {
            return sandbox ? "Starting the embedded Kafka broker…" : "Starting the engine…";
        }
        if (state instanceof EngineState.Stopping) {
            return restarting ? "Restarting the engine: stopping it…" : "Stopping the engine…";
        }
        return "";
    }

    private String statusTextOf(EngineState state) {
        if (state instanceof EngineState.Running) {
            return "Engine running · " + clusterName.get() + " at " + ((EngineState.Running) state).bootstrapServers();
        }
        if (state instanceof EngineState.Failed) {
            return "Engine not running: it could not start";
        }
        if (state instanceof EngineState.Starting) {
            return "Engine starting…";
        }
        return state instanceof EngineState.Stopping ? "Engine stopping…" : "Engine stopped";
    }

    public ReadOnlyObjectProperty<EngineState> engineStateProperty() {
        return engineState.getReadOnlyProperty();
    }

    /** "Starting", "Running", "Failed", "Stopping" or "Stopped". */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /** "Embedded sandbox", "Embedded sandbox, secured" or "External cluster". */
    public ReadOnlyStringProperty clusterNameProperty() {
        return clusterName.getReadOnlyProperty();
    }

    /** The cluster's bootstrap servers while running, else empty. */
    public ReadOnlyStringProperty bootstrapServersProperty() {
        return bootstrapServers.getReadOnlyProperty();
    }

    /** True while the engine starts or stops. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the engine is busy with, e.g. "Starting the embedded Kafka broker…". */
    public ReadOnlyStringProperty busyMessageProperty() {
        return busyMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** Why the engine could not start, for a person to read; empty unless failed. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** One line for the status bar. */
    /** F5: says what was reloaded and when, so a refresh that changed nothing still shows it happened. */
    public void refreshed() {
        notice.set("Refreshed at " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS)
                + ": triggers, trigger page, invocations, cluster health");
    }

    /** A short note on the status bar's right: the last refresh. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }
}
