package io.triggerlab.console.wiring;

import io.triggerlab.console.awscheck.AwsCheckView;
import io.triggerlab.console.awscheck.AwsCheckViewModel;
import io.triggerlab.console.browser.ProducerPrefill;
import io.triggerlab.console.browser.RecordActionsViewModel;
import io.triggerlab.console.browser.TopicBrowserBackend;
import io.triggerlab.console.browser.TopicBrowserView;
import io.triggerlab.console.browser.TopicBrowserViewModel;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.common.DialogKeys;
import io.triggerlab.console.common.Dialogs;
import io.triggerlab.console.demo.DemoSetup;
import io.triggerlab.console.destinations.DestinationsView;
import io.triggerlab.console.destinations.DestinationsViewModel;
import io.triggerlab.console.faults.FaultsView;
import io.triggerlab.console.faults.FaultsViewModel;
import io.triggerlab.console.step.StepModeView;
import io.triggerlab.console.step.StepModeViewModel;
import io.triggerlab.console.inspector.InspectorView;
import io.triggerlab.console.inspector.InspectorViewModel;
import io.triggerlab.console.invocations.InvocationsView;
import io.triggerlab.console.invocations.InvocationsViewModel;
import io.triggerlab.console.lag.LagChartView;
import io.triggerlab.console.lag.LagChartViewModel;
import io.triggerlab.console.producer.HeaderEntry;
import io.triggerlab.console.producer.Pacer;
import io.triggerlab.console.producer.ProducerForms;
import io.triggerlab.console.producer.ProducerView;
import io.triggerlab.console.producer.ProducerViewModel;
import io.triggerlab.console.producer.SchemaBackend;
import io.triggerlab.console.producer.ValueSource;
import io.triggerlab.console.sam.SamImportBackend;
import io.triggerlab.console.sam.SamImportView;
import io.triggerlab.console.sam.SamImportViewModel;
import io.triggerlab.console.settings.ClusterInUseStore;
import io.triggerlab.console.settings.ClusterInUseViewModel;
import io.triggerlab.console.settings.ClustersBackend;
import io.triggerlab.console.settings.ClustersView;
import io.triggerlab.console.settings.ClustersViewModel;
import io.triggerlab.console.settings.FunctionEditorView;
import io.triggerlab.console.settings.FunctionEditorViewModel;
import io.triggerlab.console.settings.FunctionStore;
import io.triggerlab.console.settings.FunctionsView;
import io.triggerlab.console.settings.FunctionsViewModel;
import io.triggerlab.console.settings.SecretEditorView;
import io.triggerlab.console.settings.SecretEditorViewModel;
import io.triggerlab.console.settings.SecretsView;
import io.triggerlab.console.settings.SecretsViewModel;
import io.triggerlab.console.settings.SettingsView;
import io.triggerlab.console.settings.StrictModeStore;
import io.triggerlab.console.settings.StrictModeView;
import io.triggerlab.console.settings.StrictModeViewModel;
import io.triggerlab.console.shell.ClusterHealthViewModel;
import io.triggerlab.console.shell.MainWindow;
import io.triggerlab.console.shell.ShellActions;
import io.triggerlab.console.systemlogs.SystemLogsView;
import io.triggerlab.console.systemlogs.SystemLogsViewModel;
import io.triggerlab.console.trigger.OffsetResetView;
import io.triggerlab.console.trigger.OffsetResetViewModel;
import io.triggerlab.console.trigger.TriggerPageView;
import io.triggerlab.console.trigger.TriggerPageViewModel;
import io.triggerlab.console.triggers.TriggerListView;
import io.triggerlab.console.triggers.TriggerListViewModel;
import io.triggerlab.console.wizard.TriggerWizardView;
import io.triggerlab.console.wizard.TriggerWizardViewModel;
import io.triggerlab.engine.client.EngineClient;
import io.triggerlab.engine.observe.events.EngineEvent;
import io.triggerlab.engine.infra.secrets.SecretMetadata;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Everything the console shows once the engine runs: the trigger list, the trigger page with its invocations and
 * inspector, and the wizard, producer and settings windows. Built by {@link ConsoleComposition} with the started
 * engine; it routes the engine's (already coalesced) events to the screens that show them.
 */
