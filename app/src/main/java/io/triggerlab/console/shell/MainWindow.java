package io.triggerlab.console.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;

import java.util.Objects;

/**
 * The main window: a top bar with the cluster in use, the trigger list on the left, the work area in the centre and
 * the engine's state in the status bar. It only lays out nodes and binds them to {@link MainWindowViewModel}.
 */
public final class MainWindow {

    public static final String STYLESHEET = "/io/triggerlab/console/console.css";

    private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final MainWindowViewModel viewModel;
    private final BorderPane root = new BorderPane();

    public MainWindow(MainWindowViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        root.getStyleClass().add("main-window");
        root.setTop(topBar());
        root.setLeft(triggerList());
        root.setCenter(workArea());
        root.setBottom(statusBar());
    }

    public Parent root() {
        return root;
    }

    /** Puts the window on the stage. Closing it asks the ViewModel to stop the engine; the ViewModel then exits. */
    public void showOn(Stage stage) {
        Scene scene = new Scene(root, 1100, 700);
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource(STYLESHEET),
                "stylesheet " + STYLESHEET + " is missing from the console jar").toExternalForm());
        stage.setTitle("TriggerLab");
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setScene(scene);
        stage.setOnCloseRequest(event -> {
            event.consume(); // the window stays until the engine has stopped
            viewModel.requestClose();
        });
        stage.show();
    }

    private Node topBar() {
        Label title = new Label("TriggerLab");
        title.getStyleClass().add("app-title");

        Label cluster = new Label();
        cluster.setId("cluster-name");
        cluster.getStyleClass().add("cluster-name");
        cluster.textProperty().bind(viewModel.clusterNameProperty());

        Label bootstrap = new Label();
        bootstrap.setId("bootstrap-servers");
        bootstrap.getStyleClass().add("bootstrap-servers");
        bootstrap.textProperty().bind(viewModel.bootstrapServersProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label state = new Label();
        state.setId("engine-state");
        state.getStyleClass().add("state-badge");
        state.textProperty().bind(viewModel.stateTextProperty());
        viewModel.runningProperty().addListener((o, was, is) -> state.pseudoClassStateChanged(RUNNING, is));
        viewModel.failedProperty().addListener((o, was, is) -> state.pseudoClassStateChanged(FAILED, is));

        HBox bar = new HBox(title, cluster, bootstrap, spacer, state);
        bar.getStyleClass().add("top-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node triggerList() {
        Label heading = new Label("Triggers");
        heading.getStyleClass().add("section-title");

        // A slot for now: the triggers screen brings its own View and ViewModel and fills this list.
        ListView<String> triggers = new ListView<>();
        triggers.setId("trigger-list");
        Label placeholder = new Label("No triggers yet");
        placeholder.getStyleClass().add("placeholder");
        triggers.setPlaceholder(placeholder);
        VBox.setVgrow(triggers, Priority.ALWAYS);

        VBox side = new VBox(heading, triggers);
        side.getStyleClass().add("sidebar");
        return side;
    }

    private Node workArea() {
        ProgressIndicator progress = new ProgressIndicator();
        Label busyMessage = new Label();
        busyMessage.setId("busy-message");
        busyMessage.textProperty().bind(viewModel.busyMessageProperty());
        VBox busyPane = new VBox(progress, busyMessage);
        busyPane.setId("busy-pane");
        bindShown(busyPane, viewModel.busyProperty());

        Label errorTitle = new Label("The engine could not start");
        errorTitle.getStyleClass().add("error-title");
        Label errorMessage = new Label();
        errorMessage.setId("error-message");
        errorMessage.getStyleClass().add("error-message");
        errorMessage.setWrapText(true);
        errorMessage.textProperty().bind(viewModel.errorMessageProperty());
        Label errorHint = new Label("Close this window, fix the cause and open the console again.");
        errorHint.getStyleClass().add("hint");
        VBox errorPane = new VBox(errorTitle, errorMessage, errorHint);
        errorPane.setId("error-pane");
        errorPane.getStyleClass().add("error-pane");
        bindShown(errorPane, viewModel.failedProperty());

        Label ready = new Label("Select a trigger to see its batches, invocations and offsets.");
        ready.getStyleClass().add("placeholder");
        VBox readyPane = new VBox(ready);
        readyPane.setId("ready-pane");
        bindShown(readyPane, viewModel.runningProperty());

        StackPane centre = new StackPane(busyPane, errorPane, readyPane);
        centre.getStyleClass().add("work-area");
        return centre;
    }

    private Node statusBar() {
        StatusBar status = new StatusBar();
        status.setId("status-bar");
        status.textProperty().bind(viewModel.statusTextProperty());
        // Indeterminate while starting or stopping, otherwise no progress shown.
        status.progressProperty().bind(Bindings.when(viewModel.busyProperty()).then(-1.0).otherwise(0.0));
        return status;
    }

    private static void bindShown(VBox pane, ObservableBooleanValue shown) {
        pane.getStyleClass().add("centre-pane");
        pane.setAlignment(Pos.CENTER);
        pane.visibleProperty().bind(shown);
        pane.managedProperty().bind(shown);
    }
}
