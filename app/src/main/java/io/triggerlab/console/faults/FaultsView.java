package io.triggerlab.console.faults;

import io.triggerlab.engine.invoke.faults.FaultKind;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.Objects;

/** The "Inject faults" panel. Only builds nodes and binds them to {@link FaultsViewModel}. */
public final class FaultsView {

    private final FaultsViewModel viewModel;
    private final VBox root = new VBox(12);

    public FaultsView(FaultsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        root.setId("faults");
        root.getStyleClass().add("faults");
        Label title = new Label("Inject faults");
        title.getStyleClass().add("section-heading");
        Label extra = new Label(FaultsViewModel.EXTRA_LABEL);
        extra.setId("faults-extra");
        extra.getStyleClass().add("reading-badge");
        HBox heading = new HBox(10, title, extra);
        heading.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("Make the next invocations of this trigger's function fail, be throttled or time out "
                + "instead of reaching it, and watch retries, bisect, partial failures and the on-failure destination "
                + "happen in the Invocations tab. Kept in memory: restarting the engine forgets it.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        Label function = new Label();
        function.setId("faults-function");
        function.textProperty().bind(viewModel.functionNameProperty().map(n -> n.isEmpty() ? "" : "Function: " + n));
        root.getChildren().addAll(heading, hint, function, form(), status());
    }

    public Node root() {
        return root;
    }

    private Node form() {
        ChoiceBox<FaultKind> kind = new ChoiceBox<>();
        kind.setId("faults-kind");
        kind.getItems().setAll(FaultKind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(FaultKind k) {
                return k == null ? "" : FaultsViewModel.label(k);
            }

            @Override
            public FaultKind fromString(String text) {
                throw new UnsupportedOperationException("The choice box is not editable");
            }
        });
        kind.valueProperty().bindBidirectional(viewModel.kindProperty());
        TextField count = new TextField();
        count.setId("faults-count");
        count.setPrefColumnCount(5);
        count.textProperty().bindBidirectional(viewModel.countProperty());
        Button arm = new Button("Arm");
        arm.setId("faults-arm");
        arm.getStyleClass().add("primary");
        arm.disableProperty().bind(viewModel.busyProperty().or(viewModel.functionNameProperty().isEmpty()));
        arm.setOnAction(e -> viewModel.arm());
        Button clear = new Button("Clear");
        clear.setId("faults-clear");
        clear.disableProperty().bind(viewModel.busyProperty().or(viewModel.armedProperty().not()));
        clear.setOnAction(e -> viewModel.clear());
        HBox row = new HBox(8, kind, new Label("the next"), count, new Label("invocation(s)"), arm, clear);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node status() {
        Label armed = new Label();
        armed.setId("faults-armed");
        armed.setWrapText(true);
        armed.textProperty().bind(viewModel.armedTextProperty());
        viewModel.armedProperty().addListener((o, was, is) -> style(armed, is));
        style(armed, viewModel.armedProperty().get());
        Label error = new Label();
        error.setId("faults-error");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorMessageProperty());
        error.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return new VBox(6, armed, error);
    }

    private static void style(Label label, boolean armed) {
        label.getStyleClass().remove("warning");
        if (armed) {
            label.getStyleClass().add("warning");
        }
    }
}