final class Workspace implements ShellActions {

    private final EngineClient engine;
    private final BackgroundWork work;
    private final MainWindow mainWindow;
    private final String stylesheet = MainWindow.stylesheetUrl();
    private final FunctionStore functionStore;

    private final TriggerListViewModel triggers;
    private final TriggerPageViewModel page;
    private final LagChartViewModel lag;
    private final ZoneId zone;
    private final InvocationsViewModel invocations;
    private final InspectorViewModel inspector;
    private final ClusterHealthViewModel health;
    private final AwsCheckViewModel awsCheck;
    private final FaultsViewModel faults;
    private final DestinationsViewModel destinations;
    private final ResourceSettingsTabs resourceSettings;
    private final StepModeViewModel steps;
    private final SystemLogsViewModel systemLogs;
    private final TabPane tabs = new TabPane();
    private final Runnable restartEngine;
    private Stage producerStage;
    private ProducerViewModel shownProducer;
    /** The producer panel's last form per topic: outlives the panel and the console, so reopening brings it back. */
    private final ProducerForms producerForms;
    private Stage settingsStage;

    /** @param restartEngine restarts the engine with the cluster in use saved in Settings (on the FX thread) */
    Workspace(EngineClient engine, BackgroundWork work, ZoneId zone, MainWindow mainWindow, Runnable restartEngine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.work = Objects.requireNonNull(work, "work");
        this.mainWindow = Objects.requireNonNull(mainWindow, "mainWindow");
        this.restartEngine = Objects.requireNonNull(restartEngine, "restartEngine");
        this.functionStore = SettingsBackends.functions(engine);
        this.producerForms = new ProducerForms(engine.config().dataDirectory().resolve(ProducerForms.FILE_NAME));
        this.triggers = new TriggerListViewModel(engine::mappings, work);
        this.page = new TriggerPageViewModel(EngineBackends.triggerPage(engine), work, zone);
        this.zone = zone;
        this.lag = new LagChartViewModel(EngineBackends.lag(engine), work, zone, Clock.systemUTC());
        this.invocations = new InvocationsViewModel(engine.invocations(), work, zone);
        this.inspector = new InspectorViewModel(engine.invocations(), EngineBackends.replayer(engine), work, zone);
        inspector.lookUpSchemasWith(SchemaBackends.inspector(engine));
        inspector.readRawBytesWith(SchemaBackends.rawRecords(engine));
        this.health = new ClusterHealthViewModel(engine.topics(), work);
        triggers.selectedUuidProperty().addListener((o, was, is) -> {
            page.show(is);
            lag.show(is);
            invocations.show(is);
        });
        invocations.selectedProperty().addListener((o, was, is) -> inspector.show(is));
        this.awsCheck = new AwsCheckViewModel(EngineBackends.awsCheck(engine), work);
        this.faults = new FaultsViewModel(EngineBackends.faults(engine), work);
        this.destinations = new DestinationsViewModel(engine.invocations(), work, zone);
        this.resourceSettings = new ResourceSettingsTabs(engine, work);
        this.steps = new StepModeViewModel(EngineBackends.stepMode(engine), work);
        this.systemLogs = new SystemLogsViewModel(engine::systemLogs, work, zone);
        followShownMappingForAwsFeatures();
    }

    /** The AWS-check, fault and destination tabs follow the mapping the trigger page shows (loaded, or changed). */
    private void followShownMappingForAwsFeatures() {
        page.mappingProperty().addListener((o, was, is) -> {
            awsCheck.show(is == null ? null : is.uuid());
            faults.show(is == null ? null : is.functionArn());
            destinations.show(is);
            resourceSettings.show(is);
            steps.show(is == null ? null : is.uuid());
            systemLogs.show(is);
        });
    }

    /** New invocations: the destinations outbox and the armed faults' remaining count follow them. */
    private void awsFeaturesOnInvocations(String mappingUuid) {
        destinations.onInvocationsOf(mappingUuid);
        faults.onInvocation();
        steps.onInvocationOf(mappingUuid);
        systemLogs.refresh();
    }

