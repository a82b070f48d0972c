package io.triggerlab.console.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The main window: menus, a top bar with the cluster in use and its health, the trigger list on the left, the work
 * area in the centre and the engine's state in the status bar. It only lays out nodes and binds them to
 * {@link MainWindowViewModel}; the workspace (trigger list and pages) arrives with {@link #showWorkspace} once the
 * engine runs.
 */
public final class MainWindow {

    public static final String STYLESHEET = "/io/triggerlab/console/console.css";

    private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    /** At 1024 px this leaves the trigger page about 790 px, enough for its header, toolbar and inspector. */
    private static final double SIDEBAR_MAX_SHARE = 0.22;

    private final MainWindowViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final VBox sidebar = new VBox();
    private final StackPane workArea = new StackPane();
    private final VBox readyPane = new VBox();
    private final SplitPane split;
    private final HBox healthBox = new HBox(6);
    private final BooleanProperty actionsReady = new SimpleBooleanProperty();
    private final DoubleProperty inspectorDivider = new SimpleDoubleProperty(WindowLayout.DEFAULT.inspectorDivider());
    private ShellActions actions;

    public MainWindow(MainWindowViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        root.getStyleClass().add("main-window");
        root.setTop(new VBox(menuBar(), topBar()));
        buildSidebar();
        buildWorkArea();
        split = new SplitPane(sidebar, workArea);
        split.setId("main-split");
        SplitPane.setResizableWithParent(sidebar, false);
        // A remembered wide divider must not keep the list wide on a small window: it gives way to the work area.
        sidebar.maxWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(sidebar.getMinWidth(), split.getWidth() * SIDEBAR_MAX_SHARE), split.widthProperty()));
        split.setDividerPositions(WindowLayout.DEFAULT.sidebarDivider());
        root.setCenter(split);
        root.setBottom(statusBar());
    }

    public Parent root() {
        return root;
    }

    /** The stylesheet's URL, for the console's other windows. */
    public static String stylesheetUrl() {
        return Objects.requireNonNull(MainWindow.class.getResource(STYLESHEET),
                "stylesheet " + STYLESHEET + " is missing from the console jar").toExternalForm();
    }

    /** Puts the window on the stage. Closing it asks the ViewModel to stop the engine; the ViewModel then exits. */
    public void showOn(Stage stage) {
        showOn(stage, WindowLayout.DEFAULT, layout -> { });
    }

    /**
     * Puts the window on the stage with a remembered layout; {@code onClose} gets the layout as it is when the window
     * closes, before the engine stops.
     */
    public void showOn(Stage stage, WindowLayout layout, Consumer<WindowLayout> onClose) {
        Scene scene = new Scene(root, layout.width(), layout.height());
        scene.getStylesheets().add(stylesheetUrl());
        stage.setTitle("TriggerLab");
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setScene(scene);
        if (layout.hasPosition()) {
            stage.setX(layout.x());
            stage.setY(layout.y());
        }
        stage.setMaximized(layout.maximized());
        split.setDividerPositions(layout.sidebarDivider());
        inspectorDivider.set(layout.inspectorDivider());
        stage.setOnCloseRequest(event -> {
            event.consume(); // the window stays until the engine has stopped
            onClose.accept(currentLayout(stage));
            viewModel.requestClose();
        });
        stage.show();
    }

    private WindowLayout currentLayout(Stage stage) {
        return new WindowLayout(stage.getX(), stage.getY(), stage.getScene().getWidth(), stage.getScene().getHeight(),
                stage.isMaximized(), split.getDividers().get(0).getPosition(), inspectorDivider.get());
    }

    /**
     * The invocation table's share of the work area: the workspace keeps its divider in step with this, so the
     * layout is saved and restored with the window.
     */
    public DoubleProperty inspectorDividerProperty() {
        return inspectorDivider;
    }

    /** Shows the running workspace: the trigger list on the left, the trigger pages in the centre. */
    public void showWorkspace(Node triggerList, Node workspace, ShellActions shellActions) {
        this.actions = Objects.requireNonNull(shellActions, "shellActions");
        VBox.setVgrow(triggerList, Priority.ALWAYS);
        sidebar.getChildren().setAll(sidebarHeading(), triggerList);
        readyPane.getChildren().setAll(workspace);
        VBox.setVgrow(workspace, Priority.ALWAYS);
        readyPane.setAlignment(Pos.TOP_LEFT);
        readyPane.getStyleClass().remove("centre-pane");
        actionsReady.set(true);
    }

    /** Shows the cluster's health next to its address. */
    public void showClusterHealth(ClusterHealthViewModel health) {
        Label dot = new Label("●");
        dot.getStyleClass().add("health-dot");
        Label text = new Label();
        text.setId("cluster-health");
        text.getStyleClass().add("cluster-health");
        text.textProperty().bind(health.textProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(health.detailsProperty());
        Tooltip.install(text, tip);
        health.healthyProperty().addListener((o, was, is) -> healthBox.pseudoClassStateChanged(RUNNING, is));
        health.unhealthyProperty().addListener((o, was, is) -> healthBox.pseudoClassStateChanged(FAILED, is));
        healthBox.getChildren().setAll(dot, text);
    }

    private Node menuBar() {
        MenuItem settings = item("Settings…", "Shortcut+Comma", "menu-settings", () -> actions.settings());
        MenuItem quit = new MenuItem("Quit");
        quit.setId("menu-quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> {
            Stage stage = (Stage) root.getScene().getWindow();
            stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
        });
        MenuItem openSam = item("Open SAM template…", "Shortcut+O", "menu-open-sam", () -> actions.openSamTemplate());
        Menu file = new Menu("File", null, openSam, settings, new SeparatorMenuItem(), quit);
        MenuItem newTrigger = item("New trigger…", "Shortcut+N", "menu-new-trigger", () -> actions.newTrigger());
        MenuItem refresh = item("Refresh", "F5", "menu-refresh", () -> {
            actions.refresh();
            viewModel.refreshed();
        });
        Menu trigger = new Menu("Trigger", null, newTrigger, refresh);
        MenuItem produce = item("Produce test records…", "Shortcut+P", "menu-produce", () -> actions.produce());
        MenuItem browse = item("Browse topic…", "Shortcut+B", "menu-browse", () -> actions.browseTopic());
        Menu records = new Menu("Records", null, produce, browse);
        MenuItem demo = item("Create demo triggers", null, "menu-demo", () -> actions.createDemo());
        MenuBar bar = new MenuBar(file, trigger, records);
        MenuItem docs = helpItem("Documentation", "F1", "menu-docs", () -> HelpDialogs.documentation(root));
        MenuItem keys = helpItem("Keyboard shortcuts", null, "menu-shortcuts", () -> HelpDialogs.shortcuts(root, bar));
        MenuItem about = helpItem("About TriggerLab", null, "menu-about", () -> HelpDialogs.about(root));
        bar.getMenus().add(new Menu("Help", null, demo, new SeparatorMenuItem(), docs, keys, about));
        bar.setId("menu-bar");
        return bar;
    }

    /** Help items work whether or not the engine runs. */
    private static MenuItem helpItem(String text, String accelerator, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private MenuItem item(String text, String accelerator, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.disableProperty().bind(actionsReady.not().or(viewModel.runningProperty().not()));
        item.setOnAction(e -> action.run());
        return item;
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

        healthBox.getStyleClass().add("health");
        healthBox.setAlignment(Pos.CENTER_LEFT);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label state = new Label();
        state.setId("engine-state");
        state.getStyleClass().add("state-badge");
        state.textProperty().bind(viewModel.stateTextProperty());
        viewModel.runningProperty().addListener((o, was, is) -> state.pseudoClassStateChanged(RUNNING, is));
        viewModel.failedProperty().addListener((o, was, is) -> state.pseudoClassStateChanged(FAILED, is));

        HBox bar = new HBox(title, cluster, bootstrap, healthBox, spacer, new Label("Engine"), state);
        bar.getStyleClass().add("top-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node sidebarHeading() {
        Label heading = new Label("TRIGGERS");
        heading.getStyleClass().add("section-title");
        return heading;
    }

    private void buildSidebar() {
        // Until the engine runs, an empty list stands in for the trigger list.
        ListView<String> triggers = new ListView<>();
        triggers.setId("trigger-list-placeholder");
        // Until the engine runs its triggers are not known yet: "No triggers yet" would be untrue for most people.
        Label placeholder = new Label("Starting the engine…");
        placeholder.getStyleClass().add("placeholder");
        triggers.setPlaceholder(placeholder);
        VBox.setVgrow(triggers, Priority.ALWAYS);
        sidebar.getChildren().setAll(sidebarHeading(), triggers);
        sidebar.getStyleClass().add("sidebar");
        sidebar.setMinWidth(200);
    }

    private void buildWorkArea() {
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
        Button sandbox = new Button("Start on the embedded sandbox");
        sandbox.setId("fallback-to-sandbox");
        sandbox.setOnAction(e -> viewModel.fallBackToSandbox());
        sandbox.visibleProperty().bind(viewModel.sandboxFallbackOfferedProperty());
        sandbox.managedProperty().bind(viewModel.sandboxFallbackOfferedProperty());
        VBox errorPane = new VBox(errorTitle, errorMessage, errorHint, sandbox);
        errorPane.setId("error-pane");
        errorPane.getStyleClass().add("error-pane");
        bindShown(errorPane, viewModel.failedProperty());

        Label ready = new Label("Select a trigger to see its batches, invocations and offsets.");
        ready.getStyleClass().add("placeholder");
        readyPane.getChildren().setAll(ready);
        readyPane.setId("ready-pane");
        bindShown(readyPane, viewModel.runningProperty());

        workArea.getChildren().setAll(busyPane, errorPane, readyPane);
        workArea.getStyleClass().add("work-area");
    }

    private Node statusBar() {
        StatusBar status = new StatusBar();
        status.setId("status-bar");
        status.textProperty().bind(viewModel.statusTextProperty());
        // Indeterminate while starting or stopping, otherwise no progress shown.
        status.progressProperty().bind(Bindings.when(viewModel.busyProperty()).then(-1.0).otherwise(0.0));
        Label notice = new Label();
        notice.setId("status-notice");
        notice.textProperty().bind(viewModel.noticeProperty());
        status.getRightItems().add(notice);
        return status;
    }

    private static void bindShown(VBox pane, ObservableBooleanValue shown) {
        pane.getStyleClass().add("centre-pane");
        pane.setAlignment(Pos.CENTER);
        pane.visibleProperty().bind(shown);
        pane.managedProperty().bind(shown);
    }
}
