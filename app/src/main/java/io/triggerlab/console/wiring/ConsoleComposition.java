package io.triggerlab.console.wiring;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.settings.ClusterInUse;
import io.triggerlab.console.settings.ClusterInUseStore;
import io.triggerlab.console.settings.StrictModeStore;
import io.triggerlab.console.shell.EngineSession;
import io.triggerlab.console.shell.EngineState;
import io.triggerlab.console.shell.MainWindow;
import io.triggerlab.console.shell.MainWindowViewModel;
import io.triggerlab.console.shell.WindowLayoutStore;
import io.triggerlab.console.triggers.TriggerListView;
import io.triggerlab.console.triggers.TriggerListViewModel;
import io.triggerlab.engine.Engine;
import io.triggerlab.engine.client.SavedTriggers;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.EngineConfig;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The console's one composition root: builds every ViewModel and adapter by constructor injection. Nothing else
 * creates services, and nothing is static, so a test builds the whole console the same way {@code ConsoleApp} does.
 * Screens that need the engine are built once it runs ({@link Workspace}).
 */
public final class ConsoleComposition implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsoleComposition.class);
    private static final long STOP_WAIT_SECONDS = 60;
    private static final long HEALTH_CHECK_SECONDS = 15;
    private static final int WORKER_THREADS = 2;

    private final EngineConfig baseConfig;
    private final ClusterInUseStore clusterStore;
    private final Executor fxThread;
    private final ExecutorService engineLifecycle;
    private final ExecutorService workers;
    private final ScheduledExecutorService healthTimer;
    private final BackgroundWork work;
    private final FxEventBridge eventBridge;
    private final MainWindowViewModel mainWindowViewModel;
    private final WindowLayoutStore layoutStore;
    private final AtomicReference<Engine> engine = new AtomicReference<>();
    private final StartTimes startTimes = new StartTimes();
    /** Only the first start shows the saved triggers: after a restart the old engine's list stays until the new one's. */
    private final AtomicBoolean savedTriggersPending = new AtomicBoolean(true);
    private MainWindow mainWindow;
    private Workspace workspace;

    /**
     * @param config          the engine's configuration; the cluster in use saved in Settings
     *                        ({@value ClusterInUseStore#FILE_NAME}) overrides its cluster at every (re)start
     * @param engineFactory   starts the engine; {@code Engine::start} except in tests that need the engine itself
     * @param fxThread        runs a task on the FX thread ({@code Platform::runLater})
     * @param exitApplication ends the application once the engine has stopped ({@code Platform::exit})
     */
    public ConsoleComposition(EngineConfig config, Function<EngineConfig, Engine> engineFactory,
                              Executor fxThread, Runnable exitApplication) {
        this.baseConfig = Objects.requireNonNull(config, "config");
        this.clusterStore = new ClusterInUseStore(config.dataDirectory());
        Objects.requireNonNull(engineFactory, "engineFactory");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        // One named thread starts and later stops the engine, in that order, never on the FX thread.
        this.engineLifecycle = Executors.newSingleThreadExecutor(task -> new Thread(task, "console-engine-lifecycle"));
        // Screens call the engine (database, cluster) on these, never on the FX thread.
        this.workers = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads("console-worker-"));
        this.healthTimer = Executors.newSingleThreadScheduledExecutor(daemonThreads("console-health-"));
        this.work = new BackgroundWork(workers, fxThread);
        this.eventBridge = new FxEventBridge(fxThread);
        this.layoutStore = new WindowLayoutStore(config.dataDirectory());
        EngineConfig first = nextConfig();
        this.mainWindowViewModel = new MainWindowViewModel(() -> startEngine(engineFactory, nextConfig()),
                ClusterInUse.of(first).shortLabel(), first.usesSandbox(), engineLifecycle, fxThread, exitApplication);
        mainWindowViewModel.offerSandboxFallback(ClusterInUse.SANDBOX.shortLabel(), this::fallBackToSandbox);
        eventBridge.addListener(mainWindowViewModel::onEngineEvent);
        eventBridge.addListener(event -> {
            if (workspace != null) {
                workspace.onEngineEvent(event);
            }
        });
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The configuration for the next (re)start: the base one with the cluster in use saved in Settings. */
    private EngineConfig nextConfig() {
        return clusterStore.find().map(choice -> choice.applyTo(baseConfig)).orElse(baseConfig);
    }

    /** The failed-start pane's way out of a saved cluster that cannot be used: save the sandbox, restart on it. */
    private void fallBackToSandbox() {
        try {
            clusterStore.save(ClusterInUse.SANDBOX);
        } catch (RuntimeException e) {
            // The restart then fails again with the message that names the file to delete.
            log.warn("Could not save the embedded sandbox as the cluster in use in {}", clusterStore.file(), e);
        }
        restartEngine();
    }

    /** Settings › Clusters › "Restart engine to apply": stop, then start with the saved cluster in use. */
    private void restartEngine() {
        EngineConfig next = nextConfig();
        log.info("Restarting the engine with {}", ClusterInUse.of(next).shortLabel());
        mainWindowViewModel.restart(ClusterInUse.of(next).shortLabel(), next.usesSandbox());
    }

    private EngineSession startEngine(Function<EngineConfig, Engine> engineFactory, EngineConfig config) {
        if (savedTriggersPending.getAndSet(false)) {
            showSavedTriggers(config);
        }
        log.info("Starting the engine in {}", config.dataDirectory());
        Engine started;
        try {
            started = engineFactory.apply(config);
        } catch (RuntimeException e) {
            ClusterInUse saved = clusterStore.find().orElse(null);
            if (saved == null || saved.equals(ClusterInUse.SANDBOX)) {
                throw e;
            }
            // Otherwise the saved choice would fail every start, and Settings cannot open without an engine.
            throw new IllegalStateException((e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "\n(The cluster in use, " + saved.shortLabel() + ", was chosen in Settings and is kept in "
                    + clusterStore.file() + ": delete that file to start on the embedded sandbox.)", e);
        }
        started.strictAws(new StrictModeStore(config.dataDirectory()).load());
        engine.set(started);
        AutoCloseable events = eventBridge.attach(started.client().events());
        return new StartedEngine(started, events);
    }

    /**
     * On the engine's lifecycle thread, before the first engine opens the data directory (the read holds its lock and
     * database only meanwhile): the saved triggers go into the list while the broker starts.
     */
    private void showSavedTriggers(EngineConfig config) {
        List<EventSourceMapping> saved = SavedTriggers.read(config.dataDirectory());
        log.info("{} saved trigger(s) shown while the engine starts", saved.size());
        if (saved.isEmpty()) {
            return; // the list keeps saying the engine is starting, not "No triggers yet"
        }
        fxThread.execute(() -> {
            if (workspace == null) {
                TriggerListViewModel starting = new TriggerListViewModel(List::of, work);
                starting.showSaved(saved);
                mainWindow.showSavedTriggers(new TriggerListView(starting).root());
                startTimes.savedTriggersShown();
            }
        });
    }

    /** Shows the main window on the stage and starts the engine. Call on the FX thread. */
    public void start(Stage stage) {
        mainWindow = new MainWindow(mainWindowViewModel);
        mainWindowViewModel.engineStateProperty().addListener((o, was, is) -> {
            if (is instanceof EngineState.Running && (workspace == null || workspace.engine() != engine.get().client())) {
                showWorkspace();
                startTimes.running();
            }
        });
        mainWindow.showOn(stage, layoutStore.load(), layoutStore::save);
        startTimes.windowShown();
        mainWindowViewModel.start();
    }

    private void showWorkspace() {
        Engine running = engine.get();
        if (running == null) {
            return;
        }
        boolean first = workspace == null;
        if (!first) {
            workspace.close(); // after a restart: the old engine's windows go
        }
        workspace = new Workspace(running.client(), work, ZoneId.systemDefault(), mainWindow, this::restartEngine);
        workspace.show();
        if (first) {
            healthTimer.scheduleWithFixedDelay(() -> fxThread.execute(() -> workspace.checkHealth()),
                    HEALTH_CHECK_SECONDS, HEALTH_CHECK_SECONDS, TimeUnit.SECONDS);
        }
    }

    /**
     * For the JVM's shutdown hook (logout, {@code kill}: the JVM exits without the window closing): stops the engine
     * so its broker deregisters; otherwise the next start waits out the old broker's session, about 10 s (issue 19.7).
     * Runs on the engine's lifecycle thread, after a start under way; does nothing once {@link #close()} has run.
     */
    public void stopEngineAtExit() {
        try {
            engineLifecycle.submit(() -> {
                Engine running = engine.get();
                if (running != null) {
                    running.close();
                }
            }).get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // close() already stopped the engine and its lifecycle thread.
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("Could not stop the engine while the JVM exits", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public MainWindowViewModel mainWindowViewModel() {
        return mainWindowViewModel;
    }

    /**
     * Stops the engine if the window did not already, and waits for it: the engine's threads must not outlive the
     * console. Safe to call more than once.
     */
    @Override
    public void close() {
        healthTimer.shutdownNow();
        mainWindowViewModel.requestClose();
        engineLifecycle.shutdown();
        try {
            if (!engineLifecycle.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("The engine did not stop within {} s; exiting anyway", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        eventBridge.close();
    }

    /** The real engine behind the shell's {@link EngineSession}. */
    private record StartedEngine(Engine engine, AutoCloseable events) implements EngineSession {

        @Override
        public String bootstrapServers() {
            return engine.bootstrapServers();
        }

        @Override
        public void close() {
            engine.close(); // publishes EngineStopping while the bridge still listens
            try {
                events.close();
            } catch (Exception e) {
                log.warn("Could not unsubscribe from the engine's events", e);
            }
        }
    }
}
