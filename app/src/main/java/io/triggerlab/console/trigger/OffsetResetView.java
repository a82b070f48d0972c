package io.triggerlab.console.trigger;

import io.triggerlab.console.common.Dialogs;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Objects;

/**
 * The "Reset offsets" dialog's content: Earliest / Latest / At timestamp (date and time), what will be delivered again,
 * a confirmation before anything moves, then each partition's offsets before and after.
 */
public final class OffsetResetView {

    private final OffsetResetViewModel viewModel;
    private final Runnable onClose;
    private final VBox root;

    public OffsetResetView(OffsetResetViewModel viewModel, Runnable onClose) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        this.root = build();
    }

    public Node root() {
        return root;
    }

    private VBox build() {
        Label extra = new Label("TriggerLab extra — the Lambda console has no offset reset (on AWS: kafka-consumer-groups)");
        extra.getStyleClass().add("placeholder");
        extra.setWrapText(true);
        Label title = new Label(viewModel.title());
        title.getStyleClass().add("page-title");

        ToggleGroup group = new ToggleGroup();
        RadioButton earliest = choice("reset-earliest", ResetTarget.EARLIEST, group);
        RadioButton latest = choice("reset-latest", ResetTarget.LATEST, group);
        RadioButton at = choice("reset-at-timestamp", ResetTarget.AT_TIMESTAMP, group);
        group.selectedToggleProperty().addListener((o, was, is) -> {
            if (is != null) {
                viewModel.targetProperty().set((ResetTarget) is.getUserData());
            }
        });
        group.selectToggle(switch (viewModel.targetProperty().get()) {
            case EARLIEST -> earliest;
            case LATEST -> latest;
            case AT_TIMESTAMP -> at;
        });
        DatePicker date = new DatePicker();
        date.setId("reset-date");
        date.valueProperty().bindBidirectional(viewModel.dateProperty());
        TextField time = new TextField();
        time.setId("reset-time");
        time.setPrefColumnCount(8);
        time.textProperty().bindBidirectional(viewModel.timeProperty());
        HBox when = new HBox(8, at, date, time);
        when.setAlignment(Pos.CENTER_LEFT);
        date.disableProperty().bind(at.selectedProperty().not());
        time.disableProperty().bind(at.selectedProperty().not());

        Label confirmation = bound("reset-confirmation", viewModel.confirmationProperty());
        Label error = bound("reset-error", viewModel.errorMessageProperty());
        error.getStyleClass().add("inline-error");
        error.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label result = bound("reset-result", viewModel.resultProperty());
        result.getStyleClass().add("mono");
        result.visibleProperty().bind(viewModel.resultProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("reset-progress");
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(viewModel.busyProperty());
        Button reset = new Button("Reset offsets");
        reset.setId("reset-confirm");
        reset.setDefaultButton(true);
        reset.disableProperty().bind(viewModel.busyProperty().or(viewModel.doneProperty()));
        reset.setOnAction(e -> confirm(reset));
        Button close = new Button("Close");
        close.setId("reset-close");
        close.setCancelButton(true);
        close.setOnAction(e -> onClose.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, progress, spacer, reset, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox box = new VBox(10, title, extra, earliest, latest, when, confirmation, error, result, buttons);
        box.setId("offset-reset");
        box.setPadding(new Insets(16));
        return box;
    }

    /** Nothing moves before the person has read what will be delivered again. */
    private void confirm(Node owner) {
        if (Dialogs.confirm(owner, "Reset the offsets?", viewModel.confirmationProperty().get(), "Reset offsets")) {
            viewModel.reset();
        }
    }

    private static RadioButton choice(String id, ResetTarget target, ToggleGroup group) {
        RadioButton button = new RadioButton(target.toString());
        button.setId(id);
        button.setUserData(target);
        button.setToggleGroup(group);
        return button;
    }

    private static Label bound(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(520);
        label.textProperty().bind(text);
        return label;
    }
}