    /** Puts the workspace into the main window and loads the triggers. Call on the FX thread. */
    void show() {
        mainWindow.showClusterHealth(health);
        mainWindow.showWorkspace(new TriggerListView(triggers).root(), workspaceNode(), this);
        triggers.refresh();
        health.check();
    }

    EngineClient engine() {
        return engine;
    }

    /** The engine this workspace shows is going away (a restart): close the windows that use it. */
    void close() {
        if (producerStage != null) {
            producerStage.close();
        }
        if (settingsStage != null) {
            settingsStage.close();
        }
    }

    /** Called on the FX thread now and then by the composition root's health timer. */
    void checkHealth() {
        health.check();
        systemLogs.refresh();
    }

    /** Engine events, on the FX thread, coalesced per mapping by the {@link FxEventBridge}. */
    void onEngineEvent(EngineEvent event) {
        if (event instanceof EngineEvent.MappingChanged) {
            triggers.onEngineEvent(event);
            page.onMappingChanged(((EngineEvent.MappingChanged) event).mapping());
        } else if (event instanceof EngineEvent.MappingRemoved) {
            triggers.onEngineEvent(event);
        } else if (event instanceof EngineEvent.InvocationCompleted) {
            invocations.onInvocationsOf(((EngineEvent.InvocationCompleted) event).invocation().mappingUuid());
            awsFeaturesOnInvocations(((EngineEvent.InvocationCompleted) event).invocation().mappingUuid());
        } else if (event instanceof EngineEvent.MetricsSampled) {
            lag.onMetricsSampled(((EngineEvent.MetricsSampled) event).snapshot());
            resourceSettings.onMetricsSampled(((EngineEvent.MetricsSampled) event).snapshot());
        } else if (event instanceof EngineEvent.ScalingDecided) {
            lag.onScalingDecided(((EngineEvent.ScalingDecided) event).decision());
        }
    }

    private Node workspaceNode() {
        TriggerPageView pageView = new TriggerPageView(page, this::openWizard, this::openOffsetReset);
        pageView.lagChartSlot().getChildren().setAll(new LagChartView(lag, zone).root());
        SplitPane invocationSplit = new SplitPane(new InvocationsView(invocations).root(), new InspectorView(inspector).root());
        invocationSplit.setId("invocation-split");
        invocationSplit.setOrientation(Orientation.VERTICAL);
        invocationSplit.setDividerPositions(mainWindow.inspectorDividerProperty().get());
        invocationSplit.getDividers().get(0).positionProperty().addListener((o, was, is) ->
                mainWindow.inspectorDividerProperty().set(is.doubleValue()));
        Tab invocationsTab = new Tab("Invocations", invocationSplit);
        invocationsTab.setId("tab-invocations");
        Tab overviewTab = new Tab("Overview", pageView.overview());
        overviewTab.setId("tab-overview");
        tabs.getTabs().setAll(invocationsTab, overviewTab);
        tabs.getTabs().addAll(awsFeatureTabs());
        tabs.getTabs().addAll(resourceSettings.tabs());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("trigger-tabs");
        BorderPane selected = new BorderPane(tabs);
        selected.setTop(new VBox(pageView.header(), new StepModeView(steps).root()));
        selected.visibleProperty().bind(triggers.selectedUuidProperty().isNotNull());

        Label hint = new Label("Select a trigger to see its status, invocations and the events it sent.");
        hint.getStyleClass().add("placeholder");
        Button create = new Button("New trigger…");
        create.setId("empty-new-trigger");
        create.setOnAction(e -> newTrigger());
        VBox none = new VBox(12, hint, create);
        none.setAlignment(Pos.CENTER);
        none.visibleProperty().bind(triggers.selectedUuidProperty().isNull());
        StackPane stack = new StackPane(none, selected);
        stack.setId("workspace");
        return stack;
    }

