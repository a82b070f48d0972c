package io.triggerlab.console;

import io.triggerlab.console.wiring.ConsoleComposition;
import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: reads the launch options, hands everything else to {@link ConsoleComposition}. */
public final class ConsoleApp extends Application {

    private ConsoleComposition composition;

    /** Starts the JavaFX toolkit and blocks until the console has exited. */
    static void launchConsole(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        // Launcher has already rejected bad arguments, so parsing the same raw arguments again cannot fail here.
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw(), System.getenv(),
                System.getProperty("user.home"));
        // The defaults for the data directory; the composition applies the cluster in use saved in Settings
        // (console.properties) on top, at the first start and at every restart from Settings.
        composition = new ConsoleComposition(EngineConfig.defaults(options.dataDirectory()), Engine::start,
                Platform::runLater, Platform::exit);
        // SIGTERM ends the JVM without closing the window; the engine must still stop (see stopEngineAtExit).
        Runtime.getRuntime().addShutdownHook(new Thread(composition::stopEngineAtExit, "console-engine-shutdown"));
        composition.start(stage);
    }

    @Override
    public void stop() {
        if (composition != null) {
            composition.close();
        }
    }
}
