package io.triggerlab.console.trigger;

import io.triggerlab.console.common.Dialogs;
import io.triggerlab.console.triggers.StateBadge;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The trigger page: a header with the trigger's function, topic, badge and commands, and an overview with its status,
 * the explanation of any PROBLEM, its configuration and the spot where the OffsetLag chart goes.
 */
public final class TriggerPageView {

    /** The id of the spot the metrics work fills with the live OffsetLag chart. */
    public static final String LAG_CHART_SLOT_ID = "lag-chart-slot";

    private final TriggerPageViewModel viewModel;
    private final Consumer<EventSourceMapping> onEdit;
    private final Consumer<EventSourceMapping> onResetOffsets;
    private final VBox lagChartSlot = new VBox();
    private final Node header;
    private final Node overview;

    /** @param onEdit opens the wizard to edit the shown mapping */
    public TriggerPageView(TriggerPageViewModel viewModel, Consumer<EventSourceMapping> onEdit) {
        this(viewModel, onEdit, null);
    }

    /**
     * @param onEdit         opens the wizard to edit the shown mapping
     * @param onResetOffsets opens the "Reset offsets" dialog for the shown (disabled) mapping; null hides the action
     */
    public TriggerPageView(TriggerPageViewModel viewModel, Consumer<EventSourceMapping> onEdit,
                           Consumer<EventSourceMapping> onResetOffsets) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.onEdit = Objects.requireNonNull(onEdit, "onEdit");
        this.onResetOffsets = onResetOffsets;
        this.header = buildHeader();
        this.overview = buildOverview();
    }

    public Node header() {
        return header;
    }

    public Node overview() {
        return overview;
    }

    /**
     * Where the live OffsetLag chart goes. It shows a note until the metrics work puts its chart here with
     * {@code lagChartSlot().getChildren().setAll(chart)}; nothing here invents lag data.
     */
    public VBox lagChartSlot() {
        return lagChartSlot;
    }

    private Node buildHeader() {
        Label title = new Label();
        title.setId("trigger-title");
        title.getStyleClass().add("page-title");
        title.textProperty().bind(viewModel.titleProperty());
        Label subtitle = new Label();
        subtitle.getStyleClass().add("page-subtitle");
        subtitle.textProperty().bind(viewModel.subtitleProperty());
        Label badge = new Label();
        badge.setId("trigger-badge");
        badge.getStyleClass().add("state-badge");
        viewModel.badgeProperty().addListener((o, was, is) -> showBadge(badge, is));
        showBadge(badge, viewModel.badgeProperty().get());

        Button toggle = new Button();
        toggle.setId("toggle-trigger");
        toggle.textProperty().bind(viewModel.toggleLabelProperty());
        toggle.disableProperty().bind(viewModel.canToggleProperty().not().or(viewModel.busyProperty()));
        toggle.setOnAction(e -> viewModel.toggleEnabled());
        Button edit = new Button("Edit…");
        edit.setId("edit-trigger");
        edit.disableProperty().bind(viewModel.canEditProperty().not().or(viewModel.busyProperty()));
        edit.setOnAction(e -> onEdit.accept(viewModel.mappingProperty().get()));
        Button delete = new Button("Delete…");
        delete.setId("delete-trigger");
        delete.getStyleClass().add("danger");
        delete.disableProperty().bind(viewModel.mappingProperty().isNull().or(viewModel.busyProperty()));
        delete.setOnAction(e -> confirmDelete(delete));

        // At 1024 px the buttons and the badge keep their words; the title and subtitle wrap instead.
        for (javafx.scene.control.Control c : java.util.List.of(badge, toggle, edit, delete)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        title.setWrapText(true);
        subtitle.setWrapText(true);
        // The badge beside the title, not beside the subtitle: the subtitle then has the width to stay on one line.
        title.setMinWidth(0);
        HBox titleRow = new HBox(10, title, badge);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        VBox names = new VBox(2, titleRow, subtitle);
        names.setMinWidth(120);
        names.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(names, Priority.ALWAYS);
        HBox row = new HBox(10, names, toggle, edit);
        if (onResetOffsets != null) {
            row.getChildren().add(resetOffsetsAction());
        }
        row.getChildren().add(delete);
        row.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("trigger-error");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorMessageProperty());
        error.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        VBox box = new VBox(6, row, error);
        box.getStyleClass().add("page-header");
        return box;
    }

    /** The button sits in a pane that carries the tooltip: a disabled button shows none, and "why not" matters most. */
    private Node resetOffsetsAction() {
        Button reset = new Button("Reset offsets…");
        reset.setId("reset-offsets");
        reset.setMinWidth(Region.USE_PREF_SIZE);
        reset.disableProperty().bind(viewModel.canResetOffsetsProperty().not().or(viewModel.busyProperty()));
        reset.setOnAction(e -> onResetOffsets.accept(viewModel.mappingProperty().get()));
        StackPane holder = new StackPane(reset);
        Tooltip hint = new Tooltip();
        hint.textProperty().bind(viewModel.resetOffsetsHintProperty());
        Tooltip.install(holder, hint);
        return holder;
    }

    private void confirmDelete(Node owner) {
        EventSourceMapping shown = viewModel.mappingProperty().get();
        if (shown != null && Dialogs.confirm(owner, "Delete the trigger for " + viewModel.titleProperty().get() + "?",
                "The trigger stops polling topic " + shown.topic() + " and is removed. Its consumer group keeps its "
                        + "committed offsets in the cluster. This cannot be undone.", "Delete trigger")) {
            viewModel.delete();
        }
    }

    private static void showBadge(Label badge, StateBadge state) {
        badge.getStyleClass().removeIf(c -> c.startsWith("badge-"));
        badge.setText(state == null ? "" : state.label());
        if (state != null) {
            badge.getStyleClass().add(state.styleClass());
        }
    }

    private Node buildOverview() {
        GridPane status = new GridPane();
        status.getStyleClass().add("status-grid");
        status.setHgap(16);
        status.setVgap(8);
        Label state = value("trigger-state", viewModel.stateProperty().getValue());
        state.textProperty().bind(viewModel.stateProperty());
        Label reason = value("trigger-reason", "");
        reason.textProperty().bind(Bindings.createStringBinding(() -> {
            String r = viewModel.stateTransitionReasonProperty().get();
            String why = viewModel.reasonExplanationProperty().get();
            return why.isEmpty() ? r : r + " — " + why;
        }, viewModel.stateTransitionReasonProperty(), viewModel.reasonExplanationProperty()));
        Label result = value("trigger-result", "");
        result.textProperty().bind(viewModel.lastProcessingResultProperty());
        result.getStyleClass().add("result");
        viewModel.severityProperty().addListener((o, was, is) -> {
            result.getStyleClass().removeIf(c -> c.startsWith("result-"));
            result.getStyleClass().add(is.styleClass());
        });
        result.getStyleClass().add(viewModel.severityProperty().get().styleClass());
        status.addRow(0, name("State"), state);
        status.addRow(1, name("StateTransitionReason"), reason);
        status.addRow(2, name("LastProcessingResult"), result);
        status.addRow(3, name("Pollers"), boundValue(viewModel.pollersProperty()));

        Label problemTitle = new Label();
        problemTitle.setId("problem-title");
        problemTitle.getStyleClass().add("problem-title");
        problemTitle.textProperty().bind(viewModel.problemTitleProperty());
        Label problemDetails = new Label();
        problemDetails.setId("problem-details");
        problemDetails.setWrapText(true);
        problemDetails.textProperty().bind(viewModel.problemDetailsProperty());
        VBox problem = new VBox(6, problemTitle, problemDetails);
        problem.setId("problem-box");
        problem.getStyleClass().add("problem-box");
        problem.visibleProperty().bind(viewModel.problemProperty());
        problem.managedProperty().bind(problem.visibleProperty());

        Label configuration = new Label();
        configuration.setId("trigger-configuration");
        configuration.getStyleClass().add("mono");
        configuration.textProperty().bind(viewModel.configurationProperty());
        configuration.setWrapText(true);
        configuration.setMaxWidth(Double.MAX_VALUE);
        TitledPane configPane = new TitledPane("Configuration", configuration);
        configPane.setCollapsible(false);

        Label lagNote = new Label("The live OffsetLag chart (per partition, with consumer count and scaling events) "
                + "appears here once the engine records lag series. No lag is shown until then: nothing is simulated.");
        lagNote.setWrapText(true);
        lagNote.getStyleClass().add("placeholder");
        lagChartSlot.setId(LAG_CHART_SLOT_ID);
        lagChartSlot.getStyleClass().add("lag-chart-slot");
        lagChartSlot.getChildren().setAll(lagNote);
        TitledPane lagPane = new TitledPane("OffsetLag", lagChartSlot);
        lagPane.setCollapsible(false);
        lagPane.setTooltip(new Tooltip("Topic-level OffsetLag, as CloudWatch's AWS/Lambda OffsetLag metric"));

        VBox content = new VBox(14, status, problem, lagPane, configPane);
        content.setId("trigger-overview");
        content.getStyleClass().add("trigger-overview");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static Label name(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-name");
        // The API names stay whole; the values beside them wrap.
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label value(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        return label;
    }

    private static Label boundValue(javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.textProperty().bind(text);
        return label;
    }
}