    /** "Would this pass on AWS?" (checked when first shown), fault injection and the destinations outbox. */
    private List<Tab> awsFeatureTabs() {
        Tab check = new Tab("Would this pass on AWS?", new AwsCheckView(awsCheck).root());
        check.setId("tab-aws-check");
        check.selectedProperty().addListener((o, was, is) -> awsCheck.setActive(is));
        Tab faultsTab = new Tab("Inject faults", new FaultsView(faults).root());
        faultsTab.setId("tab-faults");
        faultsTab.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                faults.refresh();
            }
        });
        Tab outbox = new Tab("Destinations", new DestinationsView(destinations).root());
        outbox.setId("tab-destinations");
        Tab logs = new Tab("System logs", new SystemLogsView(systemLogs).root());
        logs.setId("tab-system-logs");
        logs.selectedProperty().addListener((o, was, is) -> systemLogs.setActive(is));
        return List.of(check, faultsTab, outbox, logs);
    }

    /** Shows a tab of the trigger page by its title ("Invocations", "Overview", …, "Tags", "System logs"). */
    void selectTab(String title) {
        tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    TriggerListViewModel triggers() {
        return triggers;
    }

    @Override
    public void newTrigger() {
        openWizard(null);
    }

    private void openWizard(EventSourceMapping editing) {
        TriggerWizardViewModel wizard = new TriggerWizardViewModel(EngineBackends.wizard(engine),
                engine.validator(), work, ZoneId.systemDefault());
        if (editing != null) {
            wizard.edit(editing);
        }
        Stage stage = stage(wizard.titleProperty().get(), Modality.WINDOW_MODAL);
        TriggerWizardView view = new TriggerWizardView(wizard, this::registerFunctionInline, this::createSecretInline,
                stage::close);
        wizard.savedProperty().addListener((o, was, saved) -> {
            if (saved != null) {
                stage.close();
                triggers.upsert(saved);
                triggers.selectedUuidProperty().set(saved.uuid());
                page.show(saved.uuid());
            }
        });
        stage.setScene(scene(view.root(), 860, 560));
        wizard.load();
        stage.show();
    }

    private void openOffsetReset(EventSourceMapping mapping) {
        OffsetResetViewModel reset = new OffsetResetViewModel(mapping, EngineBackends.offsetReset(engine), work, zone,
                LocalDate.now(zone));
        Stage stage = stage("Reset offsets", Modality.WINDOW_MODAL);
        // The lag counts from the committed offsets, which have just moved: reload it when the dialog closes.
        stage.setOnHidden(e -> lag.show(mapping.uuid()));
        stage.setScene(scene((javafx.scene.Parent) new OffsetResetView(reset, stage::close).root(), 600, 460));
        stage.show();
    }

    private Optional<String> registerFunctionInline(Node owner) {
        FunctionEditorViewModel editor = new FunctionEditorViewModel(functionStore, work);
        return FunctionEditorView.showDialog(owner.getScene().getWindow(), editor, stylesheet).map(FunctionDefinition::name);
    }

    private Optional<String> createSecretInline(Node owner) {
        SecretEditorViewModel editor = new SecretEditorViewModel(SettingsBackends.secrets(engine), work);
        return SecretEditorView.showDialog(owner.getScene().getWindow(), editor, stylesheet).map(SecretMetadata::arn);
    }

    @Override
    public void produce() {
        openProducer();
    }

    /** The topic browser's "Produce again": the producer, opened or brought up, with the record's form in it. */
    private void produceAgain(ProducerPrefill record) {
        ProducerViewModel producer = openProducer();
        // The topic first: choosing it recalls that topic's last form, which the record's fields then replace.
        producer.topicProperty().set(record.topic());
        producer.keyProperty().set(record.key());
        // The record's bytes as they were: a schema encoding recalled for the topic would frame them again.
        producer.schema().encodingProperty().set(io.triggerlab.console.producer.ValueEncoding.NONE);
        producer.valueSourceProperty().set(record.json() ? ValueSource.JSON : ValueSource.TEXT);
        producer.valueProperty().set(record.value());
        producer.headers().setAll(record.headers().stream().map(h -> new HeaderEntry(h.name(), h.value())).toList());
        producer.partitionProperty().set(String.valueOf(record.partition()));
        producer.countProperty().set("1");
    }

    private ProducerViewModel openProducer() {
        if (producerStage != null) {
            producerStage.toFront();
            return shownProducer;
        }
        // Its own thread: a paced send may run for minutes and must not hold one of the console's workers.
        ExecutorService sendThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "console-producer");
            thread.setDaemon(true);
            return thread;
        });
        ProducerViewModel producer = new ProducerViewModel(engine.topics(), engine.recordSender(), work, sendThread,
                Pacer.system(), SchemaBackend.of(engine.schemaRecords()));
        producer.rememberIn(producerForms);
        EventSourceMapping shown = page.mappingProperty().get();
        if (shown != null) {
            producer.topicProperty().set(shown.topic());
        }
        producer.loadTopics();
        producerStage = stage("Produce test records", Modality.NONE);
        producerStage.setScene(scene(new ProducerView(producer).root(), 640, 760));
        shownProducer = producer;
        producerStage.setOnHidden(e -> {
            producerStage = null;
            shownProducer = null;
            producer.stop();
            sendThread.shutdown(); // the send under way ends at the next chunk
        });
        producerStage.show();
        return producer;
    }

    @Override
    public void browseTopic() {
        TopicBrowserBackend backend = EngineBackends.topicBrowser(engine);
        TopicBrowserViewModel browser = new TopicBrowserViewModel(backend, work, zone);
        RecordActionsViewModel actions = new RecordActionsViewModel(backend, work, this::produceAgain);
        EventSourceMapping shown = page.mappingProperty().get();
        if (shown != null) {
            browser.topicProperty().set(shown.topic());
        }
        browser.loadTopics();
        Stage stage = stage("Browse topic", Modality.NONE);
        stage.setScene(scene(new TopicBrowserView(browser, actions).root(), 980, 680));
        stage.show();
    }

    @Override
    public void refresh() {
        triggers.refresh();
        page.show(triggers.selectedUuidProperty().get());
        invocations.reload();
        health.check();
    }

    @Override
    public void settings() {
        if (settingsStage != null) {
            settingsStage.toFront();
            return;
        }
        settingsStage = stage("Settings", Modality.WINDOW_MODAL);
        Stage stage = settingsStage;
        FunctionsViewModel functions = new FunctionsViewModel(functionStore, work);
        ClustersBackend clusterBackend = SettingsBackends.clusters(engine);
        ClustersViewModel clusters = new ClustersViewModel(clusterBackend, work);
        ClusterInUseViewModel inUse = new ClusterInUseViewModel(clusterBackend,
                new ClusterInUseStore(engine.config().dataDirectory()), work, () -> {
                    stage.close();
                    restartEngine.run();
                });
        SecretsViewModel secrets = new SecretsViewModel(SettingsBackends.secrets(engine), work, zone);
        StrictModeViewModel strict = new StrictModeViewModel(engine::strictAws, engine::strictAws,
                new StrictModeStore(engine.config().dataDirectory()), work);
        SettingsView view = new SettingsView(new FunctionsView(functions, stylesheet), new ClustersView(clusters, inUse),
                new SecretsView(secrets, stylesheet), new StrictModeView(strict));
        stage.setScene(scene(view.root(), 960, 680));
        stage.setOnHidden(e -> settingsStage = null);
        functions.reload();
        clusters.reload();
        inUse.load();
        secrets.reload();
        strict.load();
        stage.show();
    }

    @Override
    public void openSamTemplate() {
        Window owner = mainWindow.root().getScene() == null ? null : mainWindow.root().getScene().getWindow();
        new SamImportView(owner, new SamImportViewModel(SamImportBackend.of(engine), work), stylesheet, triggers::refresh)
                .chooseAndOpen();
    }

    @Override
    public void createDemo() {
        work.submit("create the demo", () -> new DemoSetup(engine).create(), demo -> {
            triggers.refresh();
            triggers.selectedUuidProperty().set(demo.orders().uuid());
        }, message -> Dialogs.showError(mainWindow.root(), "The demo could not be created", message));
    }

    private Stage stage(String title, Modality modality) {
        Stage stage = DialogKeys.closeOnEscape(new Stage());
        stage.setTitle("TriggerLab · " + title);
        Window owner = mainWindow.root().getScene() == null ? null : mainWindow.root().getScene().getWindow();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(modality);
        return stage;
    }

    private Scene scene(javafx.scene.Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(stylesheet);
        return scene;
    }
}
