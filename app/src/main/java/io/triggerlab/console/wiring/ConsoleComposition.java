package io.triggerlab.console.wiring;

import io.triggerlab.console.shell.EngineSession;
import io.triggerlab.console.shell.MainWindow;
import io.triggerlab.console.shell.MainWindowViewModel;
import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The console's one composition root: builds every ViewModel and adapter by constructor injection. Nothing else
 * creates services, and nothing is static, so a test builds the whole console the same way {@code ConsoleApp} does.
 */
public final class ConsoleComposition implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsoleComposition.class);
    private static final long STOP_WAIT_SECONDS = 60;

    private final ExecutorService engineLifecycle;
    private final FxEventBridge eventBridge;
    private final MainWindowViewModel mainWindowViewModel;

    /**
     * @param config          the engine's configuration
     * @param engineFactory   starts the engine; {@code Engine::start} except in tests that need the engine itself
     * @param fxThread        runs a task on the FX thread ({@code Platform::runLater})
     * @param exitApplication ends the application once the engine has stopped ({@code Platform::exit})
     */
    public ConsoleComposition(EngineConfig config, Function<EngineConfig, Engine> engineFactory,
                              Executor fxThread, Runnable exitApplication) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(engineFactory, "engineFactory");
        // One named thread starts and later stops the engine, in that order, never on the FX thread.
        this.engineLifecycle = Executors.newSingleThreadExecutor(task -> new Thread(task, "console-engine-lifecycle"));
        this.eventBridge = new FxEventBridge(fxThread);
        this.mainWindowViewModel = new MainWindowViewModel(
                () -> startEngine(engineFactory, config), config.usesSandbox(), engineLifecycle, fxThread, exitApplication);
        eventBridge.addListener(mainWindowViewModel::onEngineEvent);
    }

    private EngineSession startEngine(Function<EngineConfig, Engine> engineFactory, EngineConfig config) {
        log.info("Starting the engine in {}", config.dataDirectory());
        Engine engine = engineFactory.apply(config);
        AutoCloseable events = eventBridge.attach(engine.events());
        return new StartedEngine(engine, events);
    }

    /** Shows the main window on the stage and starts the engine. Call on the FX thread. */
    public void start(Stage stage) {
        new MainWindow(mainWindowViewModel).showOn(stage);
        mainWindowViewModel.start();
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
        mainWindowViewModel.requestClose();
        engineLifecycle.shutdown();
        try {
            if (!engineLifecycle.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("The engine did not stop within {} s; exiting anyway", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
